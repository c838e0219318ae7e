package org.dnsseismograph.wire;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The file is neither pcap, pcapng nor a gzip'd version of either. The message names the file and
 * says what its first bytes look like, fit for one line of a command-line error.
 */
public final class NotACaptureException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  public NotACaptureException(Path file, String why) {
    super((file == null ? "input" : file.toString()) + ": not a pcap or pcapng capture: " + why);
    this.file = file;
  }

  /** The file that was not a capture, or null for in-memory input. */
  public Path file() {
    return file;
  }
}
