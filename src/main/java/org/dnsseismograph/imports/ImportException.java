package org.dnsseismograph.imports;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An export that could not be imported: unreadable, empty, or in none of the known formats. When
 * formats were tried, the message names each with the reason it did not fit. Checked, so callers
 * (the CLI: exit 1 with this message) cannot forget it.
 */
public final class ImportException extends IOException {
  private static final long serialVersionUID = 1L;
  private final transient List<FormatAttempt> attempts;

  public ImportException(String message) {
    super(message);
    this.attempts = List.of();
  }

  public ImportException(String message, Throwable cause) {
    super(message, cause);
    this.attempts = List.of();
  }

  /** No format fitted: the message lists every attempt. */
  public ImportException(String source, List<FormatAttempt> attempts) {
    super(source + ": not a known export format; tried " + attempts.stream().map(FormatAttempt::toString)
        .collect(Collectors.joining("; ")));
    this.attempts = List.copyOf(attempts);
  }

  /** The formats tried and why each did not fit; empty when the failure was not about formats. */
  public List<FormatAttempt> attempts() {
    return attempts;
  }
}
