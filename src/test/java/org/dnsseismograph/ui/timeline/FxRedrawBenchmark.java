package org.dnsseismograph.ui.timeline;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import org.dnsseismograph.render.FrameData;
import org.dnsseismograph.render.LanePlan;
import org.dnsseismograph.render.LanePlanner;
import org.dnsseismograph.render.LayoutSpec;
import org.dnsseismograph.render.Palette;
import org.dnsseismograph.render.TimelineBenchmarkData;
import org.dnsseismograph.render.TimelineLayout;
import org.dnsseismograph.render.TimelinePainter;
import org.dnsseismograph.series.TimeRange;

/**
 * Benchmark (not a test) of the screen path: the day of 10 million events of {@code
 * render.TimelineBenchmark}, frames reduced on this thread (as the reducer thread does), then every
 * layer drawn on a JavaFX canvas with a plot 1920 px wide, on the FX thread; reports the FX
 * thread's CPU time per redraw (what the window spends per frame before the render thread
 * rasterises), and, for a sample of frames, the time until a snapshot of the canvas returns (the
 * drawing rasterised by the software pipeline, plus a read-back of 2068 × 1080 pixels). Runs
 * headless on Monocle: {@code java -cp target/classes:target/test-classes:<deps>
 * org.dnsseismograph.ui.timeline.FxRedrawBenchmark [events] [frames]}.
 */
public final class FxRedrawBenchmark {
  private FxRedrawBenchmark() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("glass.platform", "Monocle");
    System.setProperty("monocle.platform", "Headless");
    System.setProperty("prism.order", "sw");
    long events = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
    int frames = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    LanePlan plan = new LanePlanner(Palette.STANDARD).plan(List.of(TimelineBenchmarkData.day(events)));
    CompletableFuture<Void> started = new CompletableFuture<>();
    Platform.startup(() -> started.complete(null));
    started.get();
    SplittableRandom r = new SplittableRandom(7);
    long[] fxCpu = new long[frames];
    long[] snap = new long[frames / 10];
    Canvas canvas = BenchFx.onFx(() -> new Canvas(2068, 1080));
    FxCanvasPainter p = BenchFx.onFx(() -> new FxCanvasPainter(canvas.getGraphicsContext2D()));
    TimelinePainter tp = new TimelinePainter(Palette.STANDARD);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    FrameData frame = new FrameData();
    for (int i = -frames / 4; i < frames; i++) {
      TimeRange view = TimelineBenchmarkData.randomView(r);
      TimelineLayout l = BenchFx.onFx(() -> TimelineLayout.of(LayoutSpec.screen(2068, 1080, null), plan, view, p));
      frame.fill(plan.visibleLanes(), view, l.columns(), i);
      int k = i;
      long cpu = BenchFx.onFx(() -> {
        long c = mx.getCurrentThreadCpuTime();
        canvas.getGraphicsContext2D().clearRect(0, 0, 2068, 1080);
        tp.paintAxes(p, l);
        tp.paintAnnotations(p, l, List.of(), null);
        tp.paintSeries(p, l, frame);
        long used = mx.getCurrentThreadCpuTime() - c;
        if (k >= 0 && k % 10 == 0) {
          long t = System.nanoTime();
          canvas.snapshot(new SnapshotParameters(), new WritableImage(2068, 1080));
          snap[k / 10] = System.nanoTime() - t;
        }
        return used;
      });
      if (i >= 0) {
        fxCpu[i] = cpu;
      }
    }
    System.out.printf(Locale.ROOT, "JavaFX canvas, all lanes, plot 1920 px, %d random zooms: FX thread cpu p50 %.2f ms, p99 %.2f ms%n", frames,
        BenchFx.pct(fxCpu, 50), BenchFx.pct(fxCpu, 99));
    System.out.printf(Locale.ROOT, "  with rasterisation and read-back (snapshot, sw pipeline, %d frames): wall p50 %.1f ms, p99 %.1f ms%n",
        snap.length, BenchFx.pct(snap, 50), BenchFx.pct(snap, 99));
    Platform.exit();
  }
}
