package org.dnsseismograph.capture;

/**
 * A Frame Streams stream that cannot be read on: truncated, malformed, too large a frame, or of the
 * wrong content type. Carries the reason it is counted under.
 */
public final class FrameStreamException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient DnstapSkip reason;

  public FrameStreamException(DnstapSkip reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public DnstapSkip reason() {
    return reason;
  }
}
