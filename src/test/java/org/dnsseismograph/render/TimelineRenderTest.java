package org.dnsseismograph.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.dnsseismograph.series.Consolidation;
import org.dnsseismograph.series.EventSeries;
import org.dnsseismograph.series.LabelConvention;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.SampleSeriesWriter;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.testsupport.BurstSeries;
import org.dnsseismograph.series.Unit;
import org.dnsseismograph.workspace.Annotation;
import org.dnsseismograph.workspace.AnnotationKind;
import org.dnsseismograph.workspace.SourceRef;
import org.dnsseismograph.workspace.ValueAxis;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Pictures checked where the geometry says things must be: pixels in PNGs, elements in SVGs. */
class TimelineRenderTest {
  private static final long S = 1_000_000_000L;
  private static final long T0 = BurstSeries.T0;
  private static final long BURST = BurstSeries.TEN_MINUTES_BURST;
  private static final TimeRange VIEW = new TimeRange(T0, T0 + 600 * S);
  private static final Annotation OUTAGE = Annotation.drawn(AnnotationKind.OUTAGE, new TimeRange(T0 + 300 * S, T0 + 330 * S), "ns1 dark");

  private static ExportRequest request() {
    LanePlan plan = new LanePlanner(Palette.STANDARD).plan(List.of(BurstSeries.tenMinutes()));
    return new ExportRequest(plan, List.of(OUTAGE), List.of(new SourceRef("cap", "cap.pcap", "sha256:ab12", 0, "")), VIEW, 1148, 520, 1,
        "test", null);
  }

  /** Draws {@code r} into an image of its size and returns the layout used. */
  private static TimelineLayout draw(ExportRequest r, BufferedImage img) {
    Graphics2D g = img.createGraphics();
    try {
      return TimelineExport.paint(r, new Java2dPainter(g));
    } finally {
      g.dispose();
    }
  }

  /** Blue well above red: the first series colour (#1f77b4), opaque or blended, and nothing grey. */
  private static boolean seriesBlue(int argb) {
    return (argb & 0xff) - (argb >> 16 & 0xff) > 30;
  }

  /** Red well above blue: the outage colour (#c62828), opaque or blended. */
  private static boolean outageRed(int argb) {
    return (argb >> 16 & 0xff) - (argb & 0xff) > 40;
  }

  private static LaneBox lane(TimelineLayout l, String key) {
    return l.lanes().stream().filter(b -> b.lane().key().equals(key)).findFirst().orElseThrow();
  }

  @Test
  void lanesThatDoNotFitTheHeightAreLeftOutAndNamedButNeverTheAnnotations() {
    List<EventSeries> many = new ArrayList<>();
    for (int k = 0; k < 30; k++) {
      many.add(EventSeries.of(MetricId.of(String.format(java.util.Locale.ROOT, "ops.metric%02d", k)), VIEW, T0 + k * S));
    }
    LanePlan plan = new LanePlanner(Palette.STANDARD).plan(List.of(SeriesSet.of("ops", many)));
    ExportRequest tall = new ExportRequest(plan, List.of(OUTAGE), List.of(new SourceRef("ops", "ops.csv", "sha256:ab12", 0, "")), VIEW, 1148,
        16000, 1, "test", null);
    TimelineLayout all = TimelineExport.layout(tall, FixedMeasure.SEVEN);
    assertTrue(all.fits());
    assertEquals(31, all.lanes().size(), "30 series and the annotations");

    ExportRequest shortOne = new ExportRequest(plan, List.of(OUTAGE), tall.sources(), VIEW, 1148, 480, 1, "test", null);
    TimelineLayout l = draw(shortOne, new BufferedImage(1148, 480, BufferedImage.TYPE_INT_RGB));

    assertTrue(l.fits(), "every lane drawn at least at its readable height, above the axis");
    assertTrue(l.lanes().size() < all.lanes().size(), l.lanes().size() + " of " + all.lanes().size());
    assertEquals(LaneKind.ANNOTATIONS, l.lanes().get(l.lanes().size() - 1).lane().kind(), "the annotations stay");
    for (int i = 0; i < l.lanes().size() - 1; i++) {
      assertEquals(all.lanes().get(i).lane().key(), l.lanes().get(i).lane().key(), "the first lanes in their order");
    }
    String note = String.join(" ", l.spec().footer());
    int left = all.lanes().size() - l.lanes().size();
    assertTrue(note.contains(left + " lanes left out for want of room"), note);
    assertTrue(note.contains(all.lanes().get(l.lanes().size() - 1).lane().title()), "the first lane left out is named: " + note);
    assertTrue(note.contains("and " + (left - TimelineExport.NAMED_LEFT_OUT) + " more"), note);
  }

