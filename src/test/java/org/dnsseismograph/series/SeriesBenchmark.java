package org.dnsseismograph.series;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Benchmark (not a test): builds 20 metrics from a synthetic day-long stream of 10 million packets
 * with a 3-second storm and a 100 ms burst, then times full redraws, all 20 lanes reduced to 1920
 * columns, at random zoom levels from the whole day down to 50 ms, and reports heap use. Frame
 * times are given as wall time and as the thread's CPU time, which on a shared machine leaves out
 * the time other processes held the core. Run with
 * {@code java -cp target/classes:target/test-classes org.dnsseismograph.series.SeriesBenchmark
 * [packets] [frames]}.
 */
public final class SeriesBenchmark {
  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;
  private static final long DAY = 86_400 * S;
  private static final long T0 = 1_264_982_400L * S;
  private static final long STORM = T0 + (20 * 3600 + 49 * 60 + 10) * S;
  private static final long BURST = T0 + 7 * 3600 * S + 123 * MS;
  private static final String[] NAMES = {"client.queries", "client.responses", "client.rcode.NOERROR", "client.rcode.NXDOMAIN",
      "client.rcode.SERVFAIL", "client.rcode.REFUSED", "client.rcode.other", "client.unanswered", "client.retries",
      "upstream.answers"};

  private SeriesBenchmark() {}

  public static void main(String[] args) {
    long packets = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
    int frames = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    long heapBefore = usedHeap();
    long t = System.nanoTime();
    EventSeriesWriter[] writers = writers();
    long appended = feed(writers, packets);
    long buildNanos = System.nanoTime() - t;
    t = System.nanoTime();
    for (EventSeriesWriter w : writers) {
      w.publish();
    }
    long publishNanos = System.nanoTime() - t;
    EventSeries[] series = new EventSeries[writers.length];
    long estimated = 0;
    for (int i = 0; i < writers.length; i++) {
      series[i] = writers[i].sealAll();
      estimated += series[i].estimatedBytes();
    }
    long heap = usedHeap() - heapBefore;
    System.out.printf(Locale.ROOT, "built %d metrics from %,d packets (%,d events) in %.1f s (%.1f M events/s)%n", series.length, packets,
        appended, buildNanos / 1e9, appended / (buildNanos / 1e3));
    System.out.printf(Locale.ROOT, "publishing all %d live snapshots: %.3f ms%n", series.length, publishNanos / 1e6);
    System.out.printf(Locale.ROOT, "heap after GC: %.1f MB (estimated by the series: %.1f MB, %.2f bytes per event)%n", heap / 1e6,
        estimated / 1e6, (double) estimated / appended);
    redraws(series, frames);
    checkStormVisible(series[0]);
  }

  private static EventSeriesWriter[] writers() {
    EventSeriesWriter[] w = new EventSeriesWriter[20];
    for (int i = 0; i < NAMES.length; i++) {
      w[i] = new EventSeriesWriter(MetricId.of(NAMES[i]));
    }
    for (int k = 0; k < 10; k++) {
      w[NAMES.length + k] = new EventSeriesWriter(MetricId.of("upstream.server.192.0.2." + (k + 1) + ".queries"));
    }
    for (EventSeriesWriter x : w) {
      x.cover(T0, T0 + DAY);
    }
    return w;
  }

  /** A diurnal Poisson stream; unanswered queries are appended 2 s late, as a matcher would. */
  private static long feed(EventSeriesWriter[] w, long packets) {
    SplittableRandom r = new SplittableRandom(42);
    double base = packets / (double) DAY;
    ArrayDeque<Long> pending = new ArrayDeque<>();
    long appended = 0;
    double t = T0;
    for (long p = 0; p < packets; p++) {
      long now = (long) t;
      boolean storm = now >= STORM && now < STORM + 3 * S;
      boolean burst = now >= BURST && now < BURST + 100 * MS;
      double rate = base * (1 + 0.6 * Math.sin(2 * Math.PI * (now - T0) / DAY)) * (storm ? 40 : burst ? 400 : 1);
      t += -Math.log(1 - r.nextDouble()) / rate;
      while (!pending.isEmpty() && pending.peekFirst() <= now - 2 * S) {
        w[7].append(pending.pollFirst());
        appended++;
      }
      appended += packet(w, r, now, storm, pending);
    }
    return appended;
  }

