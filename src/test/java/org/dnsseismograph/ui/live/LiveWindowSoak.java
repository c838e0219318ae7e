package org.dnsseismograph.ui.live;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.dnsseismograph.capture.LiveCaptureConfig;
import org.dnsseismograph.capture.LiveCounters;
import org.dnsseismograph.capture.LiveSnapshot;
import org.dnsseismograph.capture.LocalDns;
import org.dnsseismograph.capture.Recording;
import org.dnsseismograph.capture.SoakLoad;
import org.dnsseismograph.ui.LaunchRequest;
import org.dnsseismograph.ui.MainWindow;
import org.dnsseismograph.ui.SeismographApp;
import org.dnsseismograph.ui.common.UserSettings;
import org.dnsseismograph.wire.DecodeOptions;
import org.dnsseismograph.wire.DnsPorts;

/**
 * Soak benchmark of the window (a main, not a test; root, a display: Xvfb): a real Unbound stubbed
 * to a real NSD under dnsperf at the highest rate this machine sustains, for several minutes, while
 * the window captures live on {@code lo} (both sides of the resolver), records rotating pcap files
 * and follows the present. Every 10 s it prints the capture's counters and drops, the heap, and
 * the window's frame figures of those 10 s: the time between JavaFX pulses (p50, p99, max) and the
 * delay of a hand-over to the FX thread posted every 100 ms from another thread (how long a click
 * would wait). At the end the same over the whole run, and dnsperf's figures.
 *
 * <p>Run: {@code xvfb-run -a java -Dprism.order=sw -cp target/test-classes:target/classes:DEPS
 * org.dnsseismograph.ui.live.LiveWindowSoak [MINUTES] [QPS]}; QPS 0 (the default) first measures
 * what dnsperf gets unthrottled for 15 s and then runs at that.
 */
public final class LiveWindowSoak {

  private final List<Long> pulses = new ArrayList<>();
  private final List<Long> handOvers = new ArrayList<>();

  private LiveWindowSoak() {}

  public static void main(String[] args) throws Exception {
    int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int rate = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    try (LocalDns dns = LocalDns.withUnbound(null)) {
      SoakLoad load = SoakLoad.on(dns);
      if (rate == 0) {
        rate = load.unthrottledRate();
        System.out.printf(Locale.ROOT, "calibration: dnsperf unthrottled for 15 s: %d queries/s%n", rate);
      }
      new LiveWindowSoak().soak(dns, load, minutes, rate);
    }
    Platform.exit();
    System.exit(0);
  }

  private void soak(LocalDns dns, SoakLoad soakLoad, int minutes, int rate) throws Exception {
    AtomicReference<MainWindow> window = new AtomicReference<>();
    AtomicReference<LiveSession> session = new AtomicReference<>();
    Path settings = Files.createTempDirectory("seismograph-soak-settings");
    LiveCaptureConfig config = LiveCaptureConfig.of("lo").withPorts(DecodeOptions.defaults().withPorts(DnsPorts.of(53, dns.unboundPort(), dns.nsdPort())))
        .withFilter("port " + dns.unboundPort() + " or port " + dns.nsdPort()).withRecording(new Recording(dns.dir(), "soak.pcap", 512L << 20, 0));
    Platform.startup(() -> {
      Stage stage = new Stage();
      MainWindow w = SeismographApp.build(stage, new LaunchRequest(List.of(), null, List.of()), new UserSettings(settings));
      stage.show();
      window.set(w);
      session.set(LiveWindow.of(w).orElseThrow().live().start(new LiveRequest(config, null)));
      new AnimationTimer() {
        @Override
        public void handle(long now) {
          synchronized (pulses) {
            pulses.add(now);
          }
        }
      }.start();
    });
    Thread probe = new Thread(this::probeHandOvers, "soak-probe");
    probe.setDaemon(true);
    probe.start();
    System.out.printf(Locale.ROOT, "window soak: %d min at %d queries/s, live capture on lo (ports %d, %d) in the window, load average %s%n", minutes, rate,
        dns.unboundPort(), dns.nsdPort(), loadAverage());
    System.out.println("  t(s)    frames  frames/s  DNS msgs  kernel-drop  queue-drop  heap(MB)  pulse p50/p99/max(ms)  hand-over p50/p99/max(ms)");
    CompletableFuture<String> load = soakLoad.start(minutes * 60, rate);
    long t0 = System.nanoTime();
    long lastFrames = 0;
    long lastT = t0;
    int pulseMark = 0;
    int handMark = 0;
    while (!load.isDone()) {
      Thread.sleep(10_000);
      LiveCounters c = session.get().source().snapshot().counters();
      long now = System.nanoTime();
      String p = intervals(pulses, pulseMark);
      String h = delays(handOvers, handMark);
      pulseMark = size(pulses);
      handMark = size(handOvers);
      System.out.printf(Locale.ROOT, "%6.0f %9d %9.0f %9d %12d %11d %9.1f  %21s  %25s%n", (now - t0) / 1e9, c.received(),
          (c.received() - lastFrames) / ((now - lastT) / 1e9), c.dnsMessages(), c.kernelDropped() + c.interfaceDropped(), c.queueDropped(),
          ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0, p, h);
      lastFrames = c.received();
      lastT = now;
    }
    report(load.get(), session.get(), window.get());
  }

