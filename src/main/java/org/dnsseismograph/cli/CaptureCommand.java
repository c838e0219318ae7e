package org.dnsseismograph.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.dnsseismograph.capture.CaptureException;
import org.dnsseismograph.capture.CaptureInterface;
import org.dnsseismograph.capture.CaptureInterfaces;
import org.dnsseismograph.capture.LiveCapture;
import org.dnsseismograph.capture.LiveCaptureConfig;
import org.dnsseismograph.capture.LiveCounters;
import org.dnsseismograph.capture.LiveDnsSeries;
import org.dnsseismograph.capture.LiveSnapshot;
import org.dnsseismograph.capture.LiveState;
import org.dnsseismograph.capture.Recording;
import org.dnsseismograph.series.Retention;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.traffic.MatcherConfig;
import org.dnsseismograph.wire.Skipped;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code seismograph capture}: captures DNS traffic on an interface into pcap files (rotating when
 * asked) until the duration is over or Ctrl-C, analysing it as it arrives, and says at the end what
 * was captured, recorded, dropped and skipped. A status line goes to stderr every 10 seconds unless
 * quiet.
 */
@Command(name = "capture", mixinStandardHelpOptions = true,
    description = {"Capture DNS traffic on an interface into pcap files, analysed as it arrives.",
        "Needs root, or the capabilities cap_net_raw,cap_net_admin on the launcher",
        "(setcap)."})
final class CaptureCommand implements Callable<Integer> {
  private static final long STATUS_EVERY_NANOS = 10 * TimeUnits.NANOS_PER_SECOND;

  private final PrintWriter out;
  private final PrintWriter err;

  @Option(names = {"-i", "--interface"}, paramLabel = "IF", description = "Interface to capture on (lo, eth0, any; see --list-interfaces).")
  String interfaceName;

  @Option(names = "--filter", paramLabel = "BPF", description = "BPF filter (pcap-filter syntax); default: UDP and TCP on the DNS ports, and IP fragments.")
  String filter;

  @Option(names = {"-w", "--write"}, paramLabel = "FILE.pcap", description = "Where to record (replaced if it exists); with rotation, FILE-00001.pcap, ...")
  Path write;

  @Option(names = "--duration", paramLabel = "DURATION", description = "Stop after this long (10s, 5min, 2h); default: until Ctrl-C.")
  String duration;

  @Option(names = "--snaplen", paramLabel = "BYTES", defaultValue = "262144", description = "Bytes kept of each frame (default: ${DEFAULT-VALUE}, whole frames).")
  int snapLength;

  @Mixin
  RotationOptions rotation = new RotationOptions();

  @Option(names = "--list-interfaces", description = "List the interfaces with their addresses and exit.")
  boolean listInterfaces;

  @Option(names = {"-q", "--quiet"}, description = "No status lines and no summary on stderr.")
  boolean quiet;

  @Mixin CaptureOptions capture = new CaptureOptions();