  @Test
  void aSpikeIsDrawnInTheColumnOfItsTimeAndReachesItsRate() {
    BufferedImage img = new BufferedImage(1148, 520, BufferedImage.TYPE_INT_RGB);
    TimelineLayout l = draw(request(), img);
    LaneBox b = lane(l, "cap/client.rate");
    int topX = -1;
    int topY = Integer.MAX_VALUE;
    for (int x = (int) l.plotLeft(); x < l.plotRight(); x++) {
      for (int y = (int) b.plotTop(); y < b.plotBottom() && y < topY; y++) {
        if (seriesBlue(img.getRGB(x, y))) {
          topX = x;
          topY = y;
        }
      }
    }
    assertEquals((int) Math.floor(l.xOf(BURST)), topX, "600 ms columns: the burst at 123.4 s is in column 205");
    assertEquals(l.plotLeft() + 205, topX, 0.0);
    // The burst fills one 100 ms bin with 400 events: 4000/s, on a scale up to the next round number, 5000/s.
    double expectedTop = b.plotBottom() - 4000.0 / 5000.0 * (b.plotHeight() - YScale.TOP_PAD);
    assertEquals(expectedTop, topY, 1.0);
  }

  @Test
  void aGapIsShadedAsNoDataWhileASilentStretchIsAZeroLine() {
    BufferedImage img = new BufferedImage(1148, 520, BufferedImage.TYPE_INT_RGB);
    TimelineLayout l = draw(request(), img);
    LaneBox b = lane(l, "cap/client.rate");
    int bottom = (int) b.plotBottom() - 1;
    int inGap = (int) l.xOf(T0 + 230 * S);
    int inQuiet = (int) l.xOf(T0 + 430 * S);
    assertEquals(Palette.STANDARD.noData().argb(), img.getRGB(inGap, bottom), "the gap is filled with the no-data grey");
    for (int y = (int) b.plotTop(); y <= bottom; y++) {
      assertFalse(seriesBlue(img.getRGB(inGap, y)), "nothing of the series is drawn in the gap, y " + y);
    }
    assertTrue(seriesBlue(img.getRGB(inQuiet, bottom)), "a silent but captured stretch shows the series at zero");
    assertTrue(seriesBlue(img.getRGB((int) l.xOf(T0 + 100 * S), bottom)));
  }

  @Test
  void anAnnotationAppearsAtTheXOfItsStartWithItsLabel() {
    BufferedImage img = new BufferedImage(1148, 520, BufferedImage.TYPE_INT_RGB);
    TimelineLayout l = draw(request(), img);
    double x0 = l.xOf(OUTAGE.span().startNanos());
    assertEquals(l.plotLeft() + 500, x0, 1e-9);
    LaneBox data = lane(l, "cap/client.rate");
    int mid = (int) (data.plotTop() + 5);
    assertTrue(outageRed(img.getRGB((int) x0, mid)) || outageRed(img.getRGB((int) x0 - 1, mid)), "the outage's start edge");
    assertFalse(outageRed(img.getRGB((int) x0 - 6, mid)), "nothing red before it");

    LaneBox notes = lane(l, Lane.ANNOTATIONS_KEY);
    Graphics2D g = img.createGraphics();
    List<PlacedLabel> placed = AnnotationLabelLayout.place(List.of(OUTAGE), l, notes, new Java2dPainter(g));
    g.dispose();
    assertEquals(1, placed.size());
    PlacedLabel p = placed.get(0);
    assertEquals(x0, p.x(), 1e-9);
    assertEquals("outage: ns1 dark", p.shownText());
    assertEquals(Palette.STANDARD.annotation(AnnotationKind.OUTAGE).argb(), img.getRGB((int) p.x() + 1, (int) (p.y() + p.height() / 2)),
        "the label's colour bar");
    int dark = 0;
    for (int x = (int) (p.x() + AnnotationLabelLayout.PAD); x < p.right() - AnnotationLabelLayout.PAD; x++) {
      for (int y = (int) p.y(); y < p.y() + p.height(); y++) {
        int c = img.getRGB(x, y);
        dark += (c >> 16 & 0xff) + (c >> 8 & 0xff) + (c & 0xff) < 300 ? 1 : 0;
      }
    }
    assertTrue(dark > 40, "the label's text is drawn inside its box: " + dark + " dark pixels");
  }

