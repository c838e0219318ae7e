package org.dnsseismograph.imports;

import java.util.Arrays;
import org.dnsseismograph.series.Consolidation;
import org.dnsseismograph.series.LabelConvention;
import org.dnsseismograph.series.Unit;

/**
 * The readings of one series as a reader found them, before they become a sample series: times
 * (epoch ns, UTC), values (NaN for missing), the line each came from, and what the reader knows
 * about the series (declared step, label convention, kind and why). Not thread-safe: filled by one
 * reader, then handed to {@link SeriesAssembler}.
 */
final class RawSeries {
  final String name;
  long declaredStep;
  String stepBasis;
  LabelConvention label = LabelConvention.START;
  Consolidation consolidation = Consolidation.AVERAGE;
  Unit unit = Unit.NUMBER;
  SeriesKind kind = SeriesKind.GAUGE;
  String kindBasis = "the format holds plotted values";
  /** True when the format does not say whether values are counts: the data decides ({@link SeriesAssembler}). */
  boolean guessCounter;
  /** For counters: cumulative or counting since the previous reading. */
  CounterMode counterMode = CounterMode.CUMULATIVE;
  private long[] times = new long[16];
  private double[] values = new double[16];
  private long[] lines = new long[16];
  /** For reset-on-read counters: where each reading's interval starts (Long.MIN_VALUE: unknown). */
  private long[] starts;
  private int n;

  RawSeries(String name) {
    this.name = name;
  }

  void add(long timeNanos, double value, long line) {
    if (n == times.length) {
      int cap = n * 2;
      times = Arrays.copyOf(times, cap);
      values = Arrays.copyOf(values, cap);
      lines = Arrays.copyOf(lines, cap);
      if (starts != null) {
        starts = Arrays.copyOf(starts, cap);
      }
    }
    times[n] = timeNanos;
    values[n] = value;
    lines[n] = line;
    if (starts != null) {
      starts[n] = Long.MIN_VALUE;
    }
    n++;
  }

  /** Sets where the last reading's interval started (a reset-on-read counter's own elapsed time). */
  void setLastStart(long startNanos) {
    if (starts == null) {
      starts = new long[times.length];
      Arrays.fill(starts, Long.MIN_VALUE);
    }
    starts[n - 1] = startNanos;
  }

  int size() {
    return n;
  }

  long time(int i) {
    return times[i];
  }

  double value(int i) {
    return values[i];
  }

  long line(int i) {
    return lines[i];
  }

  /** The interval start the source gave for reading {@code i}, or Long.MIN_VALUE. */
  long start(int i) {
    return starts == null ? Long.MIN_VALUE : starts[i];
  }

  void setValue(int i, double v) {
    values[i] = v;
  }

  /** Keeps only readings {@code keep[i]}, in order. */
  void retain(boolean[] keep) {
    int j = 0;
    for (int i = 0; i < n; i++) {
      if (keep[i]) {
        times[j] = times[i];
        values[j] = values[i];
        lines[j] = lines[i];
        if (starts != null) {
          starts[j] = starts[i];
        }
        j++;
      }
    }
    n = j;
  }

  /** Reverses the readings (an export written newest first). */
  void reverse() {
    for (int i = 0, k = n - 1; i < k; i++, k--) {
      long t = times[i];
      times[i] = times[k];
      times[k] = t;
      double v = values[i];
      values[i] = values[k];
      values[k] = v;
      long l = lines[i];
      lines[i] = lines[k];
      lines[k] = l;
      if (starts != null) {
        long s = starts[i];
        starts[i] = starts[k];
        starts[k] = s;
      }
    }
  }
}
