package org.dnsseismograph.series;

/**
 * Which end of its interval a sample's timestamp names. RRDtool and Prometheus rates label the end
 * (the value describes the interval that just ended), many CSV exports and Graphite label the
 * start. Getting it wrong moves a whole series by one step. Immutable.
 */
public enum LabelConvention {
  /** The timestamp is the start of the interval: {@code [t, t + step)}. */
  START,
  /** The timestamp is the end of the interval: {@code [t - step, t)}. */
  END;

  /** Start of the interval labelled {@code labelNanos} for a series of step {@code stepNanos}. */
  public long intervalStart(long labelNanos, long stepNanos) {
    return this == START ? labelNanos : labelNanos - stepNanos;
  }

  /** The label this convention gives the interval {@code [startNanos, endNanos)}. */
  public long label(long startNanos, long endNanos) {
    return this == START ? startNanos : endNanos;
  }
}
