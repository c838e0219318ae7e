package org.dnsseismograph.capture;

import java.io.IOException;
import java.nio.file.Path;

/** A file that does not begin as a dnstap Frame Streams file (a START frame of the dnstap content type). */
public final class NotADnstapFileException extends IOException {
  private static final long serialVersionUID = 1L;

  public NotADnstapFileException(Path file, String why) {
    super(file + ": not a dnstap file (" + why + ")");
  }
}
