import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import org.dnsseismograph.analysis.CaptureSeries;
import org.dnsseismograph.analysis.SeriesRequest;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.wire.DecodeOptions;

/** One pass of `seismograph bench` (series, its eleven metrics, 1 s, 3 s timeout) for bench/paired-pass: CPU ns per packet. */
public final class PairedPassDriver {
  private static final List<String> METRICS = List.of("dns.queries", "dns.responses", "dns.rcode.NOERROR", "dns.rcode.NXDOMAIN",
      "dns.rcode.SERVFAIL", "dns.unanswered", "dns.truncated", "dns.latency.p50", "dns.latency.p99", "dns.latency.max", "packets.skipped");

  private PairedPassDriver() {}

  public static double pass(String capture) throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu = threads.getCurrentThreadCpuTime();
    SeriesRequest request = new SeriesRequest(List.of(Path.of(capture)), DecodeOptions.defaults(), METRICS, 1_000_000_000L, null, 3_000_000_000L);
    long frames = CaptureSeries.compute(request, Progress.NONE).scan().frames();
    return (threads.getCurrentThreadCpuTime() - cpu) / (double) frames;
  }
}
