package org.dnsseismograph.ui.timeline;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import org.dnsseismograph.analysis.CaptureLoader;
import org.dnsseismograph.analysis.LoadRequest;
import org.dnsseismograph.analysis.LoadResult;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.render.FrameData;
import org.dnsseismograph.render.LanePlan;
import org.dnsseismograph.render.LanePlanner;
import org.dnsseismograph.render.LayoutSpec;
import org.dnsseismograph.render.Palette;
import org.dnsseismograph.render.TimelineLayout;
import org.dnsseismograph.render.TimelinePainter;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.wire.DecodeOptions;

/**
 * Benchmark (not a test) of zoom and pan redraws over a real capture: loads a pcap (the 10-million
 * packet one {@code seismograph bench} writes) through the {@link CaptureLoader} as the window
 * does, plans its lanes as the window does, then replays gestures on a plot 1920 px wide — wheel
 * zooms at a cursor from the whole extent to 50 ms and back, and pans by a tenth of the window at
 * several widths — and for each frame reports separately the reduction (CPU of the reducing
 * thread: what the window's reducer thread spends), the drawing of all layers (CPU of the FX
 * thread) and, every fifth frame, the snapshot wall time (drawing rasterised by the software
 * pipeline, plus a read-back of the pixels, so an upper bound of the render thread's share).
 *
 * <p>Run headless: {@code java -cp target/classes:target/test-classes:<deps>
 * org.dnsseismograph.ui.timeline.CaptureRedrawBenchmark FILE [rounds]}; with {@code
 * -Dbench.display=true} under {@code xvfb-run} the window part is shown on the X display instead
 * (GTK glass, software pipeline), as the application is.
 */
public final class CaptureRedrawBenchmark {
  private static final int WIDTH = 1920 + 148;
  private static final int HEIGHT = 1080 - (int) TimelineView.OVERVIEW_HEIGHT;

  private static final boolean RASTER = !Boolean.getBoolean("bench.vector");
  private static RasterPainter raster;

  private CaptureRedrawBenchmark() {}

  private static RasterPainter raster(FxCanvasPainter p) {
    if (raster == null) {
      raster = new RasterPainter(p);
    }
    return raster;
  }

  public static void main(String[] args) throws Exception {
    if (!Boolean.getBoolean("bench.display")) {
      System.setProperty("glass.platform", "Monocle");
      System.setProperty("monocle.platform", "Headless");
    }
    System.setProperty("prism.order", "sw");
    Path file = Path.of(args.length > 0 ? args[0] : "/tmp/seismograph-bench-10000000.pcap");
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    long t0 = System.nanoTime();
    LoadResult r = new CaptureLoader(new LoadRequest(List.of(file), DecodeOptions.defaults(), 3_000_000_000L))
        .load(Progress.NONE, s -> { });
    long loadNanos = System.nanoTime() - t0;
    SeriesSet set = r.snapshot().series();
    LanePlan plan = new LanePlanner(Palette.STANDARD).plan(List.of(set));
    TimeRange extent = TimelineViewModel.extentOf(plan);
    System.out.printf(Locale.ROOT, "loaded %s in %.1f s: %d series, %d lanes shown, extent %.1f s%n", file.getFileName(), loadNanos / 1e9,
        set.series().size(), plan.visibleLanes().size(), extent.durationNanos() / 1e9);
    CompletableFuture<Void> started = new CompletableFuture<>();
    Platform.startup(() -> started.complete(null));
    started.get();
    List<TimeRange> views = gestures(extent, rounds);
    Canvas canvas = BenchFx.onFx(() -> new Canvas(WIDTH, HEIGHT));
    FxCanvasPainter p = BenchFx.onFx(() -> new FxCanvasPainter(canvas.getGraphicsContext2D()));
    TimelinePainter tp = new TimelinePainter(Palette.STANDARD);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    FrameData frame = new FrameData();
    int warm = views.size() / 4;
    int n = views.size();
    long[] reduce = new long[n];
    long[] draw = new long[n];
    long[] reduceWall = new long[n];
    List<Long> snaps = new ArrayList<>();
    List<Long> rasters = new ArrayList<>();
    for (int i = -warm; i < n; i++) {
      TimeRange view = views.get(Math.floorMod(i, n));
      TimelineLayout l = BenchFx.onFx(() -> TimelineLayout.of(LayoutSpec.screen(WIDTH, HEIGHT, null), plan, view, p));
      long c = reducerCpu(mx);
      long w0 = System.nanoTime();
      frame.fill(plan.visibleLanes(), view, l.columns(), i + warm);
      long redWall = System.nanoTime() - w0;
      long red = reducerCpu(mx) - c;
      boolean snap = i >= 0 && i % 5 == 0;
      long[] d = BenchFx.onFx(() -> drawAll(mx, canvas, tp, p, l, frame, snap));
      if (i >= 0) {
        reduce[i] = red;
        reduceWall[i] = redWall;
        draw[i] = d[0];
        if (snap) {
          snaps.add(d[1]);
          rasters.add(d[2]);
        }
      }
    }
    long[] total = new long[n];
    for (int i = 0; i < n; i++) {
      total[i] = reduce[i] + draw[i];
    }
    String csv = System.getProperty("bench.csv");
    if (csv != null) {
      StringBuilder b = new StringBuilder("view_ms,reduce_ms,reduce_wall_ms,draw_ms\n");
      for (int i = 0; i < n; i++) {
        b.append(String.format(Locale.ROOT, "%.3f,%.3f,%.3f,%.3f%n", views.get(i).durationNanos() / 1e6, reduce[i] / 1e6, reduceWall[i] / 1e6,
            draw[i] / 1e6));
      }
      java.nio.file.Files.writeString(Path.of(csv), b);
    }
    System.out.printf(Locale.ROOT, "%d zoom/pan frames, all %d lanes, plot %d px:%n", n, plan.visibleLanes().size(), WIDTH - 148);
    System.out.printf(Locale.ROOT, "  reduce (cpu, all threads)    p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n", BenchFx.pct(reduce, 50), BenchFx.pct(reduce, 99), BenchFx.pct(reduce, 100));
    System.out.printf(Locale.ROOT, "  reduce (wall, on %d cores)    p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n", Runtime.getRuntime().availableProcessors(),
        BenchFx.pct(reduceWall, 50), BenchFx.pct(reduceWall, 99), BenchFx.pct(reduceWall, 100));
    System.out.printf(Locale.ROOT, "  draw   (FX thread cpu)       p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n", BenchFx.pct(draw, 50), BenchFx.pct(draw, 99), BenchFx.pct(draw, 100));
    System.out.printf(Locale.ROOT, "  reduce + draw                p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n", BenchFx.pct(total, 50), BenchFx.pct(total, 99), BenchFx.pct(total, 100));
    long[] s = snaps.stream().mapToLong(Long::longValue).toArray();
    System.out.printf(Locale.ROOT, "  snapshot (raster + read-back, wall, %d frames) p50 %6.2f ms  p99 %6.2f ms%n", s.length, BenchFx.pct(s, 50), BenchFx.pct(s, 99));
    long[] rc = rasters.stream().mapToLong(Long::longValue).toArray();
    System.out.printf(Locale.ROOT, "  snapshot (render thread cpu, %d frames)        p50 %6.2f ms  p99 %6.2f ms%n", rc.length, BenchFx.pct(rc, 50), BenchFx.pct(rc, 99));
    WindowFrames.run(plan, extent, views, WIDTH, HEIGHT + (int) TimelineView.OVERVIEW_HEIGHT);
    Platform.exit();
  }

