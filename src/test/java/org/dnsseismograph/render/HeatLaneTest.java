package org.dnsseismograph.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.dnsseismograph.series.Consolidation;
import org.dnsseismograph.series.LabelConvention;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.ResolvableSeries;
import org.dnsseismograph.series.SampleSeriesWriter;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.Unit;
import org.dnsseismograph.workspace.SourceRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A heat lane's rows: tall enough for their names in every layout, and every one named. */
class HeatLaneTest {
  private static final long S = 1_000_000_000L;
  private static final long T0 = 1_290_000_000L * S;
  private static final TimeRange VIEW = new TimeRange(T0, T0 + 60 * S);

  /** A capture's upstream side with {@code n} authoritative servers 192.0.2.1 .. 192.0.2.n, each with an answer ratio. */
  static SeriesSet servers(int n) {
    List<ResolvableSeries> list = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      SampleSeriesWriter w = new SampleSeriesWriter(MetricId.of("upstream.server.192.0.2." + i + ".answer_ratio"), Unit.RATIO, S,
          LabelConvention.START, Consolidation.AVERAGE);
      for (long t = 0; t < 60; t++) {
        w.add(T0 + t * S, t >= 20 && t < 40 && i % 2 == 0 ? 0 : 1);
      }
      list.add(w.publish());
    }
    return SeriesSet.of("cap", list);
  }

  private static Lane heatLane(LanePlan p) {
    return p.lane("cap/upstream.servers");
  }

  @Test
  void theRowFloorIsTheHeightOfATenPixelLabelWithAPixelEitherSide() {
    // SMALL is 10 px; its letters with ascenders and descenders span 1.2 em = 12 px; 1 px above and below.
    assertEquals(10, TextStyle.SMALL.size());
    assertEquals(14, LanePlanner.HEAT_ROW_MIN);
    assertEquals(16, LanePlanner.HEAT_ROW);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 8, 40})
  void aHeatLaneNeverGetsLessThanTheFloorPerRowWhateverItsRows(int rows) {
    Lane lane = heatLane(new LanePlanner(Palette.STANDARD).plan(List.of(servers(rows))));
    assertEquals(LaneKind.HEAT, lane.kind());
    assertEquals(rows, lane.series().size());
    assertEquals(18 + 14.0 * rows, lane.minHeight(), "header 18 px + 14 px a row");
    assertEquals(18 + 16.0 * rows, lane.defaultHeight(), "header 18 px + 16 px a row, no cap that would go below the floor");
  }

  /** Two heat lanes (8 rows: min 130, default 146; 1 row: min 32, default 34) and the annotations (min 40, default 96). */
  private static LanePlan twoHeatLanes() {
    return new LanePlanner(Palette.STANDARD).plan(List.of(servers(8), servers(1)));
  }

  @Test
  void aShortPictureKeepsTheHeatLanesAtTheirFloorAndGivesTheRestToTheOthers() {
    // 251 px: lanes from y 8 down to 2 px above the axis at 251 − 22: a 219 px viewport, 207 px after two 6 px gaps.
    // By the defaults (276 units) the scale would be 207 / 276 = 0.75: 109.5 and 25.5 px, below the floors of 130 and 32.
    // Those keep their floors; the annotations get the rest: 207 − 162 = 45 px (scale 45 / 96, above its 40 px minimum).
    TimelineLayout l = TimelineLayout.of(LayoutSpec.screen(1000, 251, null), twoHeatLanes(), VIEW, FixedMeasure.SEVEN);
    assertEquals(219, l.viewportBottom() - l.viewportTop());
    assertEquals(List.of(130.0, 32.0, 45.0), l.lanes().stream().map(LaneBox::height).toList());
    assertTrue(l.fits());
    assertEquals(0, l.maxScrollTop(), "nothing to scroll when the lanes fit");
  }

  @Test
  void whenEvenTheFloorsDoNotFitAPictureRunsPastTheAxisAndAScreenScrolls() {
    // 200 px: a 168 px viewport, 156 px after the gaps, less than the minimums' 130 + 32 + 40 = 202.
    LanePlan plan = twoHeatLanes();
    TimelineLayout picture = TimelineLayout.of(LayoutSpec.screen(1000, 200, null), plan, VIEW, FixedMeasure.SEVEN);
    assertEquals(List.of(130.0, 32.0, 40.0), picture.lanes().stream().map(LaneBox::height).toList(), "never below the floors");
    assertTrue(!picture.fits(), "the last lanes run past the axis: an export leaves them out");

    // A screen keeps at least 0.4 of the given heights: max(130, 58.4), max(32, 13.6), max(40, 38.4); with the gaps 214 px,
    // 46 px more than the viewport.
    TimelineLayout top = TimelineLayout.scrolled(LayoutSpec.screen(1000, 200, null), plan, VIEW, FixedMeasure.SEVEN, 0);
    assertEquals(List.of(130.0, 32.0, 40.0), top.lanes().stream().map(LaneBox::height).toList());
    assertEquals(214, top.contentHeight());
    assertEquals(46, top.maxScrollTop());
    assertEquals(8, top.lanes().get(0).top());
    assertEquals(null, top.laneAt(top.viewportBottom() + 1), "the part below the viewport is not hit");

    TimelineLayout end = TimelineLayout.scrolled(LayoutSpec.screen(1000, 200, null), plan, VIEW, FixedMeasure.SEVEN, 1000);
    assertEquals(46, end.scrollTop(), "clamped to what there is to scroll");
    LaneBox last = end.lanes().get(2);
    assertEquals(end.viewportBottom(), last.bottom(), "scrolled to the end, the last lane ends at the viewport's bottom");
    assertEquals(last, end.laneAt(last.top() + 1));
    assertEquals(end.viewportTop(), end.lanesTop(), "the first lane, partly above, is cut at the viewport's top");
    assertEquals(null, end.laneAt(end.viewportTop() - 1));
    assertEquals(178, end.axisTop(), "the axis stays where it was");
    assertTrue(!top.fits() && !end.fits(), "lanes that must scroll do not fit, however far they are scrolled");
  }

  @Test
  void everyRowIsNamedBesideItsRowInAPicture() throws Exception {
    LanePlan plan = new LanePlanner(Palette.STANDARD).plan(List.of(servers(8)));
    ExportRequest r = new ExportRequest(plan, List.of(), List.of(new SourceRef("cap", "cap.pcap", "sha256:ab12", 0, "")), VIEW, 800, 400, 1,
        "heat", null);
    TimelineLayout l = TimelineExport.layout(r, FixedMeasure.SEVEN);
    LaneBox heat = l.lanes().stream().filter(x -> x.lane().kind() == LaneKind.HEAT).findFirst().orElseThrow();
    double rowH = heat.plotHeight() / 8;
    assertTrue(rowH >= 14, "rows of " + rowH + " px");

    NodeList texts = svgTexts(TimelineExport.svg(r));
    for (int i = 1; i <= 8; i++) {
      Element name = find(texts, "192.0.2." + i);
      assertTrue(name != null, "row " + i + " is named");
      double y = Double.parseDouble(name.getAttribute("y"));
      double rowTop = heat.plotTop() + (i - 1) * rowH;
      assertTrue(y > rowTop && y < rowTop + rowH, String.format(Locale.ROOT, "name of row %d at y %.1f, inside %.1f..%.1f", i, y, rowTop,
          rowTop + rowH));
    }
  }

  @Test
  void pastTheEndOfItsDataAHeatLaneSaysNoDataInWordsThatCanBeRead() {
    // The servers' data covers the first 60 s of a 180 s view: the last two thirds of the lane have no data at all.
    LanePlan plan = new LanePlanner(Palette.STANDARD).plan(List.of(servers(8)));
    ExportRequest r = new ExportRequest(plan, List.of(), List.of(new SourceRef("cap", "cap.pcap", "sha256:ab12", 0, "")),
        new TimeRange(T0, T0 + 180 * S), 900, 400, 1, "heat", null);
    TimelineLayout l = TimelineExport.layout(r, FixedMeasure.SEVEN);
    LaneBox heat = l.lanes().stream().filter(x -> x.lane().kind() == LaneKind.HEAT).findFirst().orElseThrow();
    BufferedImage img = TimelineExport.image(r);
    // The words are drawn in the middle of the empty part, 10 px letters around the plot's middle line.
    int centre = (int) Math.round((l.xOf(T0 + 60 * S) + l.plotRight()) / 2);
    int middle = (int) Math.round(heat.plotTop() + heat.plotHeight() / 2);
    int dark = 0;
    for (int x = centre - 30; x <= centre + 30; x++) {
      for (int y = middle - 6; y <= middle + 6; y++) {
        int rgb = img.getRGB(x, y);
        if ((rgb >> 16 & 0xff) < 0xb0 && (rgb >> 8 & 0xff) < 0xb0 && (rgb & 0xff) < 0xb0) {
          dark++;
        }
      }
    }
    // "no data" in 10 px letters darkens well over 50 pixels; under the rows' grey only their 1 px gaps showed some.
    assertTrue(dark > 50, dark + " dark pixels where the lane says it has no data");
  }

  private static NodeList svgTexts(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))).getElementsByTagName("text");
  }

  private static Element find(NodeList texts, String text) {
    for (int i = 0; i < texts.getLength(); i++) {
      if (texts.item(i).getTextContent().equals(text)) {
        return (Element) texts.item(i);
      }
    }
    return null;
  }
}
