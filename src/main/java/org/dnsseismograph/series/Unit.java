package org.dnsseismograph.series;

/** What a series' values measure. */
public enum Unit {
  /** Events per bucket (queries, responses); drawn as a rate per second. */
  COUNT("count"),
  /** Milliseconds (latency). */
  MILLISECONDS("ms"),
  /** A fraction between 0 and 1. */
  RATIO("ratio"),
  /** Per second, as imported rates are. */
  PER_SECOND("/s"),
  /** Bytes. */
  BYTES("B"),
  /** A plain number (a gauge whose unit the source did not say). */
  NUMBER("");

  private final String symbol;

  Unit(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }
}