  CaptureCommand(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() throws InterruptedException {
    if (listInterfaces) {
      return list();
    }
    if (interfaceName == null || write == null) {
      throw new IllegalArgumentException("capture needs --interface IF and --write FILE.pcap (or --list-interfaces)");
    }
    LiveCaptureConfig config = config();
    Path dir = config.recording().directory();
    if (!Files.isDirectory(dir)) {
      throw new InputFailure(write, "cannot write here: " + dir + " is not a directory");
    }
    LiveDnsSeries analysis = new LiveDnsSeries(MatcherConfig.defaults().withTimeout(capture.timeoutNanos()), Retention.LIVE_DEFAULT, config.decode().ports());
    LiveCapture live = new LiveCapture(config, analysis);
    try {
      live.start();
    } catch (CaptureException e) {
      throw failure(e);
    }
    long started = System.nanoTime();
    CountDownLatch interrupted = new CountDownLatch(1);
    CountDownLatch summarised = new CountDownLatch(1);
    // Ctrl-C: the hook wakes the wait below and holds the JVM until the file is closed and the summary written.
    Thread hook = new Thread(() -> {
      interrupted.countDown();
      try {
        summarised.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "seismograph-capture-interrupt");
    Runtime.getRuntime().addShutdownHook(hook);
    LiveSnapshot last;
    try {
      waitUntilDone(live, interrupted);
      live.stop();
      last = live.snapshot();
      if (!quiet) {
        summary(last, System.nanoTime() - started);
      }
    } finally {
      live.stop();
      summarised.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the JVM is stopping anyway.
      }
    }
    if (last.state() == LiveState.FAILED) {
      throw new InputFailure(last.problem());
    }
    return ExitCode.OK;
  }

  private LiveCaptureConfig config() {
    if (snapLength < 1 || snapLength > LiveCaptureConfig.MAX_SNAP_LENGTH) {
      throw new IllegalArgumentException("--snaplen must be 1.." + LiveCaptureConfig.MAX_SNAP_LENGTH + ", not " + snapLength);
    }
    Recording recording = rotation.applyTo(Recording.toFile(write));
    LiveCaptureConfig config = LiveCaptureConfig.of(interfaceName).withPorts(capture.decodeOptions()).withSnapLength(snapLength).withRecording(recording);
    return filter == null ? config : config.withFilter(filter);
  }

  /** Waits for the duration, Ctrl-C or a failure, with a status line every 10 s. */
  private void waitUntilDone(LiveCapture live, CountDownLatch interrupted) throws InterruptedException {
    long end = duration == null ? Long.MAX_VALUE : System.nanoTime() + RotationOptions.positiveDuration("--duration", duration);
    long nextStatus = System.nanoTime() + STATUS_EVERY_NANOS;
    while (live.snapshot().state() != LiveState.FAILED && (duration == null || System.nanoTime() - end < 0)) {
      long wait = Math.min(duration == null ? Long.MAX_VALUE : end - System.nanoTime(), nextStatus - System.nanoTime());
      if (interrupted.await(Math.max(1, Math.min(wait, 500_000_000L)), TimeUnit.NANOSECONDS)) {
        return;
      }
      if (!quiet && System.nanoTime() - nextStatus >= 0) {
        status(live.snapshot());
        nextStatus += STATUS_EVERY_NANOS;
      }
    }
  }

  private int list() {
    List<CaptureInterface> all;
    try {
      all = CaptureInterfaces.list();
    } catch (CaptureException e) {
      throw failure(e);
    }
    for (CaptureInterface i : all) {
      String flags = (i.up() ? "up" : "down") + (i.loopback() ? ", loopback" : "");
      out.printf(Locale.ROOT, "%-16s %-40s (%s)%s%n", i.name(), String.join(" ", i.addresses()), flags,
          i.description() == null ? "" : "  " + i.description());
    }
    out.flush();
    return ExitCode.OK;
  }

  private void status(LiveSnapshot s) {
    LiveCounters c = s.counters();
    err.printf(Locale.ROOT, "capturing on %s: %d frames, %d DNS messages, dropped %d (kernel %d, queue %d)%n", s.sourceName(), c.received(),
        c.dnsMessages(), c.droppedTotal(), c.kernelDropped() + c.interfaceDropped(), c.queueDropped());
    err.flush();
  }

  private void summary(LiveSnapshot s, long elapsedNanos) {
    LiveCounters c = s.counters();
    err.printf(Locale.ROOT, "captured %d frames (%s) on %s in %s: %d DNS messages (%d queries, %d responses)%n", c.received(), ScanReport.bytes(c.receivedBytes()),
        s.sourceName(), TimeUnits.formatDuration(elapsedNanos), c.dnsMessages(), c.queries(), c.responses());
    int files = s.recordings().size() + c.recordingsDeleted();
    err.printf(Locale.ROOT, "recorded %d frames (%s) in %d file%s: %s%s%n", c.recorded(), ScanReport.bytes(c.recordedBytes()), files, files == 1 ? "" : "s",
        s.recordings().isEmpty() ? "-" : s.recordings().get(0) + (s.recordings().size() > 1 ? " ..." : ""),
        c.recordingsDeleted() > 0 ? " (the oldest " + c.recordingsDeleted() + " deleted by --keep)" : "");
    err.printf(Locale.ROOT, "dropped: %d by the kernel, %d by the interface, %d by our queue (recorded, not analysed)%n", c.kernelDropped(),
        c.interfaceDropped(), c.queueDropped());
    if (c.skippedTotal() == 0) {
      err.println("skipped: nothing");
    } else {
      err.printf(Locale.ROOT, "skipped: %d%n", c.skippedTotal());
      for (Skipped k : c.skipped()) {
        err.printf(Locale.ROOT, "  %8d  %-28s %s%n", k.count(), k.reason().code(), k.reason().description());
      }
    }
    if (s.problem() != null && s.state() != LiveState.FAILED) {
      err.println("note: " + s.problem());
    }
    err.flush();
  }

  /** Bad arguments are usage errors (exit 2); everything else could not be read (exit 1). */
  private static RuntimeException failure(CaptureException e) {
    return switch (e.kind()) {
      case BAD_FILTER, NO_SUCH_INTERFACE -> new IllegalArgumentException(e.getMessage());
      default -> new InputFailure(e.getMessage());
    };
  }
}
