package org.dnsseismograph.imports;

import org.dnsseismograph.series.SampleSeriesWriter;

/**
 * Turns a counter's readings into per-second rates over the intervals between them, never into a
 * negative spike: a cumulative counter that falls was reset (a restart) and has counted its new
 * value since, which gives a lower bound of the rate (as Prometheus' {@code rate()} does); a
 * reset-on-read counter's reading is already the count of its interval. A missing reading, or
 * readings further apart than {@link #MAX_INTERVAL_STEPS} steps, leave a gap: the source stopped
 * reporting. Stateless.
 *
 * @see <a href="https://prometheus.io/docs/prometheus/latest/querying/functions/#rate">Prometheus
 *     rate(): counter resets</a>
 */
final class CounterRates {
  /** Readings further apart than this many steps are a gap, not one long average. */
  static final double MAX_INTERVAL_STEPS = 2.5;

  /** What the conversion did. */
  record Outcome(long resets, long firstWithoutInterval) {}

  private CounterRates() {}

  /** Writes the rates of {@code raw}'s readings (ordered, one per time) into {@code w}. */
  static Outcome write(RawSeries raw, long step, SampleSeriesWriter w) {
    return raw.counterMode == CounterMode.RESET_ON_READ ? perRead(raw, step, w) : cumulative(raw, step, w);
  }

  private static Outcome cumulative(RawSeries raw, long step, SampleSeriesWriter w) {
    long resets = 0;
    int prev = -1;
    for (int i = 0; i < raw.size(); i++) {
      double v = raw.value(i);
      if (Double.isNaN(v)) {
        prev = -1;
        continue;
      }
      if (prev >= 0) {
        long from = raw.time(prev);
        long to = raw.time(i);
        double delta = v - raw.value(prev);
        if (delta < 0) {
          resets++;
          delta = v;
        }
        writeInterval(w, from, to, delta, step);
      }
      prev = i;
    }
    return new Outcome(resets, 0);
  }

  private static Outcome perRead(RawSeries raw, long step, SampleSeriesWriter w) {
    long unknown = 0;
    long lastTime = Long.MIN_VALUE;
    for (int i = 0; i < raw.size(); i++) {
      double v = raw.value(i);
      long to = raw.time(i);
      long from = raw.start(i) != Long.MIN_VALUE ? raw.start(i) : lastTime;
      if (Double.isNaN(v)) {
        // A failed read did not reset the counters: the next reading counts since the last good one.
        continue;
      }
      if (from == Long.MIN_VALUE) {
        unknown++;
      } else {
        writeInterval(w, from, to, v, step);
      }
      lastTime = to;
    }
    return new Outcome(0, unknown);
  }

  private static void writeInterval(SampleSeriesWriter w, long from, long to, double count, long step) {
    if (to <= from) {
      return;
    }
    double rate = count / ((to - from) / 1e9);
    if (to - from > MAX_INTERVAL_STEPS * step) {
      // The average over a long silence would hide that the source stopped reporting.
      w.addInterval(from, to, Double.NaN);
    } else {
      w.addInterval(from, to, rate);
    }
  }
}
