package org.dnsseismograph.render;

/**
 * How a line is stroked: width in logical pixels, and a dash length (0 = solid; dashes and gaps
 * are equally long). Immutable.
 */
public record LineStyle(double width, double dash) {
  public static final LineStyle HAIRLINE = new LineStyle(1, 0);
  public static final LineStyle SERIES = new LineStyle(1.4, 0);
  public static final LineStyle DASHED = new LineStyle(1.2, 4);

  public LineStyle {
    if (!(width > 0) || dash < 0) {
      throw new IllegalArgumentException("line width must be positive and dash not negative: " + width + ", " + dash);
    }
  }

  public boolean isDashed() {
    return dash > 0;
  }
}
