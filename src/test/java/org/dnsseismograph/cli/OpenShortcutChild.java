package org.dnsseismograph.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * A child process for {@link OpenShortcutTest}: runs the command line on its arguments with a
 * window that only says what it was asked to open, so the test can read which classes the JVM
 * loaded on the way.
 */
final class OpenShortcutChild {
  private OpenShortcutChild() {}

  public static void main(String[] args) {
    StringWriter out = new StringWriter();
    int code = SeismographCommand.run(args, r -> {
      System.out.println("window " + r.files());
      return ExitCode.OK;
    }, new PrintWriter(out), new PrintWriter(new StringWriter()));
    System.out.print(out);
    System.exit(code);
  }
}
