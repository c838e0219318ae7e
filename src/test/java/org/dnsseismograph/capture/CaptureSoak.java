package org.dnsseismograph.capture;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.dnsseismograph.series.EventSeries;
import org.dnsseismograph.series.ResolvableSeries;
import org.dnsseismograph.series.Retention;
import org.dnsseismograph.traffic.MatcherConfig;
import org.dnsseismograph.wire.DecodeOptions;
import org.dnsseismograph.wire.DnsPorts;

/**
 * Soak benchmark (a main, not a test; root): a real Unbound, stubbed to a real NSD, under dnsperf at
 * the highest rate this machine sustains, for several minutes, while a live capture on {@code lo}
 * records and analyses both of its sides. Every 10 s it prints the capture's counters, the packet
 * rate, the heap in use and the old generation after its last collection; at the end dnsperf's
 * figures and the gaps between published snapshots (the producer side of the frame rate).
 *
 * <p>Run: {@code java -Xmx1g -cp target/test-classes:target/classes:DEPS org.dnsseismograph.capture.CaptureSoak [MINUTES] [QPS] [EXACT-SECONDS]
 * [ROTATE-MIB] [KEEP-MIB]}; QPS 0 (the default) first measures what dnsperf gets unthrottled for 15 s
 * and then runs at that. EXACT-SECONDS is how long exact event times are kept ({@link
 * Retention#LIVE_DEFAULT}'s 600 s by default); memory grows by 4 bytes per event until then and is
 * flat after. The recording rotates every ROTATE-MIB (512) and keeps its newest KEEP-MIB (0: all);
 * each sample says how many files it wrote, kept and the bytes on disk.
 */
public final class CaptureSoak {
  private CaptureSoak() {}

  public static void main(String[] args) throws Exception {
    int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int rate = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    long exactSeconds = args.length > 2 ? Long.parseLong(args[2]) : Retention.LIVE_DEFAULT.exactNanos() / 1_000_000_000L;
    long rotate = (args.length > 3 ? Long.parseLong(args[3]) : 512) << 20;
    long keep = (args.length > 4 ? Long.parseLong(args[4]) : 0) << 20;
    try (LocalDns dns = LocalDns.withUnbound(null)) {
      SoakLoad load = SoakLoad.on(dns);
      if (rate == 0) {
        rate = load.unthrottledRate();
        System.out.printf(Locale.ROOT, "calibration: dnsperf unthrottled for 15 s: %d queries/s%n", rate);
      }
      Retention r = Retention.LIVE_DEFAULT;
      Recording recording = new Recording(dns.dir(), "soak.pcap", rotate, 0, keep);
      soak(dns, load, minutes, rate, new Retention(exactSeconds * 1_000_000_000L, r.detailNanos(), r.tenSecondNanos(), r.hundredSecondNanos()), recording);
    }
  }

