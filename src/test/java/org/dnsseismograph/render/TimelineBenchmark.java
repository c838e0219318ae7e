package org.dnsseismograph.render;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.workspace.Annotation;
import org.dnsseismograph.workspace.AnnotationKind;

/**
 * Benchmark (not a test): a day of resolver traffic, 10 million events by default, into the series
 * a capture provides (client rate, four rcodes, unanswered, retries, upstream rate and timeouts,
 * eight servers' answer ratios and four latency percentiles per second: 23 series in 7 lanes), then
 * full redraws at random zooms from the whole day to 50 ms, with a plot 1920 px wide: the frame's
 * reduction (what the reducer thread does), the drawing of every layer with Java2D into a
 * 2068 × 1080 image (the export path), and both. Wall and thread CPU time, p50 and p99. Run with
 * {@code java -cp target/classes:target/test-classes:<deps> org.dnsseismograph.render.TimelineBenchmark [events] [frames]}.
 */
public final class TimelineBenchmark {
  private static final long S = TimelineBenchmarkData.S;
  private static final long OUTAGE = TimelineBenchmarkData.OUTAGE;

  private TimelineBenchmark() {}

  public static void main(String[] args) {
    long events = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
    int frames = args.length > 1 ? Integer.parseInt(args[1]) : 400;
    long t = System.nanoTime();
    SeriesSet set = TimelineBenchmarkData.day(events);
    System.out.printf(Locale.ROOT, "built %d series from %,d events in %.1f s%n", set.series().size(), events, (System.nanoTime() - t) / 1e9);
    LanePlan plan = new LanePlanner(Palette.STANDARD).plan(List.of(set));
    System.out.printf(Locale.ROOT, "%d lanes: %s%n", plan.visibleLanes().size(), plan.visibleLanes().stream().map(Lane::key).toList());
    run(plan, frames);
  }

  private static void run(LanePlan plan, int frames) {
    BufferedImage img = new BufferedImage(2068, 1080, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    Java2dPainter p = new Java2dPainter(g);
    TimelinePainter tp = new TimelinePainter(Palette.STANDARD);
    List<Annotation> notes = List.of(Annotation.drawn(AnnotationKind.OUTAGE, new TimeRange(OUTAGE, OUTAGE + 3 * S), "group dark"));
    FrameData frame = new FrameData();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    SplittableRandom r = new SplittableRandom(7);
    long[][] wall = new long[3][frames];
    long[][] cpu = new long[3][frames];
    long[][] layer = new long[3][frames];
    for (int i = -frames / 4; i < frames; i++) {
      TimeRange view = TimelineBenchmarkData.randomView(r);
      TimelineLayout l = TimelineLayout.of(LayoutSpec.screen(2068, 1080, null), plan, view, p);
      long c0 = mx.getCurrentThreadCpuTime();
      long w0 = System.nanoTime();
      frame.fill(plan.visibleLanes(), view, l.columns(), i);
      long c1 = mx.getCurrentThreadCpuTime();
      long w1 = System.nanoTime();
      tp.paintAxes(p, l);
      long ca = mx.getCurrentThreadCpuTime();
      tp.paintAnnotations(p, l, notes, null);
      long cb = mx.getCurrentThreadCpuTime();
      tp.paintSeries(p, l, frame);
      long c2 = mx.getCurrentThreadCpuTime();
      if (i >= 0) {
        layer[0][i] = ca - c1;
        layer[1][i] = cb - ca;
        layer[2][i] = c2 - cb;
      }
      long w2 = System.nanoTime();
      if (i >= 0) {
        wall[0][i] = w1 - w0;
        wall[1][i] = w2 - w1;
        wall[2][i] = w2 - w0;
        cpu[0][i] = c1 - c0;
        cpu[1][i] = c2 - c1;
        cpu[2][i] = c2 - c0;
      }
    }
    g.dispose();
    System.out.printf(Locale.ROOT, "drawing by layer, cpu p50/p99: axes %.2f/%.2f ms, annotations %.2f/%.2f ms, series %.2f/%.2f ms%n",
        pct(layer[0], 50), pct(layer[0], 99), pct(layer[1], 50), pct(layer[1], 99), pct(layer[2], 50), pct(layer[2], 99));
    System.out.printf(Locale.ROOT, "full redraw of all lanes, plot 1920 px wide, %d random zooms (whole day .. 50 ms):%n", frames);
    String[] what = {"reduce (reducer thread)", "draw, Java2D", "reduce + draw"};
    for (int k = 0; k < 3; k++) {
      System.out.printf(Locale.ROOT, "  %-24s wall p50 %6.2f ms  p99 %6.2f ms | cpu p50 %6.2f ms  p99 %6.2f ms%n", what[k], pct(wall[k], 50),
          pct(wall[k], 99), pct(cpu[k], 50), pct(cpu[k], 99));
    }
  }

  private static double pct(long[] v, int p) {
    long[] s = v.clone();
    Arrays.sort(s);
    return s[Math.min(s.length - 1, s.length * p / 100)] / 1e6;
  }

}
