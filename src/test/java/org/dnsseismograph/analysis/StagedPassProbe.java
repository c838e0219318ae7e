package org.dnsseismograph.analysis;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
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
import org.dnsseismograph.wire.DnsPayload;

/**
 * Would a staged pass be faster? {@link PipelineStageBenchmark}'s stage 3 (decode, scan, match)
 * with every DNS payload copied into a slab, so that a batch of {@code B} messages outlives the
 * read buffer's refills, and the batch then run stage by stage: with {@code --stages 2} the scan
 * runs as each payload arrives and the matcher over the batch; with {@code --stages 3} the scan
 * too runs over the batch. {@code B = 1} is the per-message pass with the same copying, so the
 * two differ by the staging alone. The batches are run alternately in one JVM and the paired
 * ratios printed, because this host's speed drifts by more than the effect. A benchmark, not a
 * test: {@code java -cp <test classpath> org.dnsseismograph.analysis.StagedPassProbe FILE PAIRS
 * STAGES B1 B2}; prints CPU ns per packet per run.
 */
final class StagedPassProbe {
  private static final int SLOT = 512;
  private static final long TIMEOUT = 3 * TimeUnits.NANOS_PER_SECOND;

  private final int batch;
  private final boolean scanInBatch;
  private final DnsPayload[] payloads;
  private final DnsMessageView[] views;
  private final boolean[] wellFormed;
  private final ByteBuffer slab;
  private final DnsHeaderScanner scanner = new DnsHeaderScanner();
  private final QueryResponseMatcher matcher;
  private final long[] latencySum = {0};
  private int held;

  private StagedPassProbe(int batch, boolean scanInBatch) {
    this.batch = batch;
    this.scanInBatch = scanInBatch;
    payloads = new DnsPayload[batch];
    views = new DnsMessageView[batch];
    wellFormed = new boolean[batch];
    for (int i = 0; i < batch; i++) {
      payloads[i] = new DnsPayload();
      views[i] = new DnsMessageView();
    }
    slab = ByteBuffer.allocate(batch * SLOT);
    matcher = new QueryResponseMatcher(MatcherConfig.defaults().withTimeout(TIMEOUT), t -> latencySum[0] += t.latencyNanos);
  }

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int pairs = Integer.parseInt(args[1]);
    boolean scanInBatch = Integer.parseInt(args[2]) == 3;
    int[] batches = {Integer.parseInt(args[3]), Integer.parseInt(args[4])};
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long checksum = 0;
    for (int pair = 0; pair <= pairs; pair++) {
      double[] ns = new double[2];
      long[] sums = new long[2];
      for (int k = 0; k < 2; k++) {
        StagedPassProbe probe = new StagedPassProbe(batches[k], scanInBatch);
        long cpu0 = threads.getCurrentThreadCpuTime();
        long frames = CaptureScanner.scan(List.of(file), DecodeOptions.defaults(), probe::accept, Progress.NONE).frames();
        probe.flush();
        probe.matcher.finish();
        ns[k] = (threads.getCurrentThreadCpuTime() - cpu0) / (double) frames;
        sums[k] = probe.latencySum[0];
      }
      if (sums[0] != sums[1]) {
        throw new IllegalStateException("the two batch sizes matched differently: latency sums " + sums[0] + " and " + sums[1]);
      }
      checksum += sums[0];
      System.out.printf(Locale.ROOT, "%s B=%d %.1f B=%d %.1f ns/packet%n", pair == 0 ? "warm-up" : "pair " + pair, batches[0], ns[0], batches[1], ns[1]);
    }
    System.out.printf(Locale.ROOT, "checksum %x%n", checksum);
  }

  private void accept(DnsPayload p) {
    if (p.length > SLOT) {
      // a long TCP message: the batch so far first, then this one on its own, in order
      flush();
      DnsMessageView view = views[0];
      if (scanner.scan(p.buffer, p.offset, p.length, view) == ScanResult.OK) {
        matcher.onMessage(p, view);
      } else {
        matcher.advanceTo(p.timestampNanos);
      }
      return;
    }
    DnsPayload copy = payloads[held];
    copy.timestampNanos = p.timestampNanos;
    copy.frameNumber = p.frameNumber;
    copy.transport = p.transport;
    copy.srcHi = p.srcHi;
    copy.srcLo = p.srcLo;
    copy.dstHi = p.dstHi;
    copy.dstLo = p.dstLo;
    copy.srcPort = p.srcPort;
    copy.dstPort = p.dstPort;
    copy.buffer = slab;
    copy.offset = held * SLOT;
    copy.length = p.length;
    copy.originalLength = p.originalLength;
    slab.put(copy.offset, p.buffer, p.offset, p.length);
    if (!scanInBatch) {
      wellFormed[held] = scanner.scan(slab, copy.offset, copy.length, views[held]) == ScanResult.OK;
    }
    if (++held == batch) {
      flush();
    }
  }

  private void flush() {
    if (scanInBatch) {
      for (int i = 0; i < held; i++) {
        wellFormed[i] = scanner.scan(slab, payloads[i].offset, payloads[i].length, views[i]) == ScanResult.OK;
      }
    }
    for (int i = 0; i < held; i++) {
      if (wellFormed[i]) {
        matcher.onMessage(payloads[i], views[i]);
      } else {
        matcher.advanceTo(payloads[i].timestampNanos);
      }
    }
    held = 0;
  }
}
