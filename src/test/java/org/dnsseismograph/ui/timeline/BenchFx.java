package org.dnsseismograph.ui.timeline;

import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;

/** What the timeline's benchmarks share: a call on the FX thread, a daemon thread, and a percentile of nanosecond samples in ms. */
final class BenchFx {
  private BenchFx() {}

  /** Runs {@code c} on the FX thread and waits for its result (or its exception). */
  static <T> T onFx(Callable<T> c) throws Exception {
    CompletableFuture<T> f = new CompletableFuture<>();
    Platform.runLater(() -> {
      try {
        f.complete(c.call());
      } catch (Exception e) {
        f.completeExceptionally(e);
      }
    });
    return f.get();
  }

  /** A daemon thread for {@code r}, so that a benchmark's helper never keeps the JVM alive. */
  static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "bench-helper");
    t.setDaemon(true);
    return t;
  }

  /** The {@code p}th percentile (nearest rank) of {@code nanos}, in milliseconds. */
  static double pct(long[] nanos, int p) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    return s[Math.min(s.length - 1, s.length * p / 100)] / 1e6;
  }
}
