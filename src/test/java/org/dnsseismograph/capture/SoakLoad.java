package org.dnsseismograph.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The dnsperf load of the soak benchmarks ({@link CaptureSoak} and the window's
 * {@code ui.live.LiveWindowSoak}): A queries for 10,000 names under {@link LocalDns#ZONE}, sent
 * by 8 clients from {@link LocalDns#CLIENT_ADDRESS} to a {@link LocalDns}'s Unbound. Rates are
 * queries per second. Not thread-safe; dnsperf failing or timing out is an {@link IOException}.
 */
public final class SoakLoad {
  private static final Pattern QPS = Pattern.compile("Queries per second:\\s+([0-9.]+)");
  private final LocalDns dns;
  private final Path names;

  private SoakLoad(LocalDns dns, Path names) {
    this.dns = dns;
    this.names = names;
  }

  /** Writes the names into {@code dns}'s directory. */
  public static SoakLoad on(LocalDns dns) throws IOException {
    Path names = dns.dir().resolve("names.txt");
    Files.write(names, IntStream.range(0, 10_000).mapToObj(i -> "n" + i + ".w." + LocalDns.ZONE + " A").toList());
    return new SoakLoad(dns, names);
  }

  /** What dnsperf reaches unthrottled in 15 s. */
  public int unthrottledRate() throws IOException {
    String out = run(15, 0);
    Matcher m = QPS.matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("not found in: " + out);
    }
    return (int) Double.parseDouble(m.group(1));
  }

  /** The load for {@code seconds} at {@code rate} (0: unthrottled) on another thread; its text is dnsperf's output or the failure. */
  public CompletableFuture<String> start(int seconds, int rate) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return run(seconds, rate);
      } catch (IOException e) {
        return e.toString();
      }
    });
  }

  /** The lines of dnsperf's output worth reporting (queries, latency, run time), trimmed. */
  public static List<String> summary(String dnsperf) {
    return dnsperf.lines().filter(l -> l.contains("Queries") || l.contains("latency") || l.contains("Run time")).map(String::trim).toList();
  }

  private String run(int seconds, int rate) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("/usr/bin/dnsperf", "-s", LocalDns.UNBOUND_ADDRESS, "-p", Integer.toString(dns.unboundPort()), "-a",
        LocalDns.CLIENT_ADDRESS, "-d", names.toString(), "-c", "8", "-q", "500", "-l", Integer.toString(seconds), "-t", "2"));
    if (rate > 0) {
      cmd.addAll(List.of("-Q", Integer.toString(rate)));
    }
    return LocalDns.run(cmd, seconds + 60L);
  }
}
