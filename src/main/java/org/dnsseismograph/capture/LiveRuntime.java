package org.dnsseismograph.capture;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.dnsseismograph.series.ResolvableSeries;
import org.dnsseismograph.series.Retention;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.traffic.RecentTraffic;
import org.dnsseismograph.wire.Skipped;

/**
 * The part every live source shares: the lifecycle ({@link LiveState}), the observed intervals, the
 * hand-off queue, and the worker thread that drains it through a {@link Stage}, keeps the analysis'
 * clock moving when traffic stops, and publishes a {@link LiveSnapshot} every frame period.
 *
 * <p>Threads: the source's receiving threads call {@link #handOff()} and {@link #isPaused()}; the
 * controlling thread calls {@link #begin()}, {@link #pause()}, {@link #resume()}, {@link #end()};
 * anybody calls {@link #snapshot()}. Everything else runs on the worker. A failure inside the
 * analysis stops analysing (counted items keep flowing, the recording goes on) and is reported as
 * the snapshot's problem; the worker never dies of it.
 */
final class LiveRuntime<T> {
  /** After this long without messages the analysis' clock follows the wall clock (minus this). */
  static final long IDLE_MARGIN_NANOS = 2 * TimeUnits.NANOS_PER_SECOND;
  private static final int BATCH = 4096;
  private static final long JOIN_MILLIS = 60_000;

  /** Set once more by {@link #rename} before the start; read by the worker. */
  private volatile String name;
  private final LiveOptions options;
  private final LiveAnalysis analysis;
  private final Stage<T> stage;
  private final HandOff<T> handOff;
  private final Supplier<SourceCounts> sourceCounts;
  private final Observation observation = new Observation();
  private final DropSeries queueDrops;
  private final DropSeries kernelDrops;
  private final AtomicReference<LiveState> state = new AtomicReference<>(LiveState.NEW);
  private final AtomicReference<LiveSnapshot> latest;
  private volatile String problem;
  private Thread worker;
  // Worker-confined below.
  private long sequence;
  private boolean analysisBroken;
  private long lastClock = Long.MIN_VALUE;
  private long wallAtLastClock;
  private long lastRetention;

  /**
   * @param dropPrefix {@code capture} or {@code dnstap}: names the drop series
   * @param kernelSeries whether to keep {@code <dropPrefix>.dropped.kernel} (libpcap's drops)
   */
  LiveRuntime(String name, LiveOptions options, LiveAnalysis analysis, Stage<T> stage, ToIntFunction<T> sizeOf, Supplier<SourceCounts> sourceCounts,
      String dropPrefix, boolean kernelSeries) {
    this.name = Objects.requireNonNull(name, "name");
    this.options = Objects.requireNonNull(options, "options");
    this.analysis = Objects.requireNonNull(analysis, "analysis");
    this.stage = stage;
    this.handOff = new HandOff<>(options.queueItems(), options.queueBytes(), sizeOf);
    this.sourceCounts = sourceCounts;
    this.queueDrops = new DropSeries(dropPrefix + ".dropped.queue");
    this.kernelDrops = kernelSeries ? new DropSeries(dropPrefix + ".dropped.kernel") : null;
    this.latest = new AtomicReference<>(LiveSnapshot.initial(name));
  }

  /**
   * Names the source anew before its start, once it knows more than it was asked for (the port a
   * dnstap receiver bound when asked for port 0): the snapshots and the worker carry the new name.
   */
  void rename(String newName) {
    if (state.get() != LiveState.NEW) {
      throw new IllegalStateException(name + " is renamed only before its start");
    }
    name = Objects.requireNonNull(newName, "newName");
    latest.set(LiveSnapshot.initial(newName));
  }

  HandOff<T> handOff() {
    return handOff;
  }

  boolean isPaused() {
    return state.get() == LiveState.PAUSED;
  }

  LiveState state() {
    return state.get();
  }

  LiveSnapshot snapshot() {
    return latest.get();
  }

  /** NEW → RUNNING: starts observing and the worker. */
  void begin() {
    if (!state.compareAndSet(LiveState.NEW, LiveState.RUNNING)) {
      throw new IllegalStateException(name + " was already started");
    }
    observation.open(wallNanos());
    worker = new Thread(this::work, "seismograph-live-" + name);
    worker.setDaemon(true);
    worker.start();
  }

  /** Refuses a second start after a failed open: the source is FAILED and stays so. */
  void failedToStart(String why) {
    if (state.compareAndSet(LiveState.NEW, LiveState.FAILED)) {
      problem = why;
      publishInitialFailure();
    }
  }

  void pause() {
    if (state.compareAndSet(LiveState.RUNNING, LiveState.PAUSED)) {
      observation.close(wallNanos());
    }
  }

  void resume() {
    if (state.compareAndSet(LiveState.PAUSED, LiveState.RUNNING)) {
      observation.open(wallNanos());
    }
  }

  /** A receiving thread broke for good (the interface vanished): FAILED, with the reason. */
  void fail(String why) {
    LiveState s = state.get();
    while (s.isActive() && !state.compareAndSet(s, LiveState.FAILED)) {
      s = state.get();
    }
    problem = why;
    observation.close(wallNanos());
  }

  /** Something went wrong but the source goes on (the recording stopped, say). */
  void reportProblem(String what) {
    problem = what;
  }

