package org.dnsseismograph.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dnsseismograph.series.LabelConvention;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.ResolvableSeries;
import org.dnsseismograph.series.SampleSeries;
import org.dnsseismograph.series.SampleSeriesWriter;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.series.Unit;

/**
 * Makes sample series out of a reader's raw series: applies the user's kinds, puts readings in time
 * order (an export written newest first is reversed; a reading that goes back in time is skipped and
 * counted), folds readings that share a timestamp, decides the step, turns counters into rates and
 * writes everything else as it is. Not thread-safe: one per import.
 */
final class SeriesAssembler {
  /** The step of a series with a single reading and nothing else to go by. */
  static final long FALLBACK_STEP = TimeUnits.NANOS_PER_SECOND;
  /** A column needs this many readings before its shape can say it is a counter. */
  static final int MIN_COUNTER_READINGS = 10;

  private final ImportOptions options;
  private final ImportLog log;
  private final MetricNames names = new MetricNames();
  private final List<ResolvableSeries> series = new ArrayList<>();
  private final List<SeriesReport> reports = new ArrayList<>();

  SeriesAssembler(ImportOptions options, ImportLog log) {
    this.options = options;
    this.log = log;
  }

  List<ResolvableSeries> series() {
    return series;
  }

  List<SeriesReport> reports() {
    return reports;
  }

  /** Assembles every raw series, in order; series with no readings at all are left out. */
  void addAll(List<RawSeries> raws) {
    long common = commonStep(raws);
    for (RawSeries raw : raws) {
      if (raw.size() > 0) {
        add(raw, common);
      }
    }
  }

  private void add(RawSeries raw, long commonStep) {
    long readings = raw.size();
    long missing = countMissing(raw);
    order(raw);
    decideKind(raw);
    long merged = mergeSameTime(raw);
    if (merged > 0) {
      log.warn(raw.name + ": " + merged + " readings shared a timestamp with another and were folded into one sample"
          + (raw.kind == SeriesKind.COUNTER ? " (the last kept)" : " (averaged)") + ": the file's time resolution is coarser than its readings");
    }
    long step = step(raw, commonStep);
    MetricId id = names.idFor(raw.name);
    Unit unit = raw.kind == SeriesKind.GAUGE ? raw.unit : Unit.PER_SECOND;
    LabelConvention label = raw.kind == SeriesKind.COUNTER ? LabelConvention.END
        : options.label() != null ? options.label() : raw.label;
    SampleSeriesWriter w = new SampleSeriesWriter(id, unit, step, label, raw.consolidation);
    long resets = write(raw, step, w);
    SampleSeries s = w.publish();
    series.add(s);
    reports.add(new SeriesReport(id, raw.name, raw.kind, raw.kindBasis, unit, readings, missing, countSamples(s), resets,
        s.isEmpty() ? null : s.extent(), step, raw.stepBasis, label, raw.consolidation));
  }

  /** The user's kind first; else a series the format leaves open is a counter when its values look like one. */
  private void decideKind(RawSeries raw) {
    SeriesKind userKind = options.kindFor(raw.name);
    if (userKind != null) {
      raw.kind = userKind;
      raw.kindBasis = "given by the user";
    } else if (raw.guessCounter && looksLikeCounter(raw)) {
      raw.kind = SeriesKind.COUNTER;
      raw.kindBasis = "whole numbers that grow and never fall (except to a restart): a counter, turned into a per-second rate";
    }
  }

  /** Writes the readings (counters as rates); returns the counter resets handled. */
  private long write(RawSeries raw, long step, SampleSeriesWriter w) {
    if (raw.kind != SeriesKind.COUNTER) {
      for (int i = 0; i < raw.size(); i++) {
        w.add(raw.time(i), raw.value(i));
      }
      return 0;
    }
    CounterRates.Outcome o = CounterRates.write(raw, step, w);
    if (o.resets() > 0) {
      log.warn(raw.name + ": " + o.resets() + " counter reset(s) (the counter fell): the rate after each counts from zero");
    }
    if (o.firstWithoutInterval() > 0) {
      log.warn(raw.name + ": the first reading counts since an unknown moment (no previous read, no elapsed time): no rate for it");
    }
    return o.resets();
  }

