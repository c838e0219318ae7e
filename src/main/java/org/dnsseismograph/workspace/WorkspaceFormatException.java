package org.dnsseismograph.workspace;

import java.io.IOException;

/**
 * A workspace file that cannot be read: not JSON, a field missing or malformed, or written by a
 * newer program (a format version this one does not know). The message names the field and says
 * what to do, in one line fit for a status bar or stderr.
 */
public final class WorkspaceFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  public WorkspaceFormatException(String message) {
    super(message);
  }

  public WorkspaceFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
