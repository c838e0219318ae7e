package org.dnsseismograph.render;

/**
 * Measures text as a backend will draw it, so layouts (tick spacing, label stacking, elision) fit
 * what appears. Implementations are painters; thread confinement is theirs.
 */
@FunctionalInterface
public interface TextMeasure {

  /** The advance width of {@code text} in {@code style}, in logical pixels. */
  double textWidth(String text, TextStyle style);
}
