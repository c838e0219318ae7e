package org.dnsseismograph.analysis;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.wire.DecodeOptions;
import org.dnsseismograph.wire.IpAddress;

/**
 * How long {@code detect} takes against {@code series} on the same large capture (issue 3: within
 * 1.5×), and what the window's loader holds in memory. Generates a deterministic capture of a busy
 * resolver with {@link SyntheticCapture} (5,000 clients, 40 zones of 1 to 4 servers, cached and
 * NXDOMAIN answers, 2 % over TCP, 1 % of client queries never answered, 0.5 % of upstream answers
 * lost, one zone dark for 30 s), then times, alternately and several rounds each, {@code series}
 * (dns.queries and dns.responses per second, what the foundation's parity is about) and {@code
 * detect} on it (and {@code series} of client-side metrics, which needs the roles too), wall time and
 * the CPU time of the reading thread (the fair figure on a machine shared with other work), and
 * loads it once with {@link CaptureLoader}, reporting the heap it retains. A
 * measurement, not a test: {@code java -cp target/classes:target/test-classes:<deps>
 * org.dnsseismograph.analysis.DetectBenchmark [frames] [file] [rounds]}.
 */
public final class DetectBenchmark {
  private static final long S = SyntheticCapture.S;

  private DetectBenchmark() {}

  public static void main(String[] args) throws IOException {
    long frames = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
    Path file = Path.of(args.length > 1 ? args[1] : "/tmp/detect-benchmark.pcap");
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    if (!Files.exists(file)) {
      long t0 = System.nanoTime();
      SyntheticCapture.Truth truth = SyntheticCapture.write(file, scenario(frames));
      System.out.printf(Locale.ROOT, "generated %,d frames (%,d client lookups), %,d bytes in %.1f s%n", truth.frames, truth.clientQueries,
          Files.size(file), (System.nanoTime() - t0) / 1e9);
    }
    List<Path> files = List.of(file);
    double[][] series = new double[2][rounds];
    double[][] detect = new double[2][rounds];
    double[][] roles = new double[2][rounds];
    for (int r = 0; r < rounds; r++) {
      time(series, r, () -> CaptureSeries.compute(new SeriesRequest(files, DecodeOptions.defaults(), List.of("dns.queries", "dns.responses"), S,
          null, 3 * S), Progress.NONE));
      time(detect, r, () -> print(CaptureDetect.run(new LoadRequest(files, DecodeOptions.defaults(), 3 * S), Progress.NONE)));
      time(roles, r, () -> CaptureSeries.compute(new SeriesRequest(files, DecodeOptions.defaults(), List.of("client.queries", "client.retries",
          "upstream.timeouts"), S, null, 3 * S), Progress.NONE));
      System.out.printf(Locale.ROOT, "round %d: series %.2f s (cpu %.2f), detect %.2f s (cpu %.2f), series of client.* %.2f s (cpu %.2f)%n", r + 1,
          series[0][r], series[1][r], detect[0][r], detect[1][r], roles[0][r], roles[1][r]);
    }
    for (int k = 0; k < 2; k++) {
      double s = median(series[k]);
      double d = median(detect[k]);
      double c = median(roles[k]);
      System.out.printf(Locale.ROOT, "median %s: series %.2f s (%.2f M frames/s), detect %.2f s (%.2f M frames/s), detect/series = %.2f;"
          + " series of client.* %.2f s, detect/that = %.2f%n", k == 0 ? "wall" : "thread cpu", s, frames / s / 1e6, d, frames / d / 1e6, d / s, c, d / c);
    }
    loader(files);
  }

  private static Object print(CaptureDetect.Result r) {
    if (r.report().outages().isEmpty()) {
      throw new IllegalStateException("the benchmark's dark zone was not found");
    }
    return r;
  }

  private static void loader(List<Path> files) throws IOException {
    long t0 = System.nanoTime();
    LoadResult result = new CaptureLoader(new LoadRequest(files, DecodeOptions.defaults(), 3 * S)).load(Progress.NONE, snapshot -> {});
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.gc();
    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    System.out.printf(Locale.ROOT, "loader: %.2f s, %d series, %,d transactions, heap after GC holding the result %.0f MB%n", seconds,
        result.snapshot().series().series().size(), result.snapshot().transactions().size(), used / 1e6);
  }

  /** A busy resolver: 2,500 lookups per second, long enough for about {@code frames} frames. */
  static SyntheticScenario scenario(long frames) {
    SyntheticScenario sc = new SyntheticScenario();
    sc.lookupsPerSecond = 2500;
    sc.clients = 5000;
    sc.duration = (long) (frames / 3.4 / sc.lookupsPerSecond * S);
    sc.tcpShare = 0.02;
    sc.resolverDrops = 0.01;
    sc.upstreamLoss = 0.005;
    sc.recordTruth = false;
    List<SyntheticScenario.Zone> zones = new ArrayList<>();
    for (int z = 0; z < 40; z++) {
      List<IpAddress> servers = new ArrayList<>();
      for (int k = 0; k <= z % 4; k++) {
        servers.add(IpAddress.ofIpv4(0xC633_0000 | z << 4 | k));
      }
      zones.add(new SyntheticScenario.Zone("zone" + z + ".net", servers, 1.0 / 40));
    }
    sc.zones = zones;
    for (IpAddress server : zones.get(3).servers()) {
      sc.dark.add(new SyntheticScenario.Dark(server, sc.duration / 2, sc.duration / 2 + 30 * S, 0));
    }
    return sc;
  }

  private interface Work {
    Object run() throws IOException;
  }

  /** Runs the work, storing its wall time in {@code into[0][round]} and this thread's CPU time in {@code into[1][round]}, in seconds. */
  private static void time(double[][] into, int round, Work w) throws IOException {
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long c0 = threads.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    if (w.run() == null) {
      throw new IllegalStateException("no result");
    }
    into[0][round] = (System.nanoTime() - t0) / 1e9;
    into[1][round] = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
  }

  private static double median(double[] v) {
    double[] c = v.clone();
    Arrays.sort(c);
    return c[c.length / 2];
  }
}
