package org.dnsseismograph;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.dnsseismograph.cli.SeismographCommand;

/**
 * The launcher: the command line, which opens the window itself when asked (no arguments, {@code
 * open}). Not an {@code Application} subclass, so the fat jar starts from the classpath (STACK.md
 * §6a). The only class that sees both {@code cli} and {@code ui}.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(new java.io.FileOutputStream(java.io.FileDescriptor.out), StandardCharsets.UTF_8), false);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(new java.io.FileOutputStream(java.io.FileDescriptor.err), StandardCharsets.UTF_8), true);
    int code = SeismographCommand.run(args, request -> {
      err.println("seismograph: the window is not part of this build yet; use a command (seismograph --help)");
      return 2;
    }, out, err);
    System.exit(code);
  }
}
