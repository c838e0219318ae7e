package org.dnsseismograph.imports;

/**
 * What an imported series' readings measure, which decides how they are drawn. Immutable.
 *
 * <p>A {@link #COUNTER} is turned into a per-second rate between consecutive readings (resets
 * handled, never a negative spike); a {@link #GAUGE} and a {@link #RATE} are kept as they are.
 */
public enum SeriesKind {
  /** A count that only grows (since start, or since the previous read for reset-on-read dumps). */
  COUNTER,
  /** A level at the moment of reading (cache entries, memory, latency, a plotted value). */
  GAUGE,
  /** Already a per-second rate over its interval (Prometheus {@code rate()}, RRDtool COUNTER DS). */
  RATE;

  /** Parses {@code counter}, {@code gauge} or {@code rate}, any case. */
  public static SeriesKind parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown series kind '" + text + "' (want counter, gauge or rate)");
    }
  }
}
