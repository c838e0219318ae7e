package org.dnsseismograph.ui.timeline;

import static org.dnsseismograph.ui.WindowDriver.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.dnsseismograph.render.LaneBox;
import org.dnsseismograph.render.LanePlanner;
import org.dnsseismograph.render.Palette;
import org.dnsseismograph.render.TimelineLayout;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.testsupport.BurstSeries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The pixels of the timeline as the window shows them (the on-screen path: frames reduced on the
 * reducer thread, lanes filled into the series layer's pixel buffer, composited by JavaFX), read
 * back from a snapshot of the view, headless on Monocle.
 */
@ExtendWith(ApplicationExtension.class)
class TimelineViewPixelTest {
  private static final long S = 1_000_000_000L;
  private static final long T0 = BurstSeries.T0;
  private static final String RATE = "cap/client.rate";
  /** The headroom a lane's value scale leaves above its maximum ({@code render.YScale}), in px. */
  private static final double TOP_PAD = 3;
  private final ExecutorService reducer = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "reducer");
    t.setDaemon(true);
    return t;
  });
  private Stage stage;

  @Start
  void start(Stage s) {
    stage = s;
  }

  @AfterEach
  void stopReducer() {
    reducer.shutdownNow();
  }

  /** Shows {@code set} over {@code range} in a view {@code w} × {@code h}; returns it once its frame is drawn. */
  private TimelineView show(SeriesSet set, TimeRange range, double w, double h) {
    TimelineView v = fx(() -> {
      TimelineViewModel vm = new TimelineViewModel(new LanePlanner(Palette.STANDARD).plan(List.of(set)), range, reducer);
      TimelineView view = new TimelineView(vm);
      stage.setScene(new Scene(view, w, h));
      stage.show();
      return view;
    });
    try {
      WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> v.timelineLayout() != null && v.viewModel().frame() != null
          && v.viewModel().frame().columns() == v.timelineLayout().columns() && v.viewModel().frame().range().equals(range)));
    } catch (Exception e) {
      throw new AssertionError("no frame drawn", e);
    }
    WaitForAsyncUtils.waitForFxEvents();
    return v;
  }

  private static PixelReader pixels(TimelineView v) {
    return fx(() -> v.snapshot(null, null)).getPixelReader();
  }

  /** Blue well above red: the first series colour (#1f77b4), opaque or blended, and nothing grey. */
  private static boolean seriesBlue(int argb) {
    return (argb & 0xff) - (argb >> 16 & 0xff) > 30;
  }

  private static LaneBox lane(TimelineLayout l) {
    return l.lanes().stream().filter(b -> b.lane().key().equals(RATE)).findFirst().orElseThrow();
  }

  @Test
  void aSpikeIsDrawnOnScreenInTheColumnOfItsTimeAndReachesItsRate() {
    TimelineView v = show(BurstSeries.tenMinutes(), new TimeRange(T0, T0 + 600 * S), 1148, 600);
    TimelineLayout l = fx(v::timelineLayout);
    PixelReader img = pixels(v);
    LaneBox b = lane(l);
    int topX = -1;
    int topY = Integer.MAX_VALUE;
    for (int x = (int) l.plotLeft(); x < l.plotRight(); x++) {
      for (int y = (int) b.plotTop(); y < b.plotBottom() && y < topY; y++) {
        if (seriesBlue(img.getArgb(x, y))) {
          topX = x;
          topY = y;
        }
      }
    }
    // The plot's width follows the widest axis label, which the fonts at hand decide (1000 columns
    // at 600 ms each on most machines): the burst's column is where 123.4 s of 600 s falls.
    int column = (int) Math.floor(123.4 / 600.0 * l.columns());
    assertEquals(l.plotLeft() + column, topX, 0.0, "the burst at 123.4 s is in column " + column + " of " + l.columns());
    // One 100 ms bin holds 400 events: 4000/s, on a scale up to the next round number, 5000/s.
    assertEquals(b.plotBottom() - 4000.0 / 5000.0 * (b.plotHeight() - TOP_PAD), topY, 1.0);
  }

  @Test
  void aGapIsShownAsNoDataOnScreenWhileASilentStretchIsAZero() {
    TimelineView v = show(BurstSeries.tenMinutes(), new TimeRange(T0, T0 + 600 * S), 1148, 600);
    TimelineLayout l = fx(v::timelineLayout);
    PixelReader img = pixels(v);
    LaneBox b = lane(l);
    int bottom = (int) b.plotBottom() - 1;
    int inGap = (int) l.xOf(T0 + 230 * S);
    int inQuiet = (int) l.xOf(T0 + 430 * S);
    assertEquals(Palette.STANDARD.noData().argb(), img.getArgb(inGap, bottom), "the gap is the no-data grey");
    for (int y = (int) b.plotTop(); y <= bottom; y++) {
      assertFalse(seriesBlue(img.getArgb(inGap, y)), "nothing of the series is drawn in the gap, y " + y);
    }
    assertTrue(seriesBlue(img.getArgb(inQuiet, bottom)), "a silent but captured stretch shows the series at zero");
    assertTrue(seriesBlue(img.getArgb((int) l.xOf(T0 + 100 * S), bottom)));
  }

  @Test
  void aHundredMillisecondBurstStaysVisibleOnADayWideScreen() {
    long day = BurstSeries.DAY;
    long burst = BurstSeries.DAY_BURST;
    // As wide as the headless screen (1280 px) allows: 1132 columns of 76 s.
    TimelineView v = show(BurstSeries.day(), new TimeRange(T0, T0 + day), 1280, 500);
    TimelineLayout l = fx(v::timelineLayout);
    assertEquals(1132, l.columns());
    PixelReader img = pixels(v);
    LaneBox b = lane(l);
    // 300 events in 90 ms inside one 100 ms bin: 3000/s on a 5000/s scale; everything else is 10/s at most.
    int y = (int) (b.plotBottom() - 0.5 * (b.plotHeight() - TOP_PAD));
    int x = (int) Math.floor(l.xOf(burst));
    assertTrue(seriesBlue(img.getArgb(x, y)), "the burst's 76 s column reaches above half the height");
    for (int other = (int) l.plotLeft(); other < l.plotRight(); other++) {
      if (other != x) {
        assertFalse(seriesBlue(img.getArgb(other, y)), "only the burst's column is that tall, not column " + other);
      }
    }
  }
}
