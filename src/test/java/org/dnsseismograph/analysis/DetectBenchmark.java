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
 * detect} on it, and loads it once with {@link CaptureLoader}, reporting the heap it retains. A
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
    double[] series = new double[rounds];
    double[] detect = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      series[r] = time(() -> CaptureSeries.compute(new SeriesRequest(files, DecodeOptions.defaults(), List.of("dns.queries", "dns.responses"), S, null,
          3 * S), Progress.NONE));
      detect[r] = time(() -> print(CaptureDetect.run(new LoadRequest(files, DecodeOptions.defaults(), 3 * S), Progress.NONE)));
      System.out.printf(Locale.ROOT, "round %d: series %.2f s, detect %.2f s (%.2fx)%n", r + 1, series[r], detect[r], detect[r] / series[r]);
    }
    double s = median(series);
    double d = median(detect);
    System.out.printf(Locale.ROOT, "median: series %.2f s (%.2f M frames/s), detect %.2f s (%.2f M frames/s): detect/series = %.2f%n", s,
        frames / s / 1e6, d, frames / d / 1e6, d / s);
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

  private static double time(Work w) throws IOException {
    long t0 = System.nanoTime();
    if (w.run() == null) {
      throw new IllegalStateException("no result");
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  private static double median(double[] v) {
    double[] c = v.clone();
    Arrays.sort(c);
    return c[c.length / 2];
  }
}
