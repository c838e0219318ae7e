package org.dnsseismograph.ui.timeline;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.dnsseismograph.render.LanePlan;
import org.dnsseismograph.series.TimeRange;

/**
 * The window half of {@link CaptureRedrawBenchmark}: a real {@link TimelineView} in a shown stage
 * (headless Monocle; give it a screen as large as the window with {@code -Dheadless.geometry}),
 * moved through the same views as a gesture moves it, each frame reduced on the view's reducer
 * thread, drawn by its frame timer and rendered by JavaFX. Per frame it reports the CPU each thread
 * spent (reducer and the pool helping it, FX thread, render thread) and the wall time from the
 * move until the frame had been drawn and the next pulse had begun (so rendered), quantised by
 * the 60 Hz pulse.
 */
final class WindowFrames {
  private WindowFrames() {}

  static void run(LanePlan plan, TimeRange extent, List<TimeRange> views, int width, int height) throws Exception {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long[] reducerId = new long[1];
    ExecutorService reducer = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "bench-reducer");
      t.setDaemon(true);
      reducerId[0] = t.getId();
      return t;
    });
    long fxId = BenchFx.onFx(() -> Thread.currentThread().getId());
    TimelineView view = BenchFx.onFx(() -> {
      TimelineView v = new TimelineView(new TimelineViewModel(plan, extent, reducer));
      Stage stage = new Stage();
      stage.setScene(new Scene(v, width, height));
      stage.show();
      return v;
    });
    int n = views.size();
    int warm = n / 4;
    long[] wall = new long[n];
    long[] reduce = new long[n];
    long[] fx = new long[n];
    long[] render = new long[n];
    for (int i = -warm; i < n; i++) {
      TimeRange target = views.get(Math.floorMod(i, n));
      long renderer = rendererId();
      long r0 = cpu(mx, reducerId[0]) + pool(mx);
      long f0 = cpu(mx, fxId);
      long g0 = cpu(mx, renderer);
      long t0 = System.nanoTime();
      BenchFx.onFx(() -> {
        view.viewModel().moveTo(target);
        return null;
      });
      while (!BenchFx.onFx(() -> drawn(view, target))) {
        Thread.sleep(0, 200_000);
      }
      nextPulse();
      long t1 = System.nanoTime();
      if (i >= 0) {
        wall[i] = t1 - t0;
        reduce[i] = cpu(mx, reducerId[0]) + pool(mx) - r0;
        fx[i] = cpu(mx, fxId) - f0;
        render[i] = cpu(mx, renderer) - g0;
      }
    }
    reducer.shutdownNow();
    long[] cpu = new long[n];
    for (int i = 0; i < n; i++) {
      cpu[i] = reduce[i] + fx[i] + render[i];
    }
    System.out.printf(Locale.ROOT, "window %d x %d, %d moves through the same views (cpu per frame, by thread):%n", width, height, n);
    line("reduce (reducer + pool)", reduce);
    line("FX thread (draw, layout, pulse)", fx);
    line("render thread (raster, composite)", render);
    line("cpu, all three", cpu);
    line("wall, move to rendered (60 Hz pulses)", wall);
  }

  private static boolean drawn(TimelineView v, TimeRange target) {
    TimelineViewModel vm = v.viewModel();
    return vm.frame() != null && vm.frame().range().equals(target) && v.timelineLayout() != null && v.timelineLayout().view().equals(target)
        && !v.hasDirtyLayers();
  }

  /** Waits for the next pulse to begin: the frame drawn in the one before has been handed to the renderer. */
  private static void nextPulse() throws InterruptedException {
    CountDownLatch l = new CountDownLatch(1);
    Platform.runLater(() -> new AnimationTimer() {
      @Override
      public void handle(long now) {
        stop();
        l.countDown();
      }
    }.start());
    l.await(5, TimeUnit.SECONDS);
  }

  private static void line(String what, long[] v) {
    System.out.printf(Locale.ROOT, "  %-38s p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n", what, BenchFx.pct(v, 50), BenchFx.pct(v, 99), BenchFx.pct(v, 100));
  }

  private static long cpu(ThreadMXBean mx, long id) {
    return id <= 0 ? 0 : Math.max(0, mx.getThreadCpuTime(id));
  }

  private static long pool(ThreadMXBean mx) {
    long sum = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("ForkJoinPool.commonPool")) {
        sum += cpu(mx, t.getId());
      }
    }
    return sum;
  }

  /** The JavaFX render thread, which rasterises the canvas' recorded drawing; -1 before it runs. */
  static long rendererId() {
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("QuantumRenderer")) {
        return t.getId();
      }
    }
    return -1;
  }
}