  @Test
  void theSvgParsesAndHoldsTheAnnotationLabelAtItsX() throws Exception {
    ExportRequest r = request();
    String svg = TimelineExport.svg(r);
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    assertEquals("svg", doc.getDocumentElement().getTagName());
    Element label = null;
    NodeList texts = doc.getElementsByTagName("text");
    List<String> all = new ArrayList<>();
    for (int i = 0; i < texts.getLength(); i++) {
      Element e = (Element) texts.item(i);
      all.add(e.getTextContent());
      if (e.getTextContent().equals("outage: ns1 dark")) {
        label = e;
      }
    }
    assertNotNull(label, "label text in " + all);
    TimelineLayout l = TimelineExport.layout(r, new Java2dPainter(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics()));
    assertEquals(l.xOf(OUTAGE.span().startNanos()) + AnnotationLabelLayout.PAD, Double.parseDouble(label.getAttribute("x")), 0.5);
    String group = "";
    for (org.w3c.dom.Node n = label.getParentNode(); n instanceof Element e && group.isEmpty(); n = n.getParentNode()) {
      group = e.getAttribute("id");
    }
    assertEquals("annotation-" + OUTAGE.id(), group, "the label sits in its annotation's group");
    assertTrue(all.contains("test"), "the title");
    assertTrue(all.contains("Sources: cap"), "the legend names the source: " + all);
    assertTrue(all.contains("cap  sha256:ab12"), "the footer gives its content hash");
    assertTrue(all.stream().anyMatch(s -> s.startsWith("Range 2010-02-01T20:00:00.000Z – 2010-02-01T20:10:00.000Z")));
    assertTrue(all.contains("2010-02-01 UTC"), "the axis states its zone");
  }

  @Test
  void aHighDpiPngHasScaledPixelsAndTheSpikeAtTheScaledX() {
    ExportRequest r = request().withSize(1148, 520, 2);
    BufferedImage img = TimelineExport.image(r);
    assertEquals(2296, img.getWidth());
    assertEquals(1040, img.getHeight());
    TimelineLayout l = TimelineExport.layout(r, new Java2dPainter(img.createGraphics()));
    int x = (int) Math.floor(l.xOf(BURST) * 2);
    LaneBox b = lane(l, "cap/client.rate");
    int y = (int) ((b.plotBottom() - 0.5 * (b.plotHeight() - YScale.TOP_PAD)) * 2);
    assertTrue(seriesBlue(img.getRGB(x, y)), "half-way up the burst's column");
    assertFalse(seriesBlue(img.getRGB(x - 6, y)), "not beside it");
  }

  @Test
  void aHundredMillisecondBurstStaysVisibleOnADayWideView() {
    long day = BurstSeries.DAY;
    long burst = BurstSeries.DAY_BURST;
    LanePlan plan = new LanePlanner(Palette.STANDARD).plan(List.of(BurstSeries.day()));
    ExportRequest r = new ExportRequest(plan, List.of(), List.of(), new TimeRange(T0, T0 + day), 1920, 400, 1, "", null);
    BufferedImage img = TimelineExport.image(r);
    TimelineLayout l = TimelineExport.layout(r, new Java2dPainter(img.createGraphics()));
    LaneBox b = lane(l, "cap/client.rate");
    // 300 events in 90 ms inside one 100 ms bin: 3000/s on a 5000/s scale; everything else is 10/s at most.
    int y = (int) (b.plotBottom() - 0.5 * (b.plotHeight() - YScale.TOP_PAD));
    int x = (int) Math.floor(l.xOf(burst));
    assertTrue(seriesBlue(img.getRGB(x, y)), "the burst's column reaches above half the height");
    for (int other = (int) l.plotLeft(); other < l.plotRight(); other++) {
      if (other != x) {
        assertFalse(seriesBlue(img.getRGB(other, y)), "only the burst's column is that tall, not column " + other);
      }
    }
  }

