package org.dnsseismograph.ui.timeline;

import static org.dnsseismograph.ui.WindowDriver.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import org.dnsseismograph.render.FrameData;
import org.dnsseismograph.render.LanePlan;
import org.dnsseismograph.render.LanePlanner;
import org.dnsseismograph.render.LayoutSpec;
import org.dnsseismograph.render.Palette;
import org.dnsseismograph.render.SyntheticIncident;
import org.dnsseismograph.render.TextStyle;
import org.dnsseismograph.render.TimelineLayout;
import org.dnsseismograph.render.TimelinePainter;
import org.dnsseismograph.series.TimeRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Lanes drawn with a helper thread give the picture of lanes drawn on the FX thread alone, pixel
 * for pixel, labels included (headless on Monocle, software pipeline).
 */
@ExtendWith(ApplicationExtension.class)
class SeriesDrawingUITest {
  private static final int W = 1400;
  private static final int H = 900;
  private static final SyntheticIncident INCIDENT = SyntheticIncident.hour(150);
  private static final LanePlan PLAN = new LanePlanner(Palette.STANDARD).plan(INCIDENT.sources());
  private final ExecutorService helper = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopHelper() throws InterruptedException {
    helper.shutdownNow();
    assertTrue(helper.awaitTermination(10, TimeUnit.SECONDS));
  }

  /**
   * The hour, the capture's gap with as much on either side (its lanes say "no data", text the pens
   * defer), a minute and four seconds around the outage (where the rug of single events shows), and
   * 50 ms in it.
   */
  private static List<TimeRange> views() {
    long s = SyntheticIncident.S;
    long o = INCIDENT.outage.startNanos();
    TimeRange gap = INCIDENT.gap;
    return List.of(new TimeRange(INCIDENT.start, INCIDENT.start + INCIDENT.duration),
        new TimeRange(gap.startNanos() - gap.durationNanos(), gap.endNanos() + gap.durationNanos()), new TimeRange(o - 20 * s, o + 40 * s),
        new TimeRange(o - 1500 * SyntheticIncident.MS, o + 2500 * SyntheticIncident.MS), new TimeRange(o, o + 50 * SyntheticIncident.MS));
  }

  /** The series layer of {@code view} as the canvas shows it: drawn on the FX thread alone, or shared with {@code shared}. */
  private static WritableImage picture(TimeRange view, Executor shared, boolean throughDrawing) {
    return fx(() -> {
      Canvas c = new Canvas(W, H);
      FxCanvasPainter p = new FxCanvasPainter(c.getGraphicsContext2D());
      TimelineLayout l = TimelineLayout.of(LayoutSpec.screen(W, H, null), PLAN, view, p);
      FrameData frame = FrameData.reduce(PLAN.visibleLanes(), view, l.columns());
      RasterPainter raster = new RasterPainter(p);
      raster.begin(W, H, 1);
      TimelinePainter painter = new TimelinePainter(Palette.STANDARD);
      if (throughDrawing) {
        new SeriesDrawing(p).draw(painter, raster, l, frame, shared);
      } else {
        painter.paintSeries(raster, l, frame);
      }
      raster.finish(c.getGraphicsContext2D());
      return c.snapshot(null, null);
    });
  }

  private static void assertSamePixels(WritableImage want, WritableImage got, String what) {
    PixelReader a = want.getPixelReader();
    PixelReader b = got.getPixelReader();
    int differing = 0;
    int nonBlank = 0;
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        int p = a.getArgb(x, y);
        differing += p == b.getArgb(x, y) ? 0 : 1;
        nonBlank += p == 0xffffffff ? 0 : 1;
      }
    }
    assertEquals(0, differing, what + ": pixels that differ");
    assertTrue(nonBlank > W * 10, what + ": the lanes drew almost nothing (" + nonBlank + " pixels)");
  }

  @Test
  void lanesAllPaintedByTheHelperGiveThePictureOfTheFxThreadAlone() {
    // The helper runs its whole share before the FX thread begins, so it takes every lane.
    Executor takesAll = task -> {
      Thread t = new Thread(task, "helper-takes-all");
      t.start();
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
    for (TimeRange view : views()) {
      assertSamePixels(picture(view, null, false), picture(view, takesAll, true), "all lanes on the helper, " + view);
    }
  }

  @Test
  void lanesSharedWithARealHelperGiveThePictureOfTheFxThreadAlone() {
    for (TimeRange view : views()) {
      WritableImage alone = picture(view, null, false);
      for (int round = 0; round < 5; round++) {
        assertSamePixels(alone, picture(view, helper, true), "shared lanes, round " + round + ", " + view);
      }
    }
  }

  @Test
  void aPenOffTheFxThreadRefusesToMeasureText() {
    RasterPainter pen = new RasterPainter(null);
    assertThrows(IllegalStateException.class, () -> pen.textWidth("192.0.2.1", TextStyle.SMALL));
  }
}
