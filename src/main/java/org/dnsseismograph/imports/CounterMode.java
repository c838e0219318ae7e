package org.dnsseismograph.imports;

/**
 * How a statistics dump's counters behave between reads. Immutable.
 *
 * @see <a href="https://nlnetlabs.nl/documentation/unbound/unbound-control/">unbound-control
 *     {@code stats} (resets) and {@code stats_noreset}</a>
 */
public enum CounterMode {
  /** Decide from the data (a counter that falls while the uptime grows was reset on read). */
  AUTO,
  /** Counters grow since the daemon started; a fall means a restart. */
  CUMULATIVE,
  /** Each reading counts only since the previous read ({@code unbound-control stats}). */
  RESET_ON_READ;

  /** Parses {@code auto}, {@code cumulative} or {@code reset}. */
  public static CounterMode parse(String text) {
    return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "auto" -> AUTO;
      case "cumulative" -> CUMULATIVE;
      case "reset", "reset-on-read", "reset_on_read" -> RESET_ON_READ;
      default -> throw new IllegalArgumentException("unknown counter mode '" + text + "' (want auto, cumulative or reset)");
    };
  }
}
