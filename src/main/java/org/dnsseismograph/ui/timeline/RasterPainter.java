package org.dnsseismograph.ui.timeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.canvas.GraphicsContext;
import org.dnsseismograph.render.Align;
import org.dnsseismograph.render.LineStyle;
import org.dnsseismograph.render.Painter;
import org.dnsseismograph.render.Rgba;
import org.dnsseismograph.render.TextStyle;

/**
 * The series layer's backend: axis-aligned rectangles and solid horizontal or vertical lines (the
 * bars, bands, heat rows and gap shading the lanes are made of) are filled straight into a pixel
 * buffer, which goes to the canvas as one image; text and any other shape are handed to the
 * canvas painter afterwards, in order and under the same clips. A redraw of every lane is then one
 * image upload for the render thread instead of hundreds of thousands of recorded rectangles, each
 * rasterised on their own.
 *
 * <p>Pixels follow {@link Painter}'s rule: a rectangle covers the pixels whose centres fall in it
 * (no anti-aliasing; the lanes snap their bars to whole pixels anyway). Colours are blended
 * source-over into premultiplied ARGB. The buffer is in device pixels ({@code scale} per logical
 * pixel) and reused from frame to frame. FX thread only, except {@link #follow pens}, which paint
 * lanes on a helper thread into the buffer of a frame the FX thread began ({@link SeriesDrawing}).
 */
final class RasterPainter implements Painter {
  private final FxCanvasPainter canvas;
  private final List<Consumer<Painter>> deferred = new ArrayList<>();
  private final Deque<int[]> clips = new ArrayDeque<>();
  private final RasterBuffers buffers = new RasterBuffers();
  /** The current buffer's written spans ({@link RasterBuffers#rows}). */
  private int[] rows;
  private int[] pixels;
  private int width;
  private int height;
  private double scale = 1;
  private int clipX0;
  private int clipY0;
  private int clipX1;
  private int clipY1;
  private Rgba lastColour;
  private int lastSrc;
  private int blendDst;
  private int blendSrc;
  private int blendKeep = -1;
  private int blendOut;

  RasterPainter(FxCanvasPainter canvas) {
    this.canvas = canvas;
  }

  /** Starts a frame of {@code w} × {@code h} logical pixels drawn at {@code scale} device pixels each: all transparent. */
  void begin(double w, double h, double scale) {
    this.scale = scale;
    width = Math.max(1, (int) Math.ceil(w * scale));
    height = Math.max(1, (int) Math.ceil(h * scale));
    buffers.next(width, height);
    pixels = buffers.pixels();
    rows = buffers.rows();
    startClean();
  }

  /** Puts the frame on the canvas: the pixels as one image at the origin, then the deferred text and shapes. */
  void finish(GraphicsContext gc) {
    buffers.show(gc, scale);
    for (Consumer<Painter> op : deferred) {
      op.accept(canvas);
    }
    deferred.clear();
  }

  /**
   * Makes this painter a pen on {@code frame}'s current pixels, with its own clips, caches and
   * deferred shapes. Pens may paint at once, each on its own thread, as long as their clips share
   * no row: each row's pixels and written span then have one writer.
   */
  void follow(RasterPainter frame) {
    pixels = frame.pixels;
    rows = frame.rows;
    width = frame.width;
    height = frame.height;
    scale = frame.scale;
    startClean();
  }

  /** No clip but the frame's edges, nothing deferred: how a frame, or a pen on one, starts. */
  private void startClean() {
    clips.clear();
    deferred.clear();
    clipX0 = 0;
    clipY0 = 0;
    clipX1 = width;
    clipY1 = height;
  }

  /** The text and shapes deferred since this painter began or followed a frame, handed over and forgotten. */
  List<Consumer<Painter>> takeDeferred() {
    List<Consumer<Painter>> out = new ArrayList<>(deferred);
    deferred.clear();
    return out;
  }

  /** Adds a pen's deferred text and shapes ({@link #takeDeferred}) to this frame's, after those already there. */
  void defer(List<Consumer<Painter>> ops) {
    deferred.addAll(ops);
  }

  /** The premultiplied ARGB pixel at device pixel {@code (x, y)} of the current frame (tests). */
  int pixel(int x, int y) {
    return pixels[y * width + x];
  }

  @Override
  public void fillRect(double x, double y, double w, double h, Rgba colour) {
    int x0 = Math.max(clipX0, edge(x));
    int x1 = Math.min(clipX1, edge(x + w));
    int y0 = Math.max(clipY0, edge(y));
    int y1 = Math.min(clipY1, edge(y + h));
    if (x0 >= x1 || y0 >= y1 || colour.alpha() == 0) {
      return;
    }
    int a = colour.alpha();
    int src = premultiplied(colour);
    widenSpans(x0, x1, y0, y1);
    if (a != 255) {
      if (x1 - x0 == 1) {
        blendColumn(y0 * width + x0, y1 * width + x0, src, 255 - a);
        return;
      }
      for (int row = y0; row < y1; row++) {
        blend(row * width + x0, row * width + x1, src, 255 - a);
      }
      return;
    }
    for (int row = y0; row < y1; row++) {
      int from = row * width + x0;
      int to = row * width + x1;
      if (to - from > 16) {
        Arrays.fill(pixels, from, to, src);
      } else {
        // Most bars are a pixel or two wide: a plain loop beats a library call per row.
        for (int i = from; i < to; i++) {
          pixels[i] = src;
        }
      }
    }
  }

