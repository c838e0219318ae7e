package org.dnsseismograph.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link Painter} over any Java2D {@link Graphics2D}: a {@code BufferedImage} for PNG, or
 * JFreeSVG's {@code SVGGraphics2D} (see {@link SvgPainter}). Text uses the logical SansSerif face
 * (DejaVu Sans on Debian) at the {@link TextStyle} sizes. Everything is antialiased: the timeline
 * is mostly pixel-aligned rectangles, which stay crisp, and Java2D fills translucent colours
 * through its fast mask loops only when antialiasing is on (off, it builds a raster per tile).
 * Works headless: no display, no JavaFX.
 *
 * <p>Not thread-safe, like the graphics it draws on.
 */
public class Java2dPainter implements Painter {
  private final Graphics2D g;
  private final Map<TextStyle, Font> fonts = new EnumMap<>(TextStyle.class);
  private final Deque<Optional<Shape>> clips = new ArrayDeque<>();
  private final Path2D.Double path = new Path2D.Double();
  private Rgba lastColour;

  public Java2dPainter(Graphics2D g) {
    this.g = g;
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_NORMALIZE);
    for (TextStyle s : TextStyle.values()) {
      fonts.put(s, new Font(Font.SANS_SERIF, s.bold() ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) s.size()));
    }
  }

  /** The graphics drawn on. */
  protected Graphics2D graphics() {
    return g;
  }

  @Override
  public void fillRect(double x, double y, double w, double h, Rgba colour) {
    colour(colour);
    if (x == Math.rint(x) && y == Math.rint(y) && w == Math.rint(w) && h == Math.rint(h) && Math.abs(x) < 1e6 && Math.abs(y) < 1e6) {
      // Whole pixels: the integer call is Java2D's parallelogram fast path, with no shape object.
      g.fillRect((int) x, (int) y, (int) w, (int) h);
    } else {
      g.fill(new Rectangle2D.Double(x, y, w, h));
    }
  }

  @Override
  public void strokeRect(double x, double y, double w, double h, Rgba colour, LineStyle style) {
    colour(colour);
    g.setStroke(stroke(style));
    g.draw(new Rectangle2D.Double(x, y, w, h));
  }

  @Override
  public void line(double x1, double y1, double x2, double y2, Rgba colour, LineStyle style) {
    colour(colour);
    g.setStroke(stroke(style));
    g.draw(new Line2D.Double(x1, y1, x2, y2));
  }

  @Override
  public void polyline(double[] xs, double[] ys, int n, Rgba colour, LineStyle style) {
    if (n < 2) {
      return;
    }
    colour(colour);
    g.setStroke(stroke(style));
    g.draw(path(xs, ys, n, false));
  }

  @Override
  public void fillPolygon(double[] xs, double[] ys, int n, Rgba colour) {
    if (n < 3) {
      return;
    }
    colour(colour);
    g.fill(path(xs, ys, n, true));
  }

  @Override
  public void text(String text, double x, double y, TextStyle style, Rgba colour, Align align) {
    Font f = fonts.get(style);
    g.setFont(f);
    colour(colour);
    FontRenderContext frc = g.getFontRenderContext();
    double w = f.getStringBounds(text, frc).getWidth();
    LineMetrics lm = f.getLineMetrics(text, frc);
    double left = switch (align) {
      case LEFT -> x;
      case CENTER -> x - w / 2;
      case RIGHT -> x - w;
    };
    g.drawString(text, (float) left, (float) (y + (lm.getAscent() - lm.getDescent()) / 2));
  }

  @Override
  public double textWidth(String text, TextStyle style) {
    return fonts.get(style).getStringBounds(text, g.getFontRenderContext()).getWidth();
  }

  @Override
  public void clip(double x, double y, double w, double h) {
    g.clip(new Rectangle2D.Double(x, y, w, h));
  }

  @Override
  public void save() {
    clips.push(Optional.ofNullable(g.getClip()));
  }

  @Override
  public void restore() {
    g.setClip(clips.pop().orElse(null));
  }

  private Path2D path(double[] xs, double[] ys, int n, boolean close) {
    path.reset();
    path.moveTo(xs[0], ys[0]);
    for (int i = 1; i < n; i++) {
      path.lineTo(xs[i], ys[i]);
    }
    if (close) {
      path.closePath();
    }
    return path;
  }

  private static BasicStroke stroke(LineStyle s) {
    if (s.isDashed()) {
      return new BasicStroke((float) s.width(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, new float[] {(float) s.dash(),
          (float) s.dash()}, 0);
    }
    return new BasicStroke((float) s.width(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND);
  }

  /** Sets the colour only when it changes: bars come in long runs of one colour. */
  private void colour(Rgba c) {
    if (!c.equals(lastColour)) {
      g.setColor(awt(c));
      lastColour = c;
    }
  }

  private static Color awt(Rgba c) {
    return new Color(c.red(), c.green(), c.blue(), c.alpha());
  }
}