  private static void soak(LocalDns dns, SoakLoad soakLoad, int minutes, int rate, Retention retention, Recording recording) throws Exception {
    List<Long> snapshotTimes = new ArrayList<>();
    AtomicLong publications = new AtomicLong();
    LiveOptions live = LiveOptions.defaults().withListener(s -> {
      publications.incrementAndGet();
      synchronized (snapshotTimes) {
        snapshotTimes.add(System.nanoTime());
      }
    });
    LiveCaptureConfig config = LiveCaptureConfig.of("lo").withPorts(DecodeOptions.defaults().withPorts(DnsPorts.of(53, dns.unboundPort(), dns.nsdPort())))
        .withFilter("port " + dns.unboundPort() + " or port " + dns.nsdPort())
        .withRecording(recording).withLive(live);
    LiveCapture capture = new LiveCapture(config, new LiveDnsSeries(MatcherConfig.defaults(), retention));
    capture.start();
    System.out.printf(Locale.ROOT, "soak: %d min at %d queries/s, capture on lo (port %d and %d), recording %s (files of %d MiB, %s), exact events kept %d s%n",
        minutes, rate, dns.unboundPort(), dns.nsdPort(), recording.directory(), recording.rotateBytes() >> 20,
        recording.keepBytes() == 0 ? "all kept" : "newest " + (recording.keepBytes() >> 20) + " MiB kept", retention.exactNanos() / 1_000_000_000L);
    System.out.println("  t(s)    frames   frames/s  analysed   DNS msgs  kernel-drop  queue-drop  queue  heap-used(MB)  series(MB)  live-heap(MB)  files"
        + "  kept  on-disk(MB)");
    CompletableFuture<String> load = soakLoad.start(minutes * 60, rate);
    long t0 = System.nanoTime();
    long lastFrames = 0;
    long lastT = t0;
    int sample = 0;
    while (!load.isDone()) {
      Thread.sleep(10_000);
      LiveSnapshot snap = capture.snapshot();
      LiveCounters c = snap.counters();
      long now = System.nanoTime();
      double heap = heapUsed() / 1048576.0;
      // Once a minute a full collection measures what is really alive (the only figure that shows a leak).
      String liveHeap = ++sample % 6 == 0 ? String.format(Locale.ROOT, "%.1f", liveHeap() / 1048576.0) : "";
      System.out.printf(Locale.ROOT, "%6.0f %9d %10.0f %9d %10d %12d %11d %6d %14.1f %11.1f %14s %6d %5d %12.1f%n", (now - t0) / 1e9, c.received(),
          (c.received() - lastFrames) / ((now - lastT) / 1e9), c.analyzed(), c.dnsMessages(), c.kernelDropped() + c.interfaceDropped(), c.queueDropped(),
          c.queueDepth(), heap, seriesBytes(snap) / 1048576.0, liveHeap, snap.recordings().size() + c.recordingsDeleted(), snap.recordings().size(),
          onDisk(recording) / 1048576.0);
      lastFrames = c.received();
      lastT = now;
    }
    Thread.sleep(2000);
    capture.stop();
    LiveSnapshot s = capture.snapshot();
    System.out.println("dnsperf:");
    SoakLoad.summary(load.get()).forEach(l -> System.out.println("  " + l));
    LiveCounters c = s.counters();
    System.out.printf(Locale.ROOT, "capture: %d frames (%d bytes) recorded in %d files (%d kept), %d analysed, %d DNS messages (%d queries, %d responses)%n",
        c.received(), c.recordedBytes(), s.recordings().size() + c.recordingsDeleted(), s.recordings().size(), c.analyzed(), c.dnsMessages(), c.queries(),
        c.responses());
    System.out.printf(Locale.ROOT, "drops: kernel %d, interface %d, our queue %d; skipped %d%n", c.kernelDropped(), c.interfaceDropped(), c.queueDropped(),
        c.skippedTotal());
    System.out.printf(Locale.ROOT, "series: dns.queries %d, dns.responses %d, dns.unanswered %d; snapshots %d%n", LiveCaptureTest.events(s.series(), "dns.queries"),
        LiveCaptureTest.events(s.series(), "dns.responses"), LiveCaptureTest.events(s.series(), "dns.unanswered"), publications.get());
    gaps(snapshotTimes);
    for (Path p : s.recordings()) {
      Files.deleteIfExists(p);
    }
  }

  /** Bytes of the recording's files on disk now, whatever the recorder believes. */
  private static long onDisk(Recording recording) throws java.io.IOException {
    String stem = recording.name().substring(0, recording.name().lastIndexOf('.'));
    try (var files = Files.list(recording.directory())) {
      long sum = 0;
      for (Path p : files.filter(p -> p.getFileName().toString().startsWith(stem)).toList()) {
        sum += Files.size(p);
      }
      return sum;
    }
  }

  /** Time between consecutive snapshots (the worker's frame period as the UI would see it). */
  private static void gaps(List<Long> times) {
    long[] g;
    synchronized (times) {
      g = new long[times.size() - 1];
      for (int i = 1; i < times.size(); i++) {
        g[i - 1] = times.get(i) - times.get(i - 1);
      }
    }
    Arrays.sort(g);
    System.out.printf(Locale.ROOT, "snapshot gaps (ms): p50 %.1f, p99 %.1f, p99.9 %.1f, max %.1f over %d gaps%n", g[g.length / 2] / 1e6,
        g[(int) (g.length * 0.99)] / 1e6, g[(int) (g.length * 0.999)] / 1e6, g[g.length - 1] / 1e6, g.length);
  }

  private static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Heap in use right after a full collection. */
  private static long liveHeap() {
    System.gc();
    return heapUsed();
  }

  /** What the event series say they hold (sealed chunks, exact events, summary levels). */
  private static long seriesBytes(LiveSnapshot s) {
    long bytes = 0;
    for (ResolvableSeries r : s.series().series().values()) {
      if (r instanceof EventSeries e) {
        bytes += e.estimatedBytes();
      }
    }
    return bytes;
  }
}
