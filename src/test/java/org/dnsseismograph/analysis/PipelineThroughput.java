package org.dnsseismograph.analysis;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.dnsseismograph.dns.DnsMessageView;
import org.dnsseismograph.dns.ScanResult;
import org.dnsseismograph.traffic.MatcherConfig;
import org.dnsseismograph.traffic.QueryResponseMatcher;
import org.dnsseismograph.traffic.TransactionColumns;
import org.dnsseismograph.wire.DnsPayload;
import org.dnsseismograph.wire.IpAddress;
import org.dnsseismograph.wire.Transport;

/**
 * Throughput of dispatcher + matcher + aggregator (optionally + columns) on a deterministic
 * synthetic stream: a resolver at 200,000 messages per second of capture time, 20,000 clients,
 * 100,000 distinct names, log-normal latencies (median about 20 ms), 3 % of queries unanswered,
 * 5 % NXDOMAIN, 1 % SERVFAIL, 1.6 % over TCP, names skewed towards popular ones. The flyweights are filled per message as the capture
 * reader and scanner would. Reports messages per second and bytes allocated per message
 * (ThreadMXBean), after a warm-up pass. A measurement, not a test: run it by hand.
 *
 * <p>Arguments: {@code [messages] [stepMillis] [columns:true|false] [passes] [hot]}; {@code hot}
 * answers every query after 20 µs, so that almost nothing is pending and the working set stays in
 * cache: the CPU cost without memory stalls.
 */
public final class PipelineThroughput {
  private static final long S = 1_000_000_000L;
  private static final long T0 = 1_265_057_350L * S;
  private static final int CLIENTS = 20_000;
  private static final int NAMES = 100_000;
  private static final long RESOLVER = IpAddress.parse("10.0.0.53").lo();

  private final long[] events;
  /** Per name, a query carrying it (header and question), scanned into the view per message. */
  private final java.nio.ByteBuffer[] names = new java.nio.ByteBuffer[NAMES];
  private final org.dnsseismograph.dns.DnsHeaderScanner scanner = new org.dnsseismograph.dns.DnsHeaderScanner();
  private final DnsPayload payload = new DnsPayload();
  private final DnsMessageView view = new DnsMessageView();

  private PipelineThroughput(int messages, boolean hot) {
    for (int i = 0; i < NAMES; i++) {
      names[i] = java.nio.ByteBuffer.wrap(DnsWire.query(0, "host" + i + ".zone" + (i % 97) + ".example.net", 1, true));
    }
    events = schedule(messages, hot);
  }

  /** Queries 5 µs apart, responses after their latency, as (timeOffset << 25 | query << 1 | isResponse), in time order. */
  private static long[] schedule(int messages, boolean hot) {
    long[] ev = new long[messages];
    int n = 0;
    for (int q = 0; n < messages; q++) {
      long t = q * 5_000L;
      ev[n++] = (t << 25) | ((long) q << 1);
      long h = mix(q);
      if (n < messages && (hot || (h & 0xFF) >= 8)) {
        ev[n++] = ((t + (hot ? 20_000 : latency(h))) << 25) | ((long) q << 1) | 1;
      }
    }
    Arrays.sort(ev);
    return ev;
  }

  private static long latency(long h) {
    double g = ((h >>> 12) & 0xFFFF) / 65536.0 + ((h >>> 28) & 0xFFFF) / 65536.0 + ((h >>> 44) & 0xFFFF) / 65536.0 - 1.5;
    return (long) Math.min(2.5e9, Math.exp(Math.log(20e6) + 1.6 * g));
  }

  private static long mix(long x) {
    long h = x * 0x9E3779B97F4A7C15L;
    h ^= h >>> 31;
    h *= 0xBF58476D1CE4E5B9L;
    return h ^ (h >>> 29);
  }

