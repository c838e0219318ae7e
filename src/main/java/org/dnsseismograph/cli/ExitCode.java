package org.dnsseismograph.cli;

/** The exit codes of DESIGN.md's command-line contract. */
public final class ExitCode {
  public static final int OK = 0;
  public static final int UNREADABLE_INPUT = 1;
  public static final int BAD_USAGE = 2;

  private ExitCode() {}
}