  private void report(String dnsperf, LiveSession s, MainWindow w) throws Exception {
    System.out.println("dnsperf:");
    SoakLoad.summary(dnsperf).forEach(l -> System.out.println("  " + l));
    LiveSnapshot snap = s.source().snapshot();
    LiveCounters c = snap.counters();
    System.out.printf(Locale.ROOT, "capture: %d frames, %d DNS messages (%d queries, %d responses), %d files, %d bytes recorded%n", c.received(),
        c.dnsMessages(), c.queries(), c.responses(), snap.recordings().size(), c.recordedBytes());
    System.out.printf(Locale.ROOT, "drops: kernel %d, interface %d, our queue %d%n", c.kernelDropped(), c.interfaceDropped(), c.queueDropped());
    System.out.printf(Locale.ROOT, "whole run: pulse interval p50/p99/max %s ms over %d pulses; hand-over delay p50/p99/max %s ms over %d probes%n",
        intervals(pulses, 0), size(pulses), delays(handOvers, 0), size(handOvers));
    System.gc();
    System.out.printf(Locale.ROOT, "heap after a full collection: %.1f MB; load average %s%n",
        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0, loadAverage());
    s.source().stop();
    for (Path p : s.source().snapshot().recordings()) {
      Files.deleteIfExists(p);
    }
  }

  /** Every 100 ms: how long a hand-over to the FX thread waits before it runs (what a click would wait). */
  private void probeHandOvers() {
    while (true) {
      long posted = System.nanoTime();
      Platform.runLater(() -> {
        synchronized (handOvers) {
          handOvers.add(System.nanoTime() - posted);
        }
      });
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static int size(List<Long> l) {
    synchronized (l) {
      return l.size();
    }
  }

  private static String intervals(List<Long> times, int from) {
    long[] g;
    synchronized (times) {
      int n = Math.max(0, times.size() - Math.max(from, 1));
      g = new long[n];
      for (int i = 0; i < n; i++) {
        int k = Math.max(from, 1) + i;
        g[i] = times.get(k) - times.get(k - 1);
      }
    }
    return percentiles(g);
  }

  private static String delays(List<Long> delays, int from) {
    long[] d;
    synchronized (delays) {
      d = delays.subList(Math.min(from, delays.size()), delays.size()).stream().mapToLong(Long::longValue).toArray();
    }
    return percentiles(d);
  }

  private static String percentiles(long[] v) {
    if (v.length == 0) {
      return "-";
    }
    Arrays.sort(v);
    return String.format(Locale.ROOT, "%.1f/%.1f/%.1f", v[v.length / 2] / 1e6, v[(int) Math.min(v.length - 1, v.length * 0.99)] / 1e6,
        v[v.length - 1] / 1e6);
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "?";
    }
  }
}
