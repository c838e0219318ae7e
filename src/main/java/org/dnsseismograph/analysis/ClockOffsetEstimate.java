package org.dnsseismograph.analysis;

import java.util.Locale;
import org.dnsseismograph.series.TimeUnits;

/**
 * An estimated clock offset between a source and a reference, with its uncertainty and how far to
 * trust it: a value the user accepts or rejects. Immutable.
 *
 * <p>Sign: {@code offsetNanos} is the source's clock minus the reference's: a source whose clock ran
 * 37 s ahead stamped every event 37 s late, and its offset is +37 s. To put it on the reference's
 * axis, shift it by {@link #correctionNanos()} ({@code SeriesSet.shifted(correction)}).
 *
 * @param offsetNanos the source's clock minus the reference's, in ns; 0 when none was found
 * @param uncertaintyNanos ± this much, in ns: never less than one interval of the coarser series
 * @param correlation the correlation of the two series at the offset, -1..1 (NaN when none found)
 * @param margin how much better the offset correlates than the best offset elsewhere (0..2)
 * @param quality how far to trust it
 * @param eventNanos the reference's strongest change, around which the series were compared (epoch ns)
 * @param resolutionNanos the interval of the coarser of the two series
 * @param explanation one sentence: what was compared, or why no offset was found
 */
public record ClockOffsetEstimate(long offsetNanos, long uncertaintyNanos, double correlation, double margin, Quality quality,
    long eventNanos, long resolutionNanos, String explanation) {

  /** How far an estimate can be trusted. */
  public enum Quality {
    /** One clear peak: correlation at least 0.8, at least 0.2 above any other offset. */
    HIGH,
    /** Correlation at least 0.6 and 0.1 above any other offset. */
    MEDIUM,
    /** A peak exists but is weak or not unique: check by eye before accepting. */
    LOW,
    /** No offset found (no shared change, no overlap). */
    NONE
  }

  /** No offset could be estimated, for the reason given. */
  public static ClockOffsetEstimate none(long resolutionNanos, String why) {
    return new ClockOffsetEstimate(0, 0, Double.NaN, 0, Quality.NONE, 0, resolutionNanos, why);
  }

  /** True when an offset was found ({@link #quality()} is not NONE). */
  public boolean found() {
    return quality != Quality.NONE;
  }

  /** The shift that puts the source on the reference's axis: {@code -offsetNanos}. */
  public long correctionNanos() {
    return -offsetNanos;
  }

  /** True when {@code trueOffsetNanos} lies within the estimate's uncertainty. */
  public boolean covers(long trueOffsetNanos) {
    return found() && Math.abs(trueOffsetNanos - offsetNanos) <= uncertaintyNanos;
  }

  /** One line for people: {@code +37.0 s ± 1.0 s (HIGH, r = 0.93)}. */
  public String describe() {
    if (!found()) {
      return "no offset found: " + explanation;
    }
    return String.format(Locale.ROOT, "%+.3f s ± %.3f s (%s, r = %.2f, margin %.2f)", offsetNanos / 1e9, uncertaintyNanos / 1e9,
        quality, correlation, margin);
  }

  @Override
  public String toString() {
    return describe() + " around " + (found() ? TimeUnits.format(eventNanos) : "-");
  }
}
