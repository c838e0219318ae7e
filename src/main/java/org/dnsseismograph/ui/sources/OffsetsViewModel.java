package org.dnsseismograph.ui.sources;

import org.dnsseismograph.analysis.AlignmentMetrics;
import org.dnsseismograph.analysis.ClockOffsetEstimate;
import org.dnsseismograph.analysis.ClockOffsetEstimator;
import org.dnsseismograph.analysis.ClockOffsetSetting;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.ui.common.TaskRunner;

/**
 * Estimating the clock offset of sources against the reference source, off the FX thread, and the
 * analyst's decision on each estimate: the estimate is put on offer ({@link
 * ClockOffsetSetting#propose}) with its uncertainty, quality and explanation; accepting applies its
 * correction, rejecting keeps the offset as it was. The reference is compared as shown (with its own
 * correction), the other source as read, so an accepted correction puts it on the reference's axis.
 * Each source is aligned on its query rate (or its most changing series: {@link AlignmentMetrics}).
 *
 * <p>FX thread only.
 */
public final class OffsetsViewModel {
  private final SourcesViewModel sources;
  private final TaskRunner tasks;
  private final ClockOffsetEstimator estimator;

  public OffsetsViewModel(SourcesViewModel sources, TaskRunner tasks, ClockOffsetEstimator estimator) {
    this.sources = sources;
    this.tasks = tasks;
    this.estimator = estimator;
  }

  /** True when {@code s} can be estimated: loaded, with data, and not the reference itself. */
  public boolean canEstimate(Source s) {
    Source ref = sources.referenceProperty().get();
    return ref != null && ref != s && s.state() == SourceState.READY && ref.state() == SourceState.READY && !s.estimatingProperty().get();
  }

  /** Estimates every source but the reference. */
  public void estimateAll() {
    for (Source s : sources.sources()) {
      if (canEstimate(s)) {
        estimate(s);
      }
    }
  }

  /** Estimates {@code s} against the reference on the task runner; the result is offered on {@code s}. */
  public void estimate(Source s) {
    if (!canEstimate(s)) {
      return;
    }
    Source ref = sources.referenceProperty().get();
    SeriesSet reference = ref.shiftedSeries();
    SeriesSet other = s.seriesProperty().get();
    s.setEstimating(true);
    s.setEstimateNote("estimating against " + ref.name() + "…");
    tasks.submit("Estimating the offset of " + s.name(), p -> compare(reference, other), new TaskRunner.Outcome<>() {
      @Override
      public void succeeded(Comparison c) {
        s.setEstimating(false);
        ClockOffsetEstimate e = c.estimate();
        String compared = c.otherSeries() + " against " + ref.name() + "'s " + c.referenceSeries();
        if (e.found()) {
          s.setSetting(s.setting().propose(e));
          s.setEstimateNote(OffsetText.format(e.offsetNanos()) + " ± " + OffsetText.format(e.uncertaintyNanos()).replace("+", "")
              + " (" + e.quality().name().toLowerCase(java.util.Locale.ROOT) + String.format(java.util.Locale.ROOT, ", r = %.2f", e.correlation())
              + "): " + compared + ". " + e.explanation());
        } else {
          s.setEstimateNote("no offset found (" + compared + "): " + e.explanation());
        }
        sources.settingChanged();
      }

      @Override
      public void failed(Throwable error) {
        s.setEstimating(false);
        s.setEstimateNote("no offset found: " + error.getMessage());
      }

      @Override
      public void cancelled() {
        s.setEstimating(false);
        s.setEstimateNote("");
      }
    });
  }

  /** The estimate and the series it compared. */
  record Comparison(ClockOffsetEstimate estimate, MetricId referenceSeries, MetricId otherSeries) {}

  private Comparison compare(SeriesSet reference, SeriesSet other) {
    MetricId r = AlignmentMetrics.pick(reference, null);
    MetricId o = AlignmentMetrics.pick(other, null);
    return new Comparison(estimator.estimate(reference.get(r), other.get(o)), r, o);
  }

  /** Applies the estimate on offer for {@code s}. */
  public void accept(Source s) {
    if (s.setting().decision() == ClockOffsetSetting.Decision.PROPOSED) {
      s.setSetting(s.setting().accept());
      sources.settingChanged();
    }
  }

  /** Declines the estimate on offer; the offset stays. */
  public void reject(Source s) {
    if (s.setting().decision() == ClockOffsetSetting.Decision.PROPOSED) {
      s.setSetting(s.setting().reject());
      sources.settingChanged();
    }
  }
}
