package org.dnsseismograph.ui.timeline;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.dnsseismograph.render.Align;
import org.dnsseismograph.render.LineStyle;
import org.dnsseismograph.render.Painter;
import org.dnsseismograph.render.Rgba;
import org.dnsseismograph.render.TextStyle;

/**
 * The JavaFX canvas backend of {@link Painter}: the timeline on screen is drawn by the same {@code
 * render.TimelinePainter} as the exports, through this. Text is measured with a detached {@link
 * Text} node and the widths cached, since labels repeat from frame to frame.
 *
 * <p>FX thread only, like the canvas.
 */
public final class FxCanvasPainter implements Painter {
  private static final int CACHE_LIMIT = 20_000;
  private final GraphicsContext gc;
  private final Map<TextStyle, Font> fonts = new EnumMap<>(TextStyle.class);
  private final Map<TextStyle, Map<String, Double>> widths = new EnumMap<>(TextStyle.class);
  private final Text probe = new Text();
  private Rgba lastFill;
  private Rgba lastStroke;

  public FxCanvasPainter(GraphicsContext gc) {
    this.gc = gc;
    for (TextStyle s : TextStyle.values()) {
      fonts.put(s, Font.font("SansSerif", s.bold() ? FontWeight.BOLD : FontWeight.NORMAL, s.size()));
      widths.put(s, new HashMap<>());
    }
    gc.setTextBaseline(VPos.CENTER);
  }

  @Override
  public void fillRect(double x, double y, double w, double h, Rgba colour) {
    fill(colour);
    gc.fillRect(x, y, w, h);
  }

  @Override
  public void strokeRect(double x, double y, double w, double h, Rgba colour, LineStyle style) {
    stroke(colour, style);
    gc.strokeRect(x, y, w, h);
  }

  @Override
  public void line(double x1, double y1, double x2, double y2, Rgba colour, LineStyle style) {
    stroke(colour, style);
    gc.strokeLine(x1, y1, x2, y2);
  }

  @Override
  public void polyline(double[] xs, double[] ys, int n, Rgba colour, LineStyle style) {
    if (n >= 2) {
      stroke(colour, style);
      gc.strokePolyline(xs, ys, n);
    }
  }

  @Override
  public void fillPolygon(double[] xs, double[] ys, int n, Rgba colour) {
    if (n >= 3) {
      fill(colour);
      gc.fillPolygon(xs, ys, n);
    }
  }

  @Override
  public void text(String text, double x, double y, TextStyle style, Rgba colour, Align align) {
    gc.setFont(fonts.get(style));
    fill(colour);
    gc.setTextBaseline(VPos.CENTER);
    gc.setTextAlign(switch (align) {
      case LEFT -> TextAlignment.LEFT;
      case CENTER -> TextAlignment.CENTER;
      case RIGHT -> TextAlignment.RIGHT;
    });
    gc.fillText(text, x, y);
  }

  @Override
  public double textWidth(String text, TextStyle style) {
    Map<String, Double> cache = widths.get(style);
    Double w = cache.get(text);
    if (w == null) {
      if (cache.size() > CACHE_LIMIT) {
        cache.clear();
      }
      probe.setFont(fonts.get(style));
      probe.setText(text);
      w = probe.getLayoutBounds().getWidth();
      cache.put(text, w);
    }
    return w;
  }

  @Override
  public void clip(double x, double y, double w, double h) {
    gc.beginPath();
    gc.rect(x, y, w, h);
    gc.closePath();
    gc.clip();
  }

  @Override
  public void save() {
    gc.save();
  }

  @Override
  public void restore() {
    gc.restore();
    // The context's fill and stroke came back with the saved state.
    lastFill = null;
    lastStroke = null;
  }

  /** Sets the fill only when it changes: bars come in long runs of one colour, and each Color is an allocation. */
  private void fill(Rgba colour) {
    if (!colour.equals(lastFill)) {
      gc.setFill(fx(colour));
      lastFill = colour;
    }
  }

  private void stroke(Rgba colour, LineStyle style) {
    if (!colour.equals(lastStroke)) {
      gc.setStroke(fx(colour));
      lastStroke = colour;
    }
    gc.setLineWidth(style.width());
    if (style.isDashed()) {
      gc.setLineDashes(style.dash(), style.dash());
    } else {
      gc.setLineDashes();
    }
  }

  private static Color fx(Rgba c) {
    return Color.rgb(c.red(), c.green(), c.blue(), c.opacity());
  }
}
