package org.dnsseismograph.ui.timeline;

import java.nio.IntBuffer;
import java.util.Arrays;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * The series layer's two pixel buffers in premultiplied ARGB, taken in turn (the render thread
 * may still be reading the previous frame's), each with the span of every row written since it
 * was last cleared and the image that shares it with the render pipeline. Only the written spans
 * are cleared when a buffer is taken up again, not the headers, margins and empty tops of the
 * lanes. FX thread only.
 */
final class RasterBuffers {
  private final int[][] buffers = new int[2][];
  /** Per buffer, each row's first written column in {@code [0, height)}, its end in {@code [height, 2 × height)}. */
  private final int[][] touched = new int[2][];
  @SuppressWarnings("unchecked")
  private final PixelBuffer<IntBuffer>[] shared = new PixelBuffer[2];
  private final WritableImage[] images = new WritableImage[2];
  private int current;
  private int width;
  private int height;

  /** Takes the other buffer, {@code width} × {@code height} device pixels, all transparent. */
  void next(int width, int height) {
    this.width = width;
    this.height = height;
    current = 1 - current;
    if (buffers[current] == null || buffers[current].length != width * height || touched[current].length != 2 * height) {
      buffers[current] = new int[width * height];
      images[current] = null;
      touched[current] = new int[2 * height];
      Arrays.fill(touched[current], 0, height, width);
    } else {
      clearTouched(buffers[current], touched[current]);
    }
  }

  /** The current buffer's pixels, row by row. */
  int[] pixels() {
    return buffers[current];
  }

  /** The current buffer's written spans, which painters widen as they write (see the field). */
  int[] rows() {
    return touched[current];
  }

  /**
   * Draws the current buffer on {@code gc} at the origin, {@code scale} device pixels per logical
   * one. The image shares the buffer (a {@link PixelBuffer} in the render pipeline's own format), so
   * nothing is converted or copied on this thread.
   */
  void show(GraphicsContext gc, double scale) {
    WritableImage img = images[current];
    if (img == null || (int) img.getWidth() != width || (int) img.getHeight() != height) {
      shared[current] = new PixelBuffer<>(width, height, IntBuffer.wrap(buffers[current]), PixelFormat.getIntArgbPreInstance());
      images[current] = new WritableImage(shared[current]);
    } else {
      shared[current].updateBuffer(b -> null);
    }
    gc.drawImage(images[current], 0, 0, width / scale, height / scale);
  }

  /** Clears the written span of every row of {@code buffer}, and forgets the spans. */
  private void clearTouched(int[] buffer, int[] spans) {
    for (int row = 0; row < height; row++) {
      int from = spans[row];
      int to = spans[height + row];
      if (from < to) {
        Arrays.fill(buffer, row * width + from, row * width + to, 0);
      }
      spans[row] = width;
      spans[height + row] = 0;
    }
  }
}
