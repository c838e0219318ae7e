package org.dnsseismograph.ui.timeline;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import org.dnsseismograph.Main;
import org.dnsseismograph.series.TimeRange;

/**
 * Benchmark aid (not a test): runs the real application on the arguments given (for instance
 * {@code open big.pcap}) and, while the capture loads, records every pulse's distance from the one
 * before (a pulse late by more than a frame is a stutter the user sees), and every half second
 * zooms the timeline in or out at its centre, as a key press would, timing how long until a frame
 * reduced for the new window has been drawn. Writes p50/p99 of both, the time to the first partial
 * lanes and the load's end (when the probe saw the extent stop growing for 5 s, or after {@code
 * -Dprobe.seconds}) to {@code -Dprobe.out}, then exits. {@code -Dprobe.zoom=false} leaves the
 * timeline alone, to time the load as a user who only watches it would see it.
 *
 * <p>Run under Xvfb: {@code xvfb-run -a java -Dprobe.out=F -cp target/classes:target/test-classes:<deps>
 * org.dnsseismograph.ui.timeline.LoadResponsivenessProbe open FILE}.
 */
public final class LoadResponsivenessProbe {
  private LoadResponsivenessProbe() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(System.getProperty("probe.out", "load-responsiveness.txt"));
    long seconds = Long.getLong("probe.seconds", 180);
    Thread watcher = new Thread(() -> {
      while (true) {
        try {
          Platform.runLater(() -> new Probe(out, seconds).start());
          return;
        } catch (IllegalStateException notYet) {
          try {
            Thread.sleep(2);
          } catch (InterruptedException e) {
            return;
          }
        }
      }
    }, "load-probe");
    watcher.setDaemon(true);
    watcher.start();
    Main.main(args);
  }

  private static final class Probe extends AnimationTimer {
    private final Path out;
    private final long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    private final long limitMillis;
    private final List<Long> intervals = new ArrayList<>();
    private final List<Long> gestures = new ArrayList<>();
    private long last;
    private long firstLanes = -1;
    private long lastGrowth;
    private TimeRange extent;
    private TimeRange asked;
    private long askedAt;
    private long nextAsk;
    private boolean zoomIn = true;
    private final boolean zoom = Boolean.parseBoolean(System.getProperty("probe.zoom", "true"));

    Probe(Path out, long seconds) {
      this.out = out;
      this.limitMillis = seconds * 1000;
    }

    @Override
    public void handle(long now) {
      if (last != 0 && firstLanes >= 0) {
        intervals.add(now - last);
      }
      last = now;
      TimelineView v = FirstLanesProbe.find();
      long t = System.currentTimeMillis() - jvmStart;
      if (v == null || v.viewModel().frame() == null || v.ticker().drawnFrames() == 0) {
        return;
      }
      TimelineViewModel vm = v.viewModel();
      if (firstLanes < 0 && FirstLanesProbe.allDrawn(vm.plan(), vm.frame())) {
        firstLanes = t;
        lastGrowth = t;
      }
      if (!vm.extent().equals(extent)) {
        extent = vm.extent();
        lastGrowth = t;
      }
      gesture(vm, now);
      if (firstLanes >= 0 && (t - lastGrowth > 5000 || t > limitMillis)) {
        stop();
        write(t);
      }
    }

    /** Times the last zoom until its frame is drawn, then asks for the next one half a second later. */
    private void gesture(TimelineViewModel vm, long now) {
      if (asked != null && vm.frame().range().equals(asked)) {
        // The frame was taken up in the previous pulse's step at the latest and drawn there.
        gestures.add(now - askedAt);
        asked = null;
        nextAsk = now + 500_000_000L;
      }
      if (zoom && asked == null && now >= nextAsk && firstLanes >= 0) {
        askedAt = now;
        if (zoomIn) {
          vm.zoomIn();
        } else {
          vm.zoomOut();
        }
        zoomIn = !zoomIn;
        asked = vm.visibleRange();
      }
    }

    private void write(long t) {
      String s = String.format(Locale.ROOT,
          "first-partial-lanes-ms %d, load-seen-ending-ms %d, pulses %d: interval p50 %.1f ms p99 %.1f ms max %.1f ms; "
              + "zooms %d: ask-to-drawn p50 %.1f ms p99 %.1f ms max %.1f ms%n",
          firstLanes, lastGrowth, intervals.size(), pct(intervals, 50), pct(intervals, 99), pct(intervals, 100), gestures.size(),
          pct(gestures, 50), pct(gestures, 99), pct(gestures, 100)) + threadCpu();
      try {
        Files.writeString(out, s, StandardCharsets.US_ASCII);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      Runtime.getRuntime().halt(0);
    }
  }

  /** CPU seconds of the busiest threads so far: who had the cores while the capture loaded. */
  private static String threadCpu() {
    java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    StringBuilder b = new StringBuilder("thread cpu s:");
    Thread.getAllStackTraces().keySet().stream()
        .sorted((x, y) -> Long.compare(mx.getThreadCpuTime(y.getId()), mx.getThreadCpuTime(x.getId()))).limit(8)
        .forEach(t -> b.append(String.format(Locale.ROOT, " %s %.1f;", t.getName(), mx.getThreadCpuTime(t.getId()) / 1e9)));
    return b.append(String.format(Locale.ROOT, " process %.1f%n", FirstLanesProbe.processCpuMillis() / 1e3)).toString();
  }

  private static double pct(List<Long> v, int p) {
    if (v.isEmpty()) {
      return Double.NaN;
    }
    long[] s = v.stream().mapToLong(Long::longValue).sorted().toArray();
    return s[Math.min(s.length - 1, s.length * p / 100)] / 1e6;
  }
}
