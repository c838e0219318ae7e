package org.dnsseismograph.cli;

import java.nio.file.Path;

/**
 * An input the command could not read: becomes exit code 1 and one line on stderr naming the file
 * and the reason.
 */
final class InputFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  InputFailure(Path file, String reason) {
    super(file + ": " + reason, null, false, false);
  }

  InputFailure(String message) {
    super(message, null, false, false);
  }
}
