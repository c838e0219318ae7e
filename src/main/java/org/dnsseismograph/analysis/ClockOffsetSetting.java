package org.dnsseismograph.analysis;

import java.time.ZoneId;
import java.util.Objects;
import org.dnsseismograph.series.SeriesSet;

/**
 * One source's clock as the user settles it: the offset applied to it (typed, dragged, or an
 * accepted estimate), the time zone its local times were read in, and the estimate on offer, if
 * any, with the user's decision on it. What the timeline's lane, legend and the workspace hold per
 * source. Immutable: every change returns a new setting.
 *
 * <p>Life of an estimate: {@link #propose} puts it on offer (PROPOSED) without changing the offset;
 * {@link #accept} applies its correction (ACCEPTED); {@link #reject} keeps the offset (REJECTED); a
 * manual offset ({@link #withManualOffset}) withdraws any proposal (NONE).
 *
 * @param sourceName the source this setting belongs to
 * @param correctionNanos the shift applied to the source's times, in ns ({@link SeriesSet#shifted})
 * @param zone the time zone of the source's local times; null when its times carry offsets or UTC
 * @param origin where the correction came from
 * @param estimate the estimate on offer or last decided; null when none
 * @param decision what the user did with the estimate
 */
public record ClockOffsetSetting(String sourceName, long correctionNanos, ZoneId zone, Origin origin,
    ClockOffsetEstimate estimate, Decision decision) {

  /** Where the applied correction came from. */
  public enum Origin {
    /** No correction: the source's clock is taken as right. */
    NONE,
    /** Typed or dragged by the user. */
    MANUAL,
    /** An accepted automatic estimate. */
    ESTIMATED
  }

  /** What the user did with an estimate. */
  public enum Decision {
    /** No estimate on offer. */
    NONE,
    /** Offered, not yet decided. */
    PROPOSED,
    /** Accepted: its correction is applied. */
    ACCEPTED,
    /** Rejected: the correction stays as it was. */
    REJECTED
  }

  public ClockOffsetSetting {
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(decision, "decision");
    if ((estimate == null) != (decision == Decision.NONE)) {
      throw new IllegalArgumentException("an estimate needs a decision and a decision an estimate");
    }
  }

  /** A source taken as it is: no correction, no estimate. */
  public static ClockOffsetSetting of(String sourceName, ZoneId zone) {
    return new ClockOffsetSetting(sourceName, 0, zone, Origin.NONE, null, Decision.NONE);
  }

  /** Offers {@code e} for a decision; the applied correction does not change. */
  public ClockOffsetSetting propose(ClockOffsetEstimate e) {
    if (!e.found()) {
      throw new IllegalArgumentException("nothing to propose: " + e.explanation());
    }
    return new ClockOffsetSetting(sourceName, correctionNanos, zone, origin, e, Decision.PROPOSED);
  }

  /** Applies the estimate on offer. */
  public ClockOffsetSetting accept() {
    requireProposal();
    return new ClockOffsetSetting(sourceName, estimate.correctionNanos(), zone, Origin.ESTIMATED, estimate, Decision.ACCEPTED);
  }

  /** Declines the estimate on offer; the correction stays. */
  public ClockOffsetSetting reject() {
    requireProposal();
    return new ClockOffsetSetting(sourceName, correctionNanos, zone, origin, estimate, Decision.REJECTED);
  }

  /** Sets the correction by hand (a field, a lane drag); any estimate is withdrawn. */
  public ClockOffsetSetting withManualOffset(long nanos) {
    return new ClockOffsetSetting(sourceName, nanos, zone, nanos == 0 ? Origin.NONE : Origin.MANUAL, null, Decision.NONE);
  }

  /** The time zone for the source's local times (the source must then be imported again). */
  public ClockOffsetSetting withZone(ZoneId z) {
    return new ClockOffsetSetting(sourceName, correctionNanos, z, origin, estimate, decision);
  }

  /** {@code set} seen through this correction. */
  public SeriesSet apply(SeriesSet set) {
    return set.shifted(correctionNanos);
  }

  private void requireProposal() {
    if (decision != Decision.PROPOSED) {
      throw new IllegalStateException("no estimate on offer for " + sourceName + " (" + decision + ")");
    }
  }
}
