package org.dnsseismograph.render;

/**
 * The few text sizes a timeline uses, in logical pixels of a sans-serif face. Backends pick the
 * font; layouts measure through {@link TextMeasure}.
 */
public enum TextStyle {
  /** The title of an exported image. */
  TITLE(16, true),
  /** Lane titles. */
  HEADING(12, true),
  /** Axis labels, legends, annotation labels. */
  LABEL(11, false),
  /** Y-axis values, heat-strip row names, footers. */
  SMALL(10, false);

  private final double size;
  private final boolean bold;

  TextStyle(double size, boolean bold) {
    this.size = size;
    this.bold = bold;
  }

  public double size() {
    return size;
  }

  public boolean bold() {
    return bold;
  }

  /** Height of one line of this style, for stacking rows. */
  public double lineHeight() {
    return Math.ceil(size * 1.45);
  }
}