  @Override
  public void strokeRect(double x, double y, double w, double h, Rgba colour, LineStyle style) {
    deferred.add(p -> p.strokeRect(x, y, w, h, colour, style));
  }

  @Override
  public void line(double x1, double y1, double x2, double y2, Rgba colour, LineStyle style) {
    double half = style.width() / 2;
    if (!style.isDashed() && y1 == y2) {
      fillRect(Math.min(x1, x2), y1 - half, Math.abs(x2 - x1), style.width(), colour);
    } else if (!style.isDashed() && x1 == x2) {
      fillRect(x1 - half, Math.min(y1, y2), style.width(), Math.abs(y2 - y1), colour);
    } else {
      deferred.add(p -> p.line(x1, y1, x2, y2, colour, style));
    }
  }

  @Override
  public void polyline(double[] xs, double[] ys, int n, Rgba colour, LineStyle style) {
    double[] x = Arrays.copyOf(xs, n);
    double[] y = Arrays.copyOf(ys, n);
    deferred.add(p -> p.polyline(x, y, n, colour, style));
  }

  @Override
  public void fillPolygon(double[] xs, double[] ys, int n, Rgba colour) {
    double[] x = Arrays.copyOf(xs, n);
    double[] y = Arrays.copyOf(ys, n);
    deferred.add(p -> p.fillPolygon(x, y, n, colour));
  }

  @Override
  public void text(String text, double x, double y, TextStyle style, Rgba colour, Align align) {
    deferred.add(p -> p.text(text, x, y, style, colour, align));
  }

  @Override
  public double textWidth(String text, TextStyle style) {
    if (!Platform.isFxApplicationThread()) {
      // The canvas measures with a scene-graph node: a pen off the FX thread must not paint labels.
      throw new IllegalStateException("text is measured on the FX thread only");
    }
    return canvas.textWidth(text, style);
  }

  @Override
  public void clip(double x, double y, double w, double h) {
    clipX0 = Math.max(clipX0, edge(x));
    clipY0 = Math.max(clipY0, edge(y));
    clipX1 = Math.min(clipX1, edge(x + w));
    clipY1 = Math.min(clipY1, edge(y + h));
    deferred.add(p -> p.clip(x, y, w, h));
  }

  @Override
  public void save() {
    clips.push(new int[] {clipX0, clipY0, clipX1, clipY1});
    deferred.add(Painter::save);
  }

  @Override
  public void restore() {
    int[] c = clips.isEmpty() ? new int[] {0, 0, width, height} : clips.pop();
    clipX0 = c[0];
    clipY0 = c[1];
    clipX1 = c[2];
    clipY1 = c[3];
    deferred.add(Painter::restore);
  }

  /** The first device pixel whose centre lies at or after logical coordinate {@code v}. */
  private int edge(double v) {
    return (int) Math.ceil(v * scale - 0.5);
  }

  /** The colour in premultiplied ARGB; the last one is kept, as a lane draws thousands of bars in one colour. */
  private int premultiplied(Rgba colour) {
    if (colour != lastColour) {
      int a = colour.alpha();
      lastSrc = a << 24 | premul(colour.red(), a) << 16 | premul(colour.green(), a) << 8 | premul(colour.blue(), a);
      lastColour = colour;
    }
    return lastSrc;
  }

  /** Widens the written span of rows {@code [y0, y1)} to {@code [x0, x1)}; stores only where it grows. */
  private void widenSpans(int x0, int x1, int y0, int y1) {
    for (int row = y0; row < y1; row++) {
      if (x0 < rows[row]) {
        rows[row] = x0;
      }
      if (x1 > rows[height + row]) {
        rows[height + row] = x1;
      }
    }
  }

  /**
   * {@link #blend} of a one-pixel-wide bar, pixels {@code from, from + width, ...} before {@code to}:
   * a band at a column a pixel wide is thousands of these, and a loop per row cost more than the pixel.
   */
  private void blendColumn(int from, int to, int src, int keep) {
    for (int i = from; i < to; i += width) {
      int d = pixels[i];
      if (d == 0) {
        pixels[i] = src;
      } else {
        blend(i, i + 1, src, keep);
      }
    }
  }

  private void blend(int from, int to, int src, int keep) {
    for (int i = from; i < to; i++) {
      int d = pixels[i];
      if (d == 0) {
        pixels[i] = src;
      } else if (d == blendDst && src == blendSrc && keep == blendKeep) {
        // Bands overlap in runs of one colour: the last blend is the answer again.
        pixels[i] = blendOut;
      } else {
        int a = (src >>> 24) + scaled(d >>> 24, keep);
        int r = (src >> 16 & 0xff) + scaled(d >> 16 & 0xff, keep);
        int g = (src >> 8 & 0xff) + scaled(d >> 8 & 0xff, keep);
        int b = (src & 0xff) + scaled(d & 0xff, keep);
        blendDst = d;
        blendSrc = src;
        blendKeep = keep;
        blendOut = a << 24 | r << 16 | g << 8 | b;
        pixels[i] = blendOut;
      }
    }
  }

  /** {@code c × k / 255}, rounded, for bytes. */
  private static int scaled(int c, int k) {
    int t = c * k + 128;
    return (t + (t >> 8)) >> 8;
  }

  private static int premul(int c, int a) {
    return scaled(c, a);
  }
}
