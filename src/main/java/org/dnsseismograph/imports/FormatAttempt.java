package org.dnsseismograph.imports;

/**
 * One format the importer tried on a file, and why it did not fit. Immutable.
 *
 * @param format the format tried
 * @param reason why it was not this format, naming the line or element where it went wrong
 */
public record FormatAttempt(ImportFormat format, String reason) {

  @Override
  public String toString() {
    return format.cliName() + ": " + reason;
  }
}
