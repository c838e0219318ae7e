package org.dnsseismograph.ui.timeline;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.stage.Window;
import org.dnsseismograph.Main;
import org.dnsseismograph.render.FrameData;
import org.dnsseismograph.render.Lane;
import org.dnsseismograph.render.LanePlan;

/**
 * Benchmark aid (not a test): runs the real application ({@link Main}, the demo workspace when no
 * argument is given) and writes, to the file named by {@code -Dprobe.out}, how long after the JVM
 * started the first pulse came that had every lane of the loaded workspace drawn with data (the
 * lanes counted once they stop changing for 3 s), and the first pulse with any lane drawn at all. Detection runs in a pulse of its own, so the figures are
 * late by at most one pulse (16.7 ms). Exits the JVM once written.
 *
 * <p>Run under Xvfb: {@code xvfb-run -a java -Dprobe.out=F -cp target/classes:target/test-classes:<deps>
 * org.dnsseismograph.ui.timeline.FirstLanesProbe}.
 */
public final class FirstLanesProbe {
  private FirstLanesProbe() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(System.getProperty("probe.out", "first-lanes.txt"));
    Thread watcher = new Thread(() -> watch(out), "first-lanes-probe");
    watcher.setDaemon(true);
    watcher.start();
    Main.main(args);
  }

  private static void watch(Path out) {
    while (true) {
      try {
        Platform.runLater(() -> install(out));
        return;
      } catch (IllegalStateException notYet) {
        sleep();
      }
    }
  }

  private static void install(Path out) {
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    new AnimationTimer() {
      private long anyLane = -1;
      private Object plan;
      private long allLanes = -1;
      private long cpu;
      private long firstPulse = -1;
      private long firstPulseCpu;

      @Override
      public void handle(long now) {
        if (firstPulse < 0 && Window.getWindows().stream().anyMatch(Window::isShowing)) {
          firstPulse = System.currentTimeMillis() - jvmStart;
          firstPulseCpu = processCpuMillis();
        }
        TimelineView v = find();
        if (v == null || v.viewModel().frame() == null || v.ticker().drawnFrames() == 0) {
          return;
        }
        long t = System.currentTimeMillis() - jvmStart;
        if (v.viewModel().plan() != plan) {
          plan = v.viewModel().plan();
          allLanes = -1;
        }
        if (allLanes < 0 && allDrawn(v.viewModel().plan(), v.viewModel().frame())) {
          allLanes = t;
          cpu = processCpuMillis();
          anyLane = anyLane < 0 ? t : anyLane;
        }
        // The workspace has finished loading when its lanes stop changing for three seconds.
        if (allLanes >= 0 && t - allLanes > 3000) {
          stop();
          String line = String.format(Locale.ROOT, "window-shown-pulse-ms %d (process cpu %d ms); all-lanes-ms %d any-lane-ms %d lanes %d "
              + "(process cpu %d ms)%n", firstPulse, firstPulseCpu, allLanes, anyLane, v.viewModel().plan().visibleLanes().size(), cpu);
          try {
            Files.writeString(out, line, StandardCharsets.US_ASCII);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
          Runtime.getRuntime().halt(0);
        }
      }
    }.start();
  }

  /** CPU time of the whole process so far (every thread), in ms; -1 where the JVM cannot tell. */
  static long processCpuMillis() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime() / 1_000_000;
    }
    return -1;
  }

  static boolean allDrawn(LanePlan plan, FrameData frame) {
    int data = 0;
    for (Lane l : plan.visibleLanes()) {
      if (l.kind() != org.dnsseismograph.render.LaneKind.ANNOTATIONS) {
        if (!frame.covers(l)) {
          return false;
        }
        data++;
      }
    }
    return data > 0;
  }

  /** The timeline of a shown window, or null while none is shown; call on the FX thread. */
  static TimelineView find() {
    for (Window w : Window.getWindows()) {
      if (w.getScene() != null) {
        Node n = w.getScene().lookup("#timeline");
        if (n instanceof TimelineView v) {
          return v;
        }
      }
    }
    return null;
  }

  private static void sleep() {
    try {
      Thread.sleep(2);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