  /** CPU time of this thread and the common fork-join pool's workers, which reduce a frame together. */
  private static long reducerCpu(ThreadMXBean mx) {
    long sum = mx.getCurrentThreadCpuTime();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("ForkJoinPool.commonPool")) {
        sum += Math.max(0, mx.getThreadCpuTime(t.getId()));
      }
    }
    return sum;
  }

  private static long[] drawAll(ThreadMXBean mx, Canvas canvas, TimelinePainter tp, FxCanvasPainter p, TimelineLayout l, FrameData frame,
      boolean snap) {
    long c = mx.getCurrentThreadCpuTime();
    canvas.getGraphicsContext2D().clearRect(0, 0, WIDTH, HEIGHT);
    tp.paintAxes(p, l);
    tp.paintAnnotations(p, l, List.of(), null);
    if (RASTER) {
      raster(p).begin(WIDTH, HEIGHT, 1);
      tp.paintSeries(raster(p), l, frame);
      raster(p).finish(canvas.getGraphicsContext2D());
    } else {
      tp.paintSeries(p, l, frame);
    }
    long used = mx.getCurrentThreadCpuTime() - c;
    long wall = 0;
    long raster = 0;
    if (snap) {
      long renderer = WindowFrames.rendererId();
      long r0 = mx.getThreadCpuTime(renderer);
      long t = System.nanoTime();
      canvas.snapshot(new SnapshotParameters(), new WritableImage(WIDTH, HEIGHT));
      wall = System.nanoTime() - t;
      raster = mx.getThreadCpuTime(renderer) - r0;
    }
    return new long[] {used, wall, raster};
  }

  /** Wheel zooms in by 1.25 at a cursor a third of the way across, down to 50 ms, out again, with pans at each tenth step. */
  static List<TimeRange> gestures(TimeRange extent, int rounds) {
    List<TimeRange> out = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      TimeRange v = extent;
      double cursor = 0.2 + 0.2 * round;
      long anchor = v.startNanos() + (long) (v.durationNanos() * cursor);
      List<TimeRange> in = new ArrayList<>();
      while (v.durationNanos() > 50_000_000L) {
        v = ViewWindow.zoom(v, anchor, 0.8, extent);
        in.add(v);
        if (in.size() % 10 == 0) {
          TimeRange p = v;
          for (int k = 0; k < 5; k++) {
            long d = p.durationNanos() / 10;
            p = ViewWindow.fit(new TimeRange(p.startNanos() + d, p.endNanos() + d), extent);
            in.add(p);
          }
        }
      }
      out.addAll(in);
      for (int i = in.size() - 1; i >= 0; i--) {
        out.add(in.get(i));
      }
    }
    return out;
  }
}