  /**
   * Per query, drawn from its number without tables (so the generator's own memory traffic stays
   * small): client(15) name(17, skewed towards popular names as real traffic is) port(15) tcp(1)
   * rcode class(7) AAAA(1).
   */
  private static long attributes(int q) {
    long h = mix(q);
    long client = ((h >>> 16) & 0xFFFF_FFFFL) * CLIENTS >>> 32;
    long name = (((h >>> 20) & 0xFFFF) * ((h >>> 36) & 0xFFFF) >>> 16) * NAMES >>> 16;
    long port = (h >>> 8) & 0x7FFF;
    long tcp = ((h >>> 50) & 0x3F) == 0 ? 1 : 0;
    long r = ((h >>> 40) & 0xFFFF) * 100 >>> 16;
    return client | name << 15 | port << 32 | tcp << 47 | r << 48 | (r < 30 ? 1L : 0) << 55;
  }

  private void fill(long event) {
    int q = (int) ((event >>> 1) & 0xFF_FFFF);
    boolean response = (event & 1) != 0;
    long a = attributes(q);
    int name = (int) (a >>> 15) & 0x1FFFF;
    long clientLo = IpAddress.v4Lo(0xC0000000 | (int) (a & 0x7FFF));
    int clientPort = 1024 + (int) (a >>> 32) & 0x7FFF;
    int r = (int) (a >>> 48) & 0x7F;
    payload.timestampNanos = T0 + (event >>> 25);
    payload.frameNumber++;
    payload.transport = ((a >>> 47) & 1) != 0 ? Transport.TCP : Transport.UDP;
    payload.srcHi = 0;
    payload.dstHi = 0;
    payload.srcLo = response ? RESOLVER : clientLo;
    payload.dstLo = response ? clientLo : RESOLVER;
    payload.srcPort = response ? 53 : clientPort;
    payload.dstPort = response ? clientPort : 53;
    scanner.scan(names[name], 0, names[name].limit(), view);
    view.id = q & 0xFFFF;
    view.qr = response;
    view.rd = true;
    view.rcode = !response ? 0 : r < 5 ? 3 : r < 6 ? 2 : 0;
    view.tc = false;
    view.hasQuestion = true;
    view.qtype = (a >>> 55) != 0 ? 28 : 1;
  }

  /** The cost of filling the flyweights alone, to subtract. */
  private String baseline() {
    java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long t0 = mx.getCurrentThreadCpuTime();
    long sink = 0;
    for (long e : events) {
      fill(e);
      sink += view.qnameOctets();
    }
    long t1 = mx.getCurrentThreadCpuTime();
    return String.format("fill only: thread CPU %.3f s = %.1f ns/msg (checksum %d)", (t1 - t0) / 1e9, (t1 - t0) / (double) events.length, sink & 0xF);
  }

  private String pass(long stepMillis, boolean withColumns) {
    MatcherConfig mc = MatcherConfig.defaults();
    MetricAggregator agg = new MetricAggregator(AggregatorConfig.of(stepMillis * 1_000_000L), Rcodes::name, Rcodes::number);
    TransactionColumns cols = withColumns ? new TransactionColumns(mc.timeoutNanos()) : null;
    MessageDispatcher d = new MessageDispatcher(mc, agg, cols);
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long tid = Thread.currentThread().getId();
    long bytes0 = mx.getThreadAllocatedBytes(tid);
    long cpu0 = mx.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    int half = events.length / 2;
    long bytesHalf = 0;
    long cpuHalf = 0;
    for (int i = 0; i < events.length; i++) {
      if (i == half) {
        bytesHalf = mx.getThreadAllocatedBytes(tid);
        cpuHalf = mx.getCurrentThreadCpuTime();
      }
      fill(events[i]);
      d.onMessage(payload, view, ScanResult.OK);
    }
    long steadyBytes = mx.getThreadAllocatedBytes(tid) - bytesHalf;
    long steadyCpu = mx.getCurrentThreadCpuTime() - cpuHalf;
    d.finish();
    long t1 = System.nanoTime();
    long cpu = mx.getCurrentThreadCpuTime() - cpu0;
    long bytes = mx.getThreadAllocatedBytes(tid) - bytes0;
    DispatchStats st = d.stats();
    int rows = agg.table().rowCount();
    return String.format("%,d msgs: wall %.3f s = %.2f M msgs/s, thread CPU %.3f s = %.2f M msgs/s (%.0f ns/msg); allocated %,d B in all, %,d B in the second half "
        + "(%.0f ns/msg CPU there); answered %,d, unanswered %,d, peak pending %,d, %d rows%s",
        events.length, (t1 - t0) / 1e9, events.length / ((t1 - t0) / 1e9) / 1e6, cpu / 1e9, events.length / (cpu / 1e9) / 1e6, cpu / (double) events.length, bytes,
        steadyBytes, steadyCpu / (double) (events.length - half), st.matcher().answered(), st.matcher().unanswered(), st.matcher().peakPending(), rows,
        withColumns ? ", columns " + cols.snapshot().size() + " rows" : "");
  }

