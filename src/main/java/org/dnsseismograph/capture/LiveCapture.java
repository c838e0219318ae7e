package org.dnsseismograph.capture;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.dnsseismograph.series.Retention;
import org.dnsseismograph.traffic.MatcherConfig;
import org.dnsseismograph.wire.CaptureFormat;
import org.pcap4j.core.PcapHandle;

/**
 * A live capture on one interface with pcap4j: frames matching the BPF filter are recorded to disk
 * as they arrive ({@link Recording}; the recording is the source of truth and opens as a file) and
 * decoded on a worker thread through the file path into the {@link LiveAnalysis}, whose series are
 * published at frame rate in {@link LiveSnapshot}s with the drop counts: libpcap's ({@code
 * capture.dropped.kernel}) and our queue's ({@code capture.dropped.queue}).
 *
 * <p>Threads: a capture thread (libpcap's loop, recording, hand-off; never waits for the worker), a
 * small timer that wakes it every 100 ms for drop counts and flushing, and the worker. Capturing
 * needs root or the capabilities {@code cap_net_raw,cap_net_admin}; without them {@link #start()}
 * fails with a {@link CaptureException} of kind {@link CaptureException.Kind#NO_PERMISSION} whose
 * message says how to grant them. Thread-safe as {@link LiveSource} says.
 *
 * @see <a href="https://www.tcpdump.org/manpages/pcap.3pcap.html">pcap(3PCAP)</a>
 */
public final class LiveCapture implements LiveSource {
  private static final long WAKE_EVERY_MILLIS = 100;

  private final LiveCaptureConfig config;
  private final PacketPath path;
  private final LiveRuntime<CapturedFrame> runtime;
  private volatile CaptureLoop loop;
  private Thread thread;
  private ScheduledExecutorService waker;

  /** A capture analysed by the built-in {@link LiveDnsSeries}. */
  public LiveCapture(LiveCaptureConfig config) {
    this(config, new LiveDnsSeries(MatcherConfig.defaults(), Retention.LIVE_DEFAULT, config.decode().ports()));
  }

  public LiveCapture(LiveCaptureConfig config, LiveAnalysis analysis) {
    this.config = Objects.requireNonNull(config, "config");
    this.path = new PacketPath(config.decode(), analysis);
    this.runtime = new LiveRuntime<>(config.interfaceName(), config.live(), analysis, path, f -> f.data().length + 48, this::counts, "capture", true);
  }

  @Override
  public String name() {
    return config.interfaceName();
  }

  public LiveCaptureConfig config() {
    return config;
  }

  @Override
  public synchronized void start() throws CaptureException {
    if (runtime.state() != LiveState.NEW) {
      throw new IllegalStateException(name() + " was already started");
    }
    PcapHandle handle;
    try {
      handle = PcapHandles.open(config);
    } catch (CaptureException e) {
      runtime.failedToStart(e.getMessage());
      throw e;
    }
    int linkType = PcapHandles.fileLinkType(handle.getDlt().value());
    PcapRecorder recorder = null;
    if (config.recording() != null) {
      CaptureFormat precision = handle.getTimestampPrecision() == PcapHandle.TimestampPrecision.NANO ? CaptureFormat.PCAP_NANO : CaptureFormat.PCAP_MICRO;
      try {
        recorder = new PcapRecorder(config.recording(), linkType, config.snapLength(), precision);
      } catch (IOException e) {
        handle.close();
        String why = "cannot write the recording " + config.recording().file(1) + ": " + e.getMessage();
        runtime.failedToStart(why);
        throw new CaptureException(CaptureException.Kind.OTHER, why);
      }
    }
    path.setLinkType(linkType);
    loop = new CaptureLoop(handle, name(), recorder, runtime);
    runtime.begin();
    thread = new Thread(loop, "seismograph-capture-" + name());
    thread.setDaemon(true);
    thread.start();
    waker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "seismograph-capture-wake-" + name());
      t.setDaemon(true);
      return t;
    });
    CaptureLoop l = loop;
    waker.scheduleWithFixedDelay(l::wake, WAKE_EVERY_MILLIS, WAKE_EVERY_MILLIS, TimeUnit.MILLISECONDS);
  }

  @Override
  public void pause() {
    runtime.pause();
  }

  @Override
  public void resume() {
    runtime.resume();
  }

  @Override
  public synchronized void stop() {
    if (loop == null) {
      return;
    }
    waker.shutdownNow();
    loop.requestStop();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    runtime.end();
  }

  @Override
  public LiveSnapshot snapshot() {
    return runtime.snapshot();
  }

  private SourceCounts counts() {
    CaptureLoop l = loop;
    return l == null ? new SourceCounts(0, 0, 0, 0, 0, 0, 0, 0, List.of(), 0, 0, List.of()) : l.counts();
  }
}