  /**
   * Ends the source once its receiving threads have stopped: STOPPED (unless FAILED), the rest of
   * the queue analysed, a last snapshot published. Waits for the worker.
   */
  void end() {
    LiveState s = state.get();
    while (s.isActive() && !state.compareAndSet(s, LiveState.STOPPED)) {
      s = state.get();
    }
    observation.close(wallNanos());
    handOff.close();
    Thread w = worker;
    if (w != null && w != Thread.currentThread()) {
      try {
        w.join(JOIN_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void work() {
    List<T> batch = new ArrayList<>(BATCH);
    long next = System.nanoTime() + options.publishIntervalNanos();
    try {
      while (true) {
        T item = handOff.poll(next - System.nanoTime());
        if (item != null) {
          handle(item);
          handOff.drainTo(batch, BATCH);
          for (T t : batch) {
            handle(t);
          }
          batch.clear();
        } else if (handOff.isClosed() && handOff.isEmpty()) {
          break;
        }
        if (System.nanoTime() - next >= 0) {
          followIdleClock();
          publish();
          next = System.nanoTime() + options.publishIntervalNanos();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!analysisBroken) {
      try {
        stage.finish();
        analysis.finish();
      } catch (RuntimeException e) {
        broken(e);
      }
    }
    publish();
  }

  private void handle(T item) {
    if (analysisBroken) {
      return;
    }
    try {
      stage.accept(item);
    } catch (RuntimeException e) {
      broken(e);
    }
  }

  private void broken(RuntimeException e) {
    analysisBroken = true;
    problem = "analysis stopped after an internal error (" + e + "); the recording goes on";
  }

  /** With an empty queue and no message for a while, moves the analysis' clock with the wall clock. */
  private void followIdleClock() {
    long c = stage.clockNanos();
    long now = System.nanoTime();
    if (c != lastClock) {
      lastClock = c;
      wallAtLastClock = now;
      return;
    }
    long idle = now - wallAtLastClock;
    if (c != Long.MIN_VALUE && !analysisBroken && handOff.isEmpty() && idle > IDLE_MARGIN_NANOS) {
      analysis.advanceTo(c + idle - IDLE_MARGIN_NANOS);
    }
  }

  private void publish() {
    long now = wallNanos();
    SourceCounts s = sourceCounts.get();
    queueDrops.update(handOff.dropped(), handOff.lastDropNanos() == Long.MIN_VALUE ? now : handOff.lastDropNanos());
    if (kernelDrops != null) {
      kernelDrops.update(s.kernelDropped() + s.interfaceDropped(), now);
    }
    List<ResolvableSeries> series = new ArrayList<>();
    for (long[] c : observation.take(now)) {
      cover(c[0], c[1]);
    }
    RecentTraffic transactions = latest.get().transactions();
    if (!analysisBroken) {
      try {
        series.addAll(analysis.publish());
        transactions = analysis.transactions();
      } catch (RuntimeException e) {
        broken(e);
      }
    }
    if (now - lastRetention >= TimeUnits.NANOS_PER_SECOND) {
      lastRetention = now;
      queueDrops.applyRetention(Retention.LIVE_DEFAULT);
      if (kernelDrops != null) {
        kernelDrops.applyRetention(Retention.LIVE_DEFAULT);
      }
    }
    if (kernelDrops != null) {
      kernelDrops.publish(series);
    }
    queueDrops.publish(series);
    LiveCounters counters = new LiveCounters(s.received(), s.receivedBytes(), s.pausedDiscarded(), s.recorded(), s.recordedBytes(), s.kernelDropped(),
        s.interfaceDropped(), handOff.dropped(), handOff.depth(), stage.analyzed(), stage.dnsMessages(), stage.queries(), stage.responses(),
        merged(s.skipped(), stage.skipped()), s.connections(), s.recordingsDeleted(), s.earlierRecordingsDeleted());
    LiveSnapshot snap = new LiveSnapshot(name, state.get(), ++sequence, now, counters, SeriesSet.of(name, series), transactions, s.recordings(),
        problem);
    latest.set(snap);
    if (options.listener() != null) {
      try {
        options.listener().accept(snap);
      } catch (RuntimeException e) {
        problem = "the snapshot listener failed (" + e + ")";
      }
    }
  }

  private static List<Skipped> merged(List<Skipped> a, List<Skipped> b) {
    if (a.isEmpty()) {
      return b;
    }
    List<Skipped> all = new ArrayList<>(a);
    all.addAll(b);
    all.sort(Comparator.comparingLong(Skipped::count).reversed());
    return all;
  }

  private void cover(long start, long end) {
    queueDrops.observed(start, end);
    if (kernelDrops != null) {
      kernelDrops.observed(start, end);
    }
    if (!analysisBroken) {
      analysis.observed(start, end);
    }
  }

  private void publishInitialFailure() {
    LiveSnapshot before = latest.get();
    latest.set(new LiveSnapshot(name, LiveState.FAILED, before.sequence() + 1, wallNanos(), before.counters(), before.series(), before.transactions(),
        List.of(), problem));
  }

  /** Wall-clock time as epoch ns (microsecond resolution on Linux). */
  static long wallNanos() {
    return TimeUnits.toNanos(Instant.now());
  }
}