  /** The matcher alone, transactions dropped: to see how the cost splits. */
  private String matcherOnly() {
    long[] count = new long[1];
    QueryResponseMatcher m = new QueryResponseMatcher(MatcherConfig.defaults(), t -> count[0]++);
    java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long t0 = mx.getCurrentThreadCpuTime();
    for (long e : events) {
      fill(e);
      m.onMessage(payload, view);
    }
    m.finish();
    long t1 = mx.getCurrentThreadCpuTime();
    return String.format("matcher only: thread CPU %.3f s = %.1f ns/msg (%,d transactions)", (t1 - t0) / 1e9, (t1 - t0) / (double) events.length, count[0]);
  }

  /** A pure-CPU loop of known cost (one dependent multiply-xorshift chain, about 1 ns per step on an idle 3 GHz core), to read the other figures against. */
  private String calibration() {
    java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long t0 = mx.getCurrentThreadCpuTime();
    long w0 = System.nanoTime();
    long x = 1;
    for (int i = 0; i < 200_000_000; i++) {
      x = (x ^ (x >>> 29)) * 0xBF58476D1CE4E5B9L;
    }
    long t1 = mx.getCurrentThreadCpuTime();
    long w1 = System.nanoTime();
    // One random cycle through all 4 M entries (Sattolo's shuffle), so every read misses.
    int[] chase = new int[1 << 22];
    for (int i = 0; i < chase.length; i++) {
      chase[i] = i;
    }
    for (int i = chase.length - 1; i > 0; i--) {
      int k = (int) ((mix(i) & 0x7FFF_FFFFL) % i);
      int tmp = chase[i];
      chase[i] = chase[k];
      chase[k] = tmp;
    }
    long t2 = mx.getCurrentThreadCpuTime();
    int j = 0;
    for (int i = 0; i < 10_000_000; i++) {
      j = chase[j];
    }
    long t3 = mx.getCurrentThreadCpuTime();
    return String.format("calibration: %.2f ns CPU (%.2f ns wall) per dependent multiply-xorshift step; %.1f ns CPU per dependent random read in 16 MB (checksum %d)",
        (t1 - t0) / 2e8, (w1 - w0) / 2e8, (t3 - t2) / 1e7, (x ^ j) & 0xF);
  }

  public static void main(String[] args) {
    int messages = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
    long step = args.length > 1 ? Long.parseLong(args[1]) : 1000;
    boolean columns = args.length > 2 && Boolean.parseBoolean(args[2]);
    int passes = args.length > 3 ? Integer.parseInt(args[3]) : 4;
    boolean hot = args.length > 4 && args[4].equals("hot");
    PipelineThroughput bench = new PipelineThroughput(messages, hot);
    if (hot) {
      System.out.println("hot: every query answered after 20 us, so a handful pending and everything in cache: the CPU cost alone");
    }
    System.out.println("step " + step + " ms, columns " + columns + ", JVM " + System.getProperty("java.vm.version"));
    System.out.println(bench.baseline());
    System.out.println(bench.baseline());
    System.out.println(bench.matcherOnly());
    System.out.println(bench.matcherOnly());
    for (int p = 0; p < passes; p++) {
      System.out.println((p == 0 ? "warm-up  " : "pass " + p + "   ") + bench.pass(step, columns));
    }
    System.out.println(bench.calibration());
  }
}