  @Test
  void aServerThatWentDarkIsRedInItsHeatRowAndTheOthersGreen() {
    List<org.dnsseismograph.series.ResolvableSeries> rows = new ArrayList<>();
    for (String server : List.of("192.0.2.1", "192.0.2.2")) {
      SampleSeriesWriter w = new SampleSeriesWriter(MetricId.of("upstream.server." + server + ".answer_ratio"), Unit.RATIO, S,
          LabelConvention.START, Consolidation.MIN);
      for (int sec = 0; sec < 600; sec++) {
        boolean dark = server.equals("192.0.2.1") && sec >= 300 && sec < 303;
        w.add(T0 + sec * S, dark ? 0 : 1);
      }
      rows.add(w.publish());
    }
    LanePlan plan = new LanePlanner(Palette.STANDARD).plan(List.of(SeriesSet.of("cap", rows)));
    ExportRequest r = new ExportRequest(plan, List.of(), List.of(), VIEW, 1148, 400, 1, "", null);
    BufferedImage img = TimelineExport.image(r);
    TimelineLayout l = TimelineExport.layout(r, new Java2dPainter(img.createGraphics()));
    LaneBox heat = lane(l, "cap/upstream.servers");
    double rowH = heat.plotHeight() / 2;
    int x = (int) l.xOf(T0 + 301 * S);
    int dark = (int) (heat.plotTop() + rowH / 2);
    int lit = (int) (heat.plotTop() + rowH * 1.5);
    assertEquals(Palette.STANDARD.heat(0).argb(), img.getRGB(x, dark));
    assertEquals(Palette.STANDARD.heat(1).argb(), img.getRGB(x, lit));
    assertEquals(Palette.STANDARD.heat(1).argb(), img.getRGB(x - 5, dark), "600 ms columns: five columns earlier it still answered");
  }

  /** Rows of {@code b}'s plot in which column x (or the one before, for anti-aliasing) is the outage's red. */
  private static double redRows(BufferedImage img, LaneBox b, double x) {
    int red = 0;
    int rows = 0;
    for (int y = (int) b.plotTop() + 1; y < b.plotBottom() - 1; y++) {
      rows++;
      red += outageRed(img.getRGB((int) x, y)) || outageRed(img.getRGB((int) x - 1, y)) ? 1 : 0;
    }
    return red / (double) rows;
  }

  @Test
  void aProposalIsDrawnDashedAndLabelledProposedAnAcceptedOneSolidAndARejectedOneNotAtAll() throws Exception {
    Annotation proposed = Annotation.proposed(AnnotationKind.OUTAGE, new TimeRange(T0 + 100 * S, T0 + 130 * S), "ns2 dark", "", "",
        List.of(), "OutageDetector");
    Annotation rejected = Annotation.proposed(AnnotationKind.OUTAGE, new TimeRange(T0 + 500 * S, T0 + 530 * S), "ns3 dark", "", "",
        List.of(), "OutageDetector").reject();
    ExportRequest r = new ExportRequest(request().plan(), List.of(OUTAGE, proposed, rejected), List.of(), VIEW, 1148, 520, 1, "", null);
    BufferedImage img = new BufferedImage(1148, 520, BufferedImage.TYPE_INT_RGB);
    TimelineLayout l = draw(r, img);
    LaneBox data = lane(l, "cap/client.rate");
    double solid = redRows(img, data, l.xOf(OUTAGE.span().startNanos()));
    double dashed = redRows(img, data, l.xOf(proposed.span().startNanos()));
    double none = redRows(img, data, l.xOf(rejected.span().startNanos()));
    assertTrue(solid > 0.9, "accepted: a solid edge, " + solid);
    assertTrue(dashed > 0.3 && dashed < 0.7, "proposed: 4 px dashes with 4 px gaps, " + dashed);
    assertEquals(0, none, 0.0, "rejected: not drawn");
    String svg = TimelineExport.svg(r);
    assertTrue(svg.contains(">proposed outage: ns2 dark<"), "the proposal's label says so");
    assertFalse(svg.contains("ns3 dark"), "the rejected one has no label");
  }

  /** p50 latency of 0.1 ms for 150 s, then 1, 10 and 1000 ms for 150 s each. */
  private static ExportRequest latencyDecades(ValueAxis axis) {
    SampleSeriesWriter w = new SampleSeriesWriter(MetricId.of("client.latency.p50"), Unit.MILLISECONDS, S, LabelConvention.START,
        Consolidation.MAX);
    double[] steps = {0.1, 1, 10, 1000};
    for (int sec = 0; sec < 600; sec++) {
      w.add(T0 + sec * S, steps[sec / 150]);
    }
    LanePlan plan = new LanePlanner(Palette.STANDARD).plan(List.of(SeriesSet.of("cap", List.of(w.publish()))));
    if (axis != null) {
      plan = plan.withAxis("cap/client.latency", axis);
    }
    return new ExportRequest(plan, List.of(), List.of(), VIEW, 1148, 400, 1, "", null);
  }

