package org.dnsseismograph.analysis;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.dns.DnsHeaderScanner;
import org.dnsseismograph.dns.DnsMessageView;
import org.dnsseismograph.dns.ScanResult;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.traffic.MatcherConfig;
import org.dnsseismograph.traffic.QueryResponseMatcher;
import org.dnsseismograph.wire.CaptureScanner;
import org.dnsseismograph.wire.DecodeOptions;

/**
 * CPU nanoseconds per packet of the capture pass cut after each stage, so that the cost of a stage
 * is the difference between two lines: 1 reads and decodes down to DNS payloads, 2 also scans each
 * message ({@link DnsHeaderScanner}), 3 also matches queries to responses ({@link
 * QueryResponseMatcher}, 3 s timeout), 4 is the whole of {@code seismograph bench}'s pass ({@link
 * CaptureSeries} with its eleven metrics at 1 s). A benchmark, not a test: run by hand, one stage
 * per JVM (so that no call site's profile sees another stage's classes), {@code java -cp <test
 * classpath> org.dnsseismograph.analysis.PipelineStageBenchmark STAGE FILE [RUNS]}; it prints the
 * best of RUNS runs after one warm-up, with every run's figure, measured as the reading thread's CPU
 * time.
 */
final class PipelineStageBenchmark {
  private static final List<String> METRICS = List.of("dns.queries", "dns.responses", "dns.rcode.NOERROR", "dns.rcode.NXDOMAIN",
      "dns.rcode.SERVFAIL", "dns.unanswered", "dns.truncated", "dns.latency.p50", "dns.latency.p99", "dns.latency.max", "packets.skipped");
  private static final long TIMEOUT = 3 * TimeUnits.NANOS_PER_SECOND;

  /** Keeps the work observable, so the JIT cannot drop it. */
  private static long sink;

  private PipelineStageBenchmark() {}

  public static void main(String[] args) throws Exception {
    int stage = Integer.parseInt(args[0]);
    Path file = Path.of(args[1]);
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double best = Double.MAX_VALUE;
    StringBuilder all = new StringBuilder();
    for (int run = 0; run <= runs; run++) {
      long cpu0 = threads.getCurrentThreadCpuTime();
      long frames = run(stage, file);
      double ns = (threads.getCurrentThreadCpuTime() - cpu0) / (double) frames;
      if (run > 0) {
        best = Math.min(best, ns);
        all.append(String.format(Locale.ROOT, " %.0f", ns));
      }
    }
    System.out.printf(Locale.ROOT, "stage %d: best %.1f ns/packet (runs:%s; checksum %x)%n", stage, best, all, sink);
  }

  /** One pass cut after {@code stage}; the frames read. */
  private static long run(int stage, Path file) throws Exception {
    DnsHeaderScanner scanner = new DnsHeaderScanner();
    DnsMessageView view = new DnsMessageView();
    long[] sum = {0};
    long frames;
    switch (stage) {
      case 1 -> frames = CaptureScanner.scan(List.of(file), DecodeOptions.defaults(), p -> sum[0] += p.length + p.srcPort, Progress.NONE).frames();
      case 2 -> frames = CaptureScanner.scan(List.of(file), DecodeOptions.defaults(), p -> {
        if (scanner.scan(p.buffer, p.offset, p.length, view) == ScanResult.OK) {
          sum[0] += view.qtype + view.qnameOctets();
        }
      }, Progress.NONE).frames();
      case 3 -> {
        QueryResponseMatcher matcher = new QueryResponseMatcher(MatcherConfig.defaults().withTimeout(TIMEOUT), t -> sum[0] += t.latencyNanos);
        frames = CaptureScanner.scan(List.of(file), DecodeOptions.defaults(), p -> {
          if (scanner.scan(p.buffer, p.offset, p.length, view) == ScanResult.OK) {
            matcher.onMessage(p, view);
          } else {
            matcher.advanceTo(p.timestampNanos);
          }
        }, Progress.NONE).frames();
        matcher.finish();
      }
      case 4 -> frames = CaptureSeries.compute(new SeriesRequest(List.of(file), DecodeOptions.defaults(), METRICS, TimeUnits.NANOS_PER_SECOND, null, TIMEOUT),
          Progress.NONE).scan().frames();
      default -> throw new IllegalArgumentException("stage is 1 to 4, not " + stage);
    }
    sink += sum[0];
    return frames;
  }
}
