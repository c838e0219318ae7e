package org.dnsseismograph.ui.timeline;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.canvas.Canvas;
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
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.wire.DecodeOptions;

/**
 * Benchmark (not a test): the canvas part of {@link CaptureRedrawBenchmark} without its snapshots,
 * over the same 348 zoom and pan frames, a warm-up pass and then {@code passes} measured passes in
 * one JVM: per frame the reduction and the drawing of every layer (FX thread), and their sum, as
 * p50/p99 in ms, both as wall time (what the analyst waits) and as CPU time of the reducing and
 * the FX thread (what A/B runs on a shared machine compare). With {@code help}, a second thread
 * takes series beside the reducing one and lanes beside the FX thread ({@link
 * org.dnsseismograph.render.ReduceThreads}, {@link SeriesDrawing}, as in the window when no long work
 * runs); its CPU is in neither CPU figure, so compare the wall figures between {@code help} and
 * {@code alone}.
 *
 * <p>Run headless: {@code java -Xmx8g -cp target/classes:target/test-classes:<deps>
 * org.dnsseismograph.ui.timeline.ReduceDrawPasses FILE [passes] [help|alone] [warm-up passes]}: one
 * warm-up pass by default; the JIT still compiles during the next two or three, and on two cores
 * its threads then take the helper's core (the worst frames of a helped run fall in those passes).
 */
public final class ReduceDrawPasses {
  private static final int WIDTH = 1920 + 148;
  private static final int HEIGHT = 1080 - (int) TimelineView.OVERVIEW_HEIGHT;

  private ReduceDrawPasses() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("glass.platform", "Monocle");
    System.setProperty("monocle.platform", "Headless");
    System.setProperty("prism.order", "sw");
    LoadResult r = new CaptureLoader(new LoadRequest(List.of(Path.of(args[0])), DecodeOptions.defaults(), 3_000_000_000L))
        .load(Progress.NONE, s -> { });
    LanePlan plan = new LanePlanner(Palette.STANDARD).plan(List.of(r.snapshot().series()));
    List<TimeRange> views = CaptureRedrawBenchmark.gestures(TimelineViewModel.extentOf(plan), 2);
    int passes = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int warmUps = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    ExecutorService helper = args.length > 2 && args[2].equals("help") ? Executors.newSingleThreadExecutor(BenchFx::daemon) : null;
    CompletableFuture<Void> started = new CompletableFuture<>();
    Platform.startup(() -> started.complete(null));
    started.get();
    Canvas canvas = BenchFx.onFx(() -> new Canvas(WIDTH, HEIGHT));
    FxCanvasPainter p = BenchFx.onFx(() -> new FxCanvasPainter(canvas.getGraphicsContext2D()));
    RasterPainter raster = BenchFx.onFx(() -> new RasterPainter(p));
    SeriesDrawing drawing = BenchFx.onFx(() -> new SeriesDrawing(p));
    TimelinePainter tp = new TimelinePainter(Palette.STANDARD);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    FrameData frame = new FrameData();
    int n = views.size();
    long[] reduce = new long[n * passes];
    long[] draw = new long[n * passes];
    long[] sum = new long[n * passes];
    long[] reduceWall = new long[n * passes];
    long[] drawWall = new long[n * passes];
    long[] sumWall = new long[n * passes];
    for (int pass = -warmUps; pass < passes; pass++) {
      for (int i = 0; i < n; i++) {
        TimeRange view = views.get(i);
        TimelineLayout l = BenchFx.onFx(() -> TimelineLayout.of(LayoutSpec.screen(WIDTH, HEIGHT, null), plan, view, p));
        long c = mx.getCurrentThreadCpuTime();
        long w = System.nanoTime();
        frame.fill(plan.visibleLanes(), view, l.columns(), 1, helper);
        long reducedWall = System.nanoTime() - w;
        long reduced = mx.getCurrentThreadCpuTime() - c;
        long[] drawnWall = {0};
        long drawn = BenchFx.onFx(() -> {
          long c0 = mx.getCurrentThreadCpuTime();
          long w0 = System.nanoTime();
          canvas.getGraphicsContext2D().clearRect(0, 0, WIDTH, HEIGHT);
          tp.paintAxes(p, l);
          tp.paintAnnotations(p, l, List.of(), null);
          raster.begin(WIDTH, HEIGHT, 1);
          drawing.draw(tp, raster, l, frame, helper);
          raster.finish(canvas.getGraphicsContext2D());
          drawnWall[0] = System.nanoTime() - w0;
          return mx.getCurrentThreadCpuTime() - c0;
        });
        if (pass >= 0) {
          int k = pass * n + i;
          reduce[k] = reduced;
          draw[k] = drawn;
          sum[k] = reduced + drawn;
          reduceWall[k] = reducedWall;
          drawWall[k] = drawnWall[0];
          sumWall[k] = reducedWall + drawnWall[0];
        }
      }
    }
    System.out.printf(Locale.ROOT, "%d frames after %d warm-up passes, plot %d px, cpu ms: reduce p50 %.2f p99 %.2f | draw p50 %.2f p99 %.2f | sum p50 %.2f p99 %.2f%n",
        n * passes, warmUps, WIDTH - 148, BenchFx.pct(reduce, 50), BenchFx.pct(reduce, 99), BenchFx.pct(draw, 50), BenchFx.pct(draw, 99), BenchFx.pct(sum, 50), BenchFx.pct(sum, 99));
    System.out.printf(Locale.ROOT, "%s, wall ms: reduce p50 %.2f p99 %.2f | draw p50 %.2f p99 %.2f | frame p50 %.2f p99 %.2f%n",
        helper == null ? "alone" : "helped", BenchFx.pct(reduceWall, 50), BenchFx.pct(reduceWall, 99), BenchFx.pct(drawWall, 50),
        BenchFx.pct(drawWall, 99), BenchFx.pct(sumWall, 50), BenchFx.pct(sumWall, 99));
    Platform.exit();
  }
}