  /** The highest y of column x (a stretch's middle) whose pixel is the series' blue. */
  private static int topBlue(BufferedImage img, LaneBox b, double x) {
    for (int y = (int) b.plotTop(); y < b.plotBottom(); y++) {
      if (seriesBlue(img.getRGB((int) x, y))) {
        return y;
      }
    }
    return -1;
  }

  @Test
  void aLatencyLaneGivesEachDecadeTheSameHeightUntilTurnedLinear() throws Exception {
    ExportRequest r = latencyDecades(null);
    assertEquals(ValueAxis.LOG, r.plan().lane("cap/client.latency").axis(), "latency lanes start on a log axis");
    BufferedImage img = TimelineExport.image(r);
    TimelineLayout l = TimelineExport.layout(r, new Java2dPainter(img.createGraphics()));
    LaneBox b = lane(l, "cap/client.latency");
    double h = b.plotHeight() - YScale.TOP_PAD;
    // 0.1 ms to 1000 ms is four decades: 1 ms a quarter of the way up, 10 ms half-way, 1000 ms at the top.
    double[] share = {0, 0.25, 0.5, 1};
    for (int k = 0; k < 4; k++) {
      double x = l.xOf(T0 + (k * 150 + 75) * S);
      assertEquals(b.plotBottom() - share[k] * h, topBlue(img, b, x), 1.5, "stretch " + k);
    }
    String svg = TimelineExport.svg(r);
    assertTrue(svg.contains(">Client latency (ms, log)<"), "the title says the axis is log");
    for (String label : List.of(">1k ms<", ">10 ms<", ">0.1 ms<")) {
      assertTrue(svg.contains(label), "top, middle and bottom are labelled: " + label);
    }

    ExportRequest linear = latencyDecades(ValueAxis.LINEAR);
    BufferedImage flat = TimelineExport.image(linear);
    LaneBox lb = lane(TimelineExport.layout(linear, new Java2dPainter(flat.createGraphics())), "cap/client.latency");
    double lh = lb.plotHeight() - YScale.TOP_PAD;
    assertEquals(lb.plotBottom() - 10.0 / 1000 * lh, topBlue(flat, lb, l.xOf(T0 + 375 * S)), 1.5, "10 ms on a 0–1000 ms axis");
    assertTrue(TimelineExport.svg(linear).contains(">Client latency (ms)<"));
  }

  /**
   * A latency lane with no sample from 100 s to 110 s and none after 500 s, the capture observed up
   * to 500 s: the first stretch had nothing answered and is drawn as observed (no shading), the second
   * is unobserved and shaded "no data".
   */
  @Test
  void aLatencyStretchWithNothingAnsweredIsNotShadedAsUnobserved() {
    SampleSeriesWriter w = new SampleSeriesWriter(MetricId.of("client.latency.p50"), Unit.MILLISECONDS, S, LabelConvention.START,
        Consolidation.MAX);
    for (int sec = 0; sec < 500; sec++) {
      if (sec < 100 || sec >= 110) {
        w.add(T0 + sec * S, 1);
      }
    }
    w.setObserved(org.dnsseismograph.series.Coverage.of(new TimeRange(T0, T0 + 500 * S)));
    LanePlan plan = new LanePlanner(Palette.STANDARD).plan(List.of(SeriesSet.of("cap", List.of(w.publish()))));
    ExportRequest r = new ExportRequest(plan, List.of(), List.of(), VIEW, 1148, 400, 1, "", null);
    BufferedImage img = TimelineExport.image(r);
    TimelineLayout l = TimelineExport.layout(r, new Java2dPainter(img.createGraphics()));
    LaneBox b = lane(l, "cap/client.latency");
    int y = (int) (b.plotTop() + 3);
    assertFalse(Palette.STANDARD.noData().argb() == img.getRGB((int) l.xOf(T0 + 105 * S), y), "nothing answered: observed");
    assertEquals(Palette.STANDARD.noData().argb(), img.getRGB((int) l.xOf(T0 + 550 * S), y), "after the capture: no data");
  }
}
