package org.dnsseismograph.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.dnsseismograph.series.EventSeries;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.workspace.SourceRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An export says which lanes it left out for want of room, and the height that shows them all. */
class ExportResultTest {
  private static final long S = 1_000_000_000L;
  private static final long T0 = 1_290_000_000L * S;
  private static final TimeRange VIEW = new TimeRange(T0, T0 + 600 * S);

  /** Thirty one-series lanes (min 40 px each) and the annotations lane, {@code height} px tall. */
  private static ExportRequest thirtyLanes(int height) {
    List<EventSeries> many = new ArrayList<>();
    for (int k = 0; k < 30; k++) {
      many.add(EventSeries.of(MetricId.of(String.format(Locale.ROOT, "ops.metric%02d", k)), VIEW, T0 + k * S));
    }
    LanePlan plan = new LanePlanner(Palette.STANDARD).plan(List.of(SeriesSet.of("ops", many)));
    return new ExportRequest(plan, List.of(), List.of(new SourceRef("ops", "ops.csv", "sha256:ab12", 0, "")), VIEW, 1148, height, 1, "t",
        null);
  }

  @Test
  void aShortPictureNamesTheLanesItLeftOutAndTheLeastHeightThatShowsThemAll(@TempDir Path dir) throws Exception {
    ExportRequest r = thirtyLanes(480);
    ExportResult result = TimelineExport.write(r, dir.resolve("short.png"));

    TimelineLayout drawn = TimelineExport.layout(r, FixedMeasure.SEVEN);
    List<String> expected = r.plan().visibleLanes().stream().filter(l -> drawn.lanes().stream().noneMatch(b -> b.lane().equals(l)))
        .map(Lane::title).toList();
    assertFalse(expected.isEmpty(), "31 lanes of at least 40 px do not fit 480 px");
    assertEquals(expected, result.leftOut(), "the lanes the picture left out, from the last one up, never the annotations");
    assertTrue(result.summary().startsWith(expected.size() + " lanes left out for want of room (ops.metric"), result.summary());

    // 31 lanes at their 40 px minimum with 30 gaps of 6 px: 1420 px. Above them the title (16 px × 1.45 → 24), one legend line
    // (11 px × 1.45 → 16) and 8 px padding over and under: 56 px; under them 2 px, the axis (18 + 4) and the footer (8 px and two
    // lines of 10 px × 1.45 → 15): 62 px. 1538 px in all, less the one pixel a layout lets the last lane reach past its viewport.
    int h = result.heightForAll();
    assertEquals(1537, h);
    Java2dPainter m = new Java2dPainter(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics());
    assertEquals(List.of(), TimelineExport.leftOut(r.withSize(1148, h, 1), m), "nothing left out at " + h);
    assertFalse(TimelineExport.leftOut(r.withSize(1148, h - 1, 1), m).isEmpty(), "one pixel less is too short");

    ExportResult all = TimelineExport.write(r.withSize(1148, h, 1), dir.resolve("all.png"));
    assertEquals(List.of(), all.leftOut());
    assertEquals(h, all.heightForAll(), "nothing left out: the height asked");
    assertEquals("", all.summary());
    assertEquals(h, ImageIO.read(dir.resolve("all.png").toFile()).getHeight(), "the size asked, never changed behind the caller's back");
  }
}
