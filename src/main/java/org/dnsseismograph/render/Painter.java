package org.dnsseismograph.render;

/**
 * The drawing primitives a timeline needs, in logical pixels with y growing downwards: what the
 * JavaFX canvas, Java2D images and SVG documents each implement once, so that {@link
 * TimelinePainter} draws the same picture on all of them.
 *
 * <p>Coordinates are doubles; a rectangle from x to x+w covers the pixels whose centres fall in it.
 * Arrays passed in are read during the call only (callers reuse them). Implementations are not
 * thread-safe: one painter per surface, used from the thread that owns it.
 */
public interface Painter extends TextMeasure {

  void fillRect(double x, double y, double w, double h, Rgba colour);

  void strokeRect(double x, double y, double w, double h, Rgba colour, LineStyle style);

  void line(double x1, double y1, double x2, double y2, Rgba colour, LineStyle style);

  /** A line through the first {@code n} points. */
  void polyline(double[] xs, double[] ys, int n, Rgba colour, LineStyle style);

  /** Fills the polygon through the first {@code n} points. */
  void fillPolygon(double[] xs, double[] ys, int n, Rgba colour);

  /** Draws {@code text} with its vertical middle at {@code y} and {@code x} at the given end or centre. */
  void text(String text, double x, double y, TextStyle style, Rgba colour, Align align);

  /** Restricts drawing to the rectangle (intersected with any clip already set) until {@link #restore()}. */
  void clip(double x, double y, double w, double h);

  /** Saves the clip, to be put back by the matching {@link #restore()}. */
  void save();

  void restore();

  /** Starts a named group (an SVG {@code <g id>}); a no-op on raster backends. */
  default void beginGroup(String id) {}

  /** Ends the group begun last. */
  default void endGroup() {}
}
