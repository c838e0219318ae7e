package org.dnsseismograph.capture;

/**
 * A live source could not be opened or listed. The message is one line for people that says what
 * to do (how to grant capture rights, which interfaces exist); there is no stack trace to show.
 */
public final class CaptureException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What went wrong, for callers that react differently (the UI offers help for permissions). */
  public enum Kind {
    /** The process may not capture: not root and without the capabilities. */
    NO_PERMISSION,
    /** The interface named does not exist. */
    NO_SUCH_INTERFACE,
    /** The BPF filter does not compile. */
    BAD_FILTER,
    /** libpcap cannot be loaded. */
    LIBPCAP_MISSING,
    /** The socket address is taken, or the socket path exists and is not a socket. */
    ADDRESS_IN_USE,
    /** Anything else libpcap or the operating system refused. */
    OTHER
  }

  private final Kind kind;

  public CaptureException(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