  /**
   * Whole, non-negative numbers, at least {@link #MIN_COUNTER_READINGS} of them, rising at least four
   * times and in at least a tenth of the steps, and never falling except to less than half (a
   * restart, at most twice).
   */
  static boolean looksLikeCounter(RawSeries raw) {
    int finite = 0;
    int rises = 0;
    int restarts = 0;
    double prev = Double.NaN;
    for (int i = 0; i < raw.size(); i++) {
      double v = raw.value(i);
      if (!Double.isFinite(v)) {
        continue;
      }
      if (v < 0 || v != Math.rint(v)) {
        return false;
      }
      if (!Double.isNaN(prev)) {
        if (v > prev) {
          rises++;
        } else if (v < prev) {
          if (v >= prev / 2 || ++restarts > 2) {
            return false;
          }
        }
      }
      prev = v;
      finite++;
    }
    // A counter's every rise is a new value: a 0/1 flag that falls and comes back is no counter.
    return finite >= MIN_COUNTER_READINGS && rises >= 4 && rises * 10 >= finite - 1;
  }

  private static long countMissing(RawSeries raw) {
    long m = 0;
    for (int i = 0; i < raw.size(); i++) {
      if (!Double.isFinite(raw.value(i))) {
        m++;
      }
    }
    return m;
  }

  private static long countSamples(SampleSeries s) {
    long k = 0;
    for (int i = 0; i < s.size(); i++) {
      if (!Double.isNaN(s.value(i))) {
        k++;
      }
    }
    return k;
  }

  /** Time order: reverse a newest-first export; skip (and count) readings that go back in time. */
  private void order(RawSeries raw) {
    boolean descending = raw.size() > 1;
    boolean anyDown = false;
    for (int i = 1; i < raw.size() && descending; i++) {
      descending = raw.time(i) <= raw.time(i - 1);
      anyDown |= raw.time(i) < raw.time(i - 1);
    }
    if (descending && anyDown) {
      raw.reverse();
      log.warn(raw.name + ": written newest first; read in time order");
      return;
    }
    boolean[] keep = new boolean[raw.size()];
    long last = Long.MIN_VALUE;
    for (int i = 0; i < raw.size(); i++) {
      keep[i] = raw.time(i) >= last;
      if (keep[i]) {
        last = raw.time(i);
      } else {
        log.skip(raw.line(i), "time goes back: earlier than a reading before it in the same series");
      }
    }
    raw.retain(keep);
  }

  /** Folds runs of readings with the same time: gauges averaged (finite values), counters keep the last. */
  private static long mergeSameTime(RawSeries raw) {
    boolean[] keep = new boolean[raw.size()];
    long merged = 0;
    int i = 0;
    while (i < raw.size()) {
      int j = i;
      double sum = 0;
      int finite = 0;
      while (j < raw.size() && raw.time(j) == raw.time(i)) {
        if (Double.isFinite(raw.value(j))) {
          sum += raw.value(j);
          finite++;
        }
        j++;
      }
      int kept = raw.kind == SeriesKind.COUNTER ? j - 1 : i;
      keep[kept] = true;
      if (raw.kind != SeriesKind.COUNTER && j - i > 1) {
        raw.setValue(kept, finite == 0 ? Double.NaN : sum / finite);
      }
      merged += j - i - 1;
      i = j;
    }
    if (merged > 0) {
      raw.retain(keep);
    }
    return merged;
  }

  private long step(RawSeries raw, long commonStep) {
    if (options.stepNanos() != null) {
      raw.stepBasis = "given by the user";
      return options.stepNanos();
    }
    if (raw.declaredStep > 0) {
      return raw.declaredStep;
    }
    long median = medianSpacing(raw);
    if (median > 0) {
      raw.stepBasis = "median spacing of its times";
      return median;
    }
    if (commonStep > 0) {
      raw.stepBasis = "one reading: the step of the file's other series";
      return commonStep;
    }
    raw.stepBasis = "one reading: no step known, shown as " + TimeUnits.formatDuration(FALLBACK_STEP);
    log.warn(raw.name + ": a single reading and no step known: shown as " + TimeUnits.formatDuration(FALLBACK_STEP) + " wide");
    return FALLBACK_STEP;
  }

  /** The (lower) median of the positive spacings, rounded to the millisecond above a second. */
  static long medianSpacing(RawSeries raw) {
    long[] d = new long[Math.max(0, raw.size() - 1)];
    int k = 0;
    for (int i = 1; i < raw.size(); i++) {
      long gap = raw.time(i) - raw.time(i - 1);
      if (gap > 0) {
        d[k++] = gap;
      }
    }
    if (k == 0) {
      return 0;
    }
    Arrays.sort(d, 0, k);
    long m = d[(k - 1) / 2];
    return m >= TimeUnits.NANOS_PER_SECOND ? Math.round(m / 1e6) * TimeUnits.NANOS_PER_MILLI : m;
  }

  private static long commonStep(List<RawSeries> raws) {
    for (RawSeries r : raws) {
      if (r.declaredStep > 0) {
        return r.declaredStep;
      }
      long m = medianSpacing(r);
      if (m > 0) {
        return m;
      }
    }
    return 0;
  }
}
