package org.dnsseismograph.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code lab/run-lab}: real authoritative servers, resolvers, dnsperf and stub clients on
 * loopback (lab/README.md). Needs root and the lab's Debian packages; {@link #missing()} says what
 * is not there, for the tests' assumptions. One lab runs per machine: when another holds the lab's
 * addresses, a run waits and tries again.
 */
public final class Lab {
  private static final Path RUN_LAB = Path.of("lab/run-lab");
  private static final List<String> TOOLS = List.of("nsd", "knotd", "unbound", "unbound-control", "pdns_recursor", "rec_control", "dnsperf", "dig",
      "tcpdump", "capinfos", "python3", "setsid");
  private static final int ATTEMPTS = 6;

  private Lab() {}

  /** Why the lab cannot run here (not root, tools missing), or empty when it can. */
  public static String missing() {
    if (!"root".equals(System.getProperty("user.name"))) {
      return "the lab needs root (port 53 and packet capture); run as root to include this test";
    }
    List<String> tools = TOOLS.stream().filter(t -> !onPath(t)).toList();
    return tools.isEmpty() ? "" : "the lab's DNS software is missing (" + tools + "); see lab/README.md for the packages";
  }

  private static boolean onPath(String tool) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(d, tool))) {
        return true;
      }
    }
    return false;
  }

  /** Runs the lab with {@code args} into a new directory under {@code dir}; that directory (its capture, truth.json). */
  public static Path run(Path dir, String name, String... args) throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      Path out = dir.resolve(name + "-" + attempt);
      List<String> cmd = new ArrayList<>(List.of(RUN_LAB.toString(), "--out", out.toString()));
      cmd.addAll(List.of(args));
      Path log = dir.resolve(name + "-" + attempt + ".log");
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!p.waitFor(300, TimeUnit.SECONDS)) {
        p.destroy();
        p.waitFor(30, TimeUnit.SECONDS);
        fail("run-lab did not finish within 5 minutes: " + Files.readString(log, StandardCharsets.UTF_8));
      }
      String text = Files.readString(log, StandardCharsets.UTF_8);
      if (p.exitValue() == 0) {
        return out;
      }
      if (text.contains("cannot bind") && attempt < ATTEMPTS) {
        // Another lab holds the addresses (one lab per machine): wait for it to finish.
        Thread.sleep(30_000);
        continue;
      }
      fail("run-lab " + String.join(" ", args) + " failed (exit " + p.exitValue() + "): " + text);
    }
  }
}
