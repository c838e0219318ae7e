package org.dnsseismograph.render;

/** A text measure of 7 px per character whatever the style, so layouts are exact to reason about. */
final class FixedMeasure implements TextMeasure {
  static final FixedMeasure SEVEN = new FixedMeasure();

  @Override
  public double textWidth(String text, TextStyle style) {
    return 7.0 * text.length();
  }
}
