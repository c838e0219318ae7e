package org.dnsseismograph.ui.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.ToLongFunction;
import org.dnsseismograph.analysis.CaptureDetect;
import org.dnsseismograph.analysis.HealthReport;
import org.dnsseismograph.analysis.LoadRequest;
import org.dnsseismograph.capture.DnstapFiles;
import org.dnsseismograph.capture.DnstapReceiver;
import org.dnsseismograph.capture.LiveState;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.ui.common.FxExecutor;
import org.dnsseismograph.wire.DecodeOptions;

/**
 * Runs {@code seismograph detect}'s detectors over what each live source has recorded so far, so
 * that a live capture lists spikes and suspected outages and proposes them as a file does. The
 * detectors need the whole picture (roles, baselines, every server's evidence), which the recording
 * holds; the live series keep only what the timeline draws. A run reads the recording up to its
 * last flushed record (of a rotated recording, its newest files up to {@link #MAX_CHECKED_BYTES}),
 * on a thread of its own at low priority, never two at once; the next starts {@value
 * #MIN_INTERVAL_SECONDS} s after the last ended, or four times as long as it took when that is
 * longer, so a long recording is checked less often instead of holding a core. A source that
 * stopped is checked once more, over its closed recording. The first check comes that long after
 * the source was seen. A source without a recording is not checked.
 *
 * <p>{@link #pulse} and the listener run on the FX thread.
 */
final class LiveDetections {
  static final long MIN_INTERVAL_SECONDS = 15;
  private static final long MIN_INTERVAL_NANOS = MIN_INTERVAL_SECONDS * TimeUnits.NANOS_PER_SECOND;
  private static final int SLOWER_THAN_RUN = 4;
  /**
   * The most a check reads of a rotated recording, newest files first: about ten million packets, a
   * check of ~8 s, so a day's recording is checked as often as an hour's; what earlier checks found
   * before that part is kept ({@code LiveDetectionHistory}).
   */
  static final long MAX_CHECKED_BYTES = 1L << 30;

  /** Per session: when the next run may start, and whether the run after the stop was made. */
  private static final class Pace {
    long notBefore;
    boolean running;
    boolean lastDone;
    boolean saidUnrecorded;

    Pace(long notBefore) {
      this.notBefore = notBefore;
    }
  }

  private final DecodeOptions decode;
  private final long timeoutNanos;
  private final Map<LiveSession, Pace> paces = new IdentityHashMap<>();
  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "seismograph-live-detect");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    return t;
  });
  private volatile boolean closed;
  private LiveReports listener;

  LiveDetections(DecodeOptions decode, long timeoutNanos) {
    this.decode = Objects.requireNonNull(decode, "decode");
    this.timeoutNanos = timeoutNanos;
  }

  void setListener(LiveReports l) {
    this.listener = l;
  }

  /** Starts a run for every session that is due; {@code now} in {@link System#nanoTime()}'s terms. */
  void pulse(List<LiveSession> sessions, long now) {
    paces.keySet().retainAll(sessions);
    for (LiveSession s : sessions) {
      Pace p = paces.computeIfAbsent(s, x -> new Pace(now + MIN_INTERVAL_NANOS));
      List<Path> files = checkable(s.snapshot().recordings(), s.snapshot().counters().recordingsDeleted());
      LiveState state = s.snapshot().state();
      if (files.isEmpty() && state.isActive() && !p.saidUnrecorded && listener != null) {
        p.saidUnrecorded = true;
        listener.unrecorded(s);
      }
      if (closed || p.running || p.lastDone || files.isEmpty() || state == LiveState.NEW) {
        continue;
      }
      boolean stopped = !state.isActive();
      if (stopped || now - p.notBefore >= 0) {
        start(s, p, files, stopped);
      }
    }
  }

  private void start(LiveSession s, Pace p, List<Path> files, boolean last) {
    p.running = true;
    p.lastDone = last;
    DecodeOptions options = s.source() instanceof DnstapReceiver ? decode.withMessages(DnstapFiles.INSTANCE) : decode;
    try {
      thread.execute(() -> run(s, p, files, options));
    } catch (RejectedExecutionException e) {
      // closed meanwhile: the window is going away
      p.running = false;
    }
  }

  private void run(LiveSession s, Pace p, List<Path> files, DecodeOptions options) {
    long began = System.nanoTime();
    HealthReport report = null;
    String failure = null;
    try {
      LoadRequest request = new LoadRequest(newest(files, MAX_CHECKED_BYTES, LiveDetections::size), options, timeoutNanos);
      report = CaptureDetect.run(request, cancelOnClose()).report();
    } catch (IOException | RuntimeException e) {
      failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    long took = System.nanoTime() - began;
    HealthReport found = report;
    String why = failure;
    FxExecutor.INSTANCE.later(() -> {
      p.running = false;
      p.notBefore = System.nanoTime() + Math.max(MIN_INTERVAL_NANOS, SLOWER_THAN_RUN * took);
      if (closed) {
        return;
      }
      // a failed check is the source's problem until one succeeds; the next run tries again
      s.detectionChecked(found != null ? "" : why);
      if (found != null && listener != null) {
        listener.detected(s, found);
      }
    });
  }

  /**
   * The recording files (oldest first) a check may read: once a recording that keeps only its
   * newest files has deleted one ({@code deleted}), its oldest kept file is the next to go, possibly
   * while the check reads, so it is left out.
   */
  static List<Path> checkable(List<Path> files, int deleted) {
    return deleted > 0 && files.size() > 1 ? files.subList(1, files.size()) : files;
  }

  /**
   * The newest of the rotated {@code files} (oldest first) that together hold at most {@code limit}
   * bytes, and at least the newest one.
   */
  static List<Path> newest(List<Path> files, long limit, ToLongFunction<Path> size) {
    long total = 0;
    int from = files.size();
    while (from > 0) {
      total += size.applyAsLong(files.get(from - 1));
      if (total > limit && from < files.size()) {
        break;
      }
      from--;
    }
    return List.copyOf(files.subList(from, files.size()));
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      // gone or unreadable: the check says so when it opens it
      return 0;
    }
  }

  private Progress cancelOnClose() {
    return new Progress() {
      @Override
      public void update(long done, long total) {
        // a background check: the live bar shows the source, not this
      }

      @Override
      public boolean isCancelled() {
        return closed;
      }
    };
  }

  /** Ends the runs: a run under way is cancelled, none starts after. */
  void close() {
    closed = true;
    thread.shutdownNow();
  }
}