  private static int packet(EventSeriesWriter[] w, SplittableRandom r, long now, boolean storm, ArrayDeque<Long> pending) {
    if (r.nextBoolean()) {
      w[0].append(now);
      int n = 1;
      if (r.nextInt(100) < (storm ? 40 : 5)) {
        w[8].append(now);
        n++;
      }
      if (r.nextInt(100) < (storm ? 30 : 2)) {
        pending.addLast(now);
      }
      if (r.nextInt(10) < 3) {
        w[NAMES.length + r.nextInt(10)].append(now);
        n++;
      }
      return n;
    }
    w[1].append(now);
    int roll = r.nextInt(100);
    w[roll < 70 ? 2 : roll < 90 ? 3 : roll < 95 ? 4 : roll < 98 ? 5 : 6].append(now);
    if (r.nextInt(10) < 3) {
      w[9].append(now);
      return 3;
    }
    return 2;
  }

  private static void redraws(EventSeries[] series, int frames) {
    SplittableRandom r = new SplittableRandom(7);
    ColumnBuffer out = new ColumnBuffer(1920);
    for (int i = 0; i < frames / 4; i++) {
      frame(series, randomView(r), out);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] times = new long[frames];
    long[] cpu = new long[frames];
    for (int i = 0; i < frames; i++) {
      TimeRange view = randomView(r);
      long c = threads.getCurrentThreadCpuTime();
      long t = System.nanoTime();
      frame(series, view, out);
      times[i] = System.nanoTime() - t;
      cpu[i] = threads.getCurrentThreadCpuTime() - c;
    }
    System.out.printf(Locale.ROOT, "full redraw, %d lanes × 1920 columns, %d random zooms (full day .. 50 ms):%n", series.length, frames);
    percentiles("wall", times);
    percentiles("cpu", cpu);
    for (long width : new long[] {DAY, 3600 * S, 60 * S, S, 50 * MS}) {
      long bestWall = Long.MAX_VALUE;
      long bestCpu = Long.MAX_VALUE;
      long totalCpu = 0;
      for (int i = 0; i < 50; i++) {
        long start = width == DAY ? T0 : STORM - width / 2 + (long) (r.nextDouble() * width / 4);
        long c = threads.getCurrentThreadCpuTime();
        long t = System.nanoTime();
        frame(series, new TimeRange(start, start + width), out);
        bestWall = Math.min(bestWall, System.nanoTime() - t);
        long d = threads.getCurrentThreadCpuTime() - c;
        bestCpu = Math.min(bestCpu, d);
        totalCpu += d;
      }
      System.out.printf(Locale.ROOT, "  view %-6s around the storm: cpu mean %.2f ms, cpu best %.2f ms, wall best %.2f ms%n",
          TimeUnits.formatDuration(width), totalCpu / 50 / 1e6, bestCpu / 1e6, bestWall / 1e6);
    }
  }

  private static void percentiles(String what, long[] times) {
    long[] t = times.clone();
    Arrays.sort(t);
    int n = t.length;
    System.out.printf(Locale.ROOT, "  %-4s p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", what, t[n / 2] / 1e6, t[n * 9 / 10] / 1e6,
        t[n * 99 / 100] / 1e6, t[n - 1] / 1e6);
  }

  private static void frame(EventSeries[] series, TimeRange view, ColumnBuffer out) {
    for (EventSeries s : series) {
      s.reduce(view, 1920, out);
    }
  }

  private static TimeRange randomView(SplittableRandom r) {
    long width = (long) (50 * MS * Math.pow(DAY / (50.0 * MS), r.nextDouble()));
    long start = T0 + (long) (r.nextDouble() * (DAY - width));
    return new TimeRange(start, start + width);
  }

  private static void checkStormVisible(EventSeries queries) {
    ColumnBuffer out = new ColumnBuffer(1920);
    queries.reduce(new TimeRange(T0, T0 + DAY), 1920, out);
    int storm = out.columnAt(STORM);
    int burst = out.columnAt(BURST);
    double otherMax = 0;
    for (int i = 0; i < 1920; i++) {
      if (i != storm && i != burst) {
        otherMax = Math.max(otherMax, out.max(i));
      }
    }
    System.out.printf(Locale.ROOT, "day view of client.queries: storm column max %.0f/s, 100 ms burst column max %.0f/s (mean %.1f/s), "
        + "highest elsewhere %.0f/s%n", out.max(storm), out.max(burst), out.value(burst), otherMax);
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
