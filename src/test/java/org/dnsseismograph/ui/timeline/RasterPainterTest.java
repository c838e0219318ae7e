package org.dnsseismograph.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.dnsseismograph.render.LineStyle;
import org.dnsseismograph.render.Rgba;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RasterPainterTest {
  private static final Rgba RED = Rgba.rgb(0xff0000);

  /** A painter for the buffer alone: nothing here reaches the canvas painter. */
  private static RasterPainter painter(double w, double h, double scale) {
    RasterPainter p = new RasterPainter(null);
    p.begin(w, h, scale);
    return p;
  }

  @ParameterizedTest(name = "a rectangle from {0} to {1} covers pixels {2} to {3}")
  @CsvSource({"2, 5, 2, 4", "2.4, 5.4, 2, 4", "2.6, 5.6, 3, 5", "2.5, 2.9, 2, 2", "2.6, 3.4, 3, 2"})
  void aRectangleCoversThePixelsWhoseCentresFallInIt(double from, double to, int first, int last) {
    RasterPainter p = painter(10, 3, 1);
    p.fillRect(from, 0, to - from, 3, RED);
    for (int x = 0; x < 10; x++) {
      assertEquals(x >= first && x <= last ? 0xffff0000 : 0, p.pixel(x, 1), "pixel " + x);
    }
  }

  @Test
  void translucentColoursBlendSourceOverInPremultipliedArgb() {
    RasterPainter p = painter(4, 1, 1);
    p.fillRect(0, 0, 2, 1, Rgba.rgb(0x0000ff).withAlpha(128));
    p.fillRect(1, 0, 2, 1, RED.withAlpha(128));
    assertEquals(0x80000080, p.pixel(0, 0), "half blue, premultiplied");
    // Red at 128 over half blue: alpha 128 + 128 × 127 / 255 = 192; blue 128 × 127 / 255 = 64.
    assertEquals(0xc0800040, p.pixel(1, 0));
    assertEquals(0x80800000, p.pixel(2, 0));
    assertEquals(0, p.pixel(3, 0));
  }

  @Test
  void aTranslucentBarOnePixelWideBlendsEachRowLikeAWiderRectangle() {
    RasterPainter p = painter(3, 5, 1);
    p.fillRect(1, 0, 1, 2, Rgba.rgb(0x0000ff).withAlpha(128));
    p.fillRect(1, 1, 1, 3, RED.withAlpha(128));
    int[] expected = {0x80000080, 0xc0800040, 0x80800000, 0x80800000, 0};
    for (int y = 0; y < 5; y++) {
      assertEquals(expected[y], p.pixel(1, y), "row " + y);
      assertEquals(0, p.pixel(0, y), "left of the bar, row " + y);
      assertEquals(0, p.pixel(2, y), "right of the bar, row " + y);
    }
    // Two buffers are taken in turn: the second begin takes this one up again.
    p.begin(3, 5, 1);
    p.begin(3, 5, 1);
    for (int y = 0; y < 5; y++) {
      assertEquals(0, p.pixel(1, y), "row " + y + " when the buffer is taken up again");
    }
  }

  @Test
  void aBufferTakenUpAgainHoldsNothingOfTheFramesBefore() {
    RasterPainter p = painter(12, 8, 1);
    p.fillRect(1, 1, 3, 2, RED);
    p.fillRect(7, 5, 4, 3, RED.withAlpha(100));
    p.begin(12, 8, 1);
    p.fillRect(0, 0, 12, 8, RED);
    p.begin(12, 8, 1);
    p.fillRect(5, 3, 1, 1, RED);
    for (int y = 0; y < 8; y++) {
      for (int x = 0; x < 12; x++) {
        assertEquals(x == 5 && y == 3 ? 0xffff0000 : 0, p.pixel(x, y), "pixel " + x + "," + y);
      }
    }
    p.begin(8, 12, 1);
    p.begin(8, 12, 1);
    for (int y = 0; y < 12; y++) {
      for (int x = 0; x < 8; x++) {
        assertEquals(0, p.pixel(x, y), "pixel " + x + "," + y + " after the shape changed");
      }
    }
  }

  @Test
  void drawingStaysInsideTheClipUntilRestored() {
    RasterPainter p = painter(10, 10, 1);
    p.save();
    p.clip(2, 2, 4, 4);
    p.fillRect(0, 0, 10, 10, RED);
    p.restore();
    p.line(0, 8.5, 10, 8.5, RED, LineStyle.HAIRLINE);
    assertEquals(0, p.pixel(1, 1));
    assertEquals(0xffff0000, p.pixel(2, 2));
    assertEquals(0xffff0000, p.pixel(5, 5));
    assertEquals(0, p.pixel(6, 5));
    assertEquals(0xffff0000, p.pixel(0, 8), "a hairline on a half pixel is one row");
    assertEquals(0, p.pixel(0, 9));
    assertEquals(0, p.pixel(0, 7));
  }

  @Test
  void atTwiceTheScaleALogicalPixelIsTwoDevicePixels() {
    RasterPainter p = painter(5, 5, 2);
    p.fillRect(1, 1, 1, 1, RED);
    assertEquals(0, p.pixel(1, 2));
    assertEquals(0xffff0000, p.pixel(2, 2));
    assertEquals(0xffff0000, p.pixel(3, 3));
    assertEquals(0, p.pixel(4, 3));
  }
}
