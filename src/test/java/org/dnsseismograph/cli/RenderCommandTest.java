package org.dnsseismograph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.dnsseismograph.render.Java2dPainter;
import org.dnsseismograph.render.TimelineExport;
import org.dnsseismograph.render.TimelineLayout;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.testsupport.Tshark;
import org.dnsseismograph.workspace.Annotation;
import org.dnsseismograph.workspace.AnnotationKind;
import org.dnsseismograph.workspace.LaneSettings;
import org.dnsseismograph.workspace.LaneStyle;
import org.dnsseismograph.workspace.SourceRef;
import org.dnsseismograph.workspace.ValueAxis;
import org.dnsseismograph.workspace.Workspace;
import org.dnsseismograph.workspace.WorkspaceJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code seismograph render} on the real demo capture: where things land in the picture, sizes, exit codes. */
class RenderCommandTest {
  private static final long S = 1_000_000_000L;
  private static final TimeRange OUTAGE = DemoIncident.outage();
  /** 40 s from 10 s before the outage: at 1148 px wide the plot has 1000 columns of 40 ms. */
  private static final TimeRange VIEW = new TimeRange(OUTAGE.startNanos() - 10 * S, OUTAGE.startNanos() + 30 * S);
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  @TempDir Path dir;

  private int run(String... args) {
    return SeismographCommand.run(args, request -> 99, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  /** A workspace in {@code dir} naming the demo capture by absolute path, with the outage marked and the view saved. */
  private Path workspace() throws IOException {
    Annotation marked = Annotation.drawn(AnnotationKind.OUTAGE, OUTAGE, "example.test dark").withTargets(DemoIncident.zone(),
        DemoIncident.servers());
    Workspace w = new Workspace("demo", List.of(new SourceRef("capture.pcap.gz", DemoIncident.CAPTURE.toAbsolutePath().toString(),
        Sha256sum.of(DemoIncident.CAPTURE), 0, "")), List.of(), VIEW, List.of(marked));
    Path f = dir.resolve("demo.seismograph.json");
    WorkspaceJson.save(w, f);
    return f;
  }

  private static boolean outageRed(int argb) {
    return (argb >> 16 & 0xff) - (argb & 0xff) > 40 && (argb >> 16 & 0xff) - (argb >> 8 & 0xff) > 40;
  }

  @Test
  void theMarkedOutageIsDrawnAtTheXOfItsTimesWithItsLabel() throws Exception {
    Path png = dir.resolve("demo.png");
    Path svg = dir.resolve("demo.svg");
    assertEquals(ExitCode.OK, run("render", workspace().toString(), "--out", png.toString(), "--width", "1148", "--height", "600"), err.toString());
    assertEquals(ExitCode.OK, run("render", workspace().toString(), "--out", svg.toString(), "--width", "1148", "--height", "600", "-q"));
    double left = TimelineLayout.LEFT_MARGIN;
    double x0 = left + 10.0 / 40 * 1000;
    double x1 = left + (OUTAGE.durationNanos() + 10 * S) / (40.0 * S) * 1000;
    assertEquals(382, x0, 0.0);
    assertEquals(882.2533, x1, 1e-9, "20.010132 s after the start: 30.010132 / 40 of 1000 columns");

    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(1148, img.getWidth());
    assertEquals(600, img.getHeight());
    int y = firstLanePlotTop(workspace(), img) + 4;
    assertTrue(outageRed(img.getRGB((int) x0, y)) || outageRed(img.getRGB((int) x0 - 1, y)), "the start edge at x " + x0);
    assertTrue(outageRed(img.getRGB((int) x1, y)) || outageRed(img.getRGB((int) x1 - 1, y)), "the end edge at x " + x1);
    for (int x = (int) x0 - 8; x <= (int) x0 - 3; x++) {
      assertFalse(outageRed(img.getRGB(x, y)), "nothing red just before the start, x " + x);
    }

    Element label = textElement(svg, "outage: example.test dark");
    assertNotNull(label, "the label is in the SVG");
    assertEquals(x0 + 5, Double.parseDouble(label.getAttribute("x")), 0.5, "the label starts at the outage, inside its padding");
    assertTrue(err.toString().contains("1 annotations"), err.toString());
  }

  /**
   * {@code --propose} marks what {@code detect} finds in the capture: the lab stopped example.test's
   * servers at truth.start, and the capture's first unanswered query after that is where the
   * proposal starts (within 100 ms, as the window's test holds it), drawn at that x.
   */
  @Test
  void proposedOutagesAreDrawnWhereTheLabStoppedTheServers() throws Exception {
    Path svg = dir.resolve("proposed.svg");
    long from = OUTAGE.startNanos() - 10 * S;
    assertEquals(ExitCode.OK, run("render", DemoIncident.CAPTURE.toString(), "--propose", "--out", svg.toString(), "--width", "1148",
        "--height", "1000", "--from", TimeUnits.format(from), "--to", TimeUnits.format(from + 40 * S)), err.toString());
    Element label = textElement(svg, "proposed outage: example.test. dark");
    assertNotNull(label, "the proposal's label: " + texts(svg));
    double atTruth = TimelineLayout.LEFT_MARGIN + 10.0 / 40 * 1000 + 5;
    // 1000 columns of 40 ms: 100 ms is 2.5 px
    assertEquals(atTruth, Double.parseDouble(label.getAttribute("x")), 2.5, "the proposal starts where the lab stopped the servers");
    assertTrue(err.toString().contains("proposed 1 outage(s) found in the captures"), err.toString());

    Path plain = dir.resolve("plain.svg");
    assertEquals(ExitCode.OK, run("render", DemoIncident.CAPTURE.toString(), "--out", plain.toString(), "-q"));
    assertTrue(texts(plain).stream().noneMatch(t -> t.contains("outage")), "without --propose nothing is marked");
  }

  /** The analyst's decision on a proposal stands: a rejected one is not proposed again, an accepted one is drawn as accepted. */
  @Test
  void aWorkspacesDecisionOnTheProposalIsDrawnAsSaved() throws Exception {
    List<Annotation> proposed = proposalsOf(DemoIncident.CAPTURE);
    assertEquals(1, proposed.size());
    Annotation detected = proposed.get(0);
    for (Annotation decided : List.of(detected.reject(), detected.accept())) {
      Workspace w = new Workspace("demo", List.of(new SourceRef("capture.pcap.gz", DemoIncident.CAPTURE.toAbsolutePath().toString(),
          Sha256sum.of(DemoIncident.CAPTURE), 0, "")), List.of(), VIEW, List.of(decided));
      Path f = dir.resolve("decided.seismograph.json");
      WorkspaceJson.save(w, f);
      Path svg = dir.resolve("decided.svg");
      assertEquals(ExitCode.OK, run("render", f.toString(), "--propose", "--out", svg.toString(), "-q"), err.toString());
      List<String> all = texts(svg);
      assertFalse(all.contains("proposed outage: example.test. dark"), decided.state() + ": not proposed again");
      assertEquals(decided.state().isDrawn(), all.contains("outage: example.test. dark"), decided.state() + " " + all);
    }
  }

  /** The capture's outages as the window proposes them. */
  private static List<Annotation> proposalsOf(Path capture) throws IOException {
    var report = org.dnsseismograph.analysis.CaptureDetect.run(new org.dnsseismograph.analysis.LoadRequest(List.of(capture),
        org.dnsseismograph.wire.DecodeOptions.defaults(), 3 * S), org.dnsseismograph.common.Progress.NONE).report();
    return org.dnsseismograph.analysis.OutageProposal.of(report, "capture.pcap.gz", 0).stream()
        .map(p -> Annotation.proposed(AnnotationKind.OUTAGE, p.span(), p.label(), p.detail(), p.zone(), p.servers(),
            org.dnsseismograph.analysis.OutageProposal.DETECTOR)).toList();
  }

  /**
   * The demo stops mid-traffic: its last timeout is observed but undecided for the answer ratios,
   * and said so; past its last message there is no data. The end comes from tshark.
   */
  @Test
  void theLastTimeoutOfTheCaptureSaysUndecidedAndWhatFollowsNoData() throws Exception {
    List<String> times = Tshark.fields(DemoIncident.CAPTURE, List.of(), "dns", "frame.time_epoch");
    long end = Tshark.epochNanos(times.get(times.size() - 1)) + 1;
    long from = Math.floorDiv(end, S) * S - 10 * S;
    Path svg = dir.resolve("end.svg");
    assertEquals(ExitCode.OK, run("render", DemoIncident.CAPTURE.toString(), "--out", svg.toString(), "--width", "1148", "--height", "1000",
        "--from", TimeUnits.format(from), "--to", TimeUnits.format(from + 20 * S), "-q"), err.toString());
    // 1000 columns of 20 ms from the plot's left edge
    java.util.function.LongToDoubleFunction x = t -> TimelineLayout.LEFT_MARGIN + (t - from) / (20.0 * S) * 1000;
    List<Double> undecided = textXs(svg, "undecided");
    List<Double> noData = textXs(svg, "no data");
    assertFalse(undecided.isEmpty(), "the answer-ratio lanes say it");
    for (double u : undecided) {
      assertTrue(u > x.applyAsDouble(end - 4 * S) && u < x.applyAsDouble(end), "undecided at x " + u + " lies in the last timeout (and its bucket)");
    }
    assertFalse(noData.isEmpty());
    for (double n : noData) {
      assertTrue(n > x.applyAsDouble(end), "no data at x " + n + " lies after the capture's end at x " + x.applyAsDouble(end));
    }
  }

  private static List<Double> textXs(Path svg, String text) throws Exception {
    return textElements(svg).stream().filter(e -> e.getTextContent().equals(text)).map(e -> Double.parseDouble(e.getAttribute("x"))).toList();
  }

  /** The top of the first lane's plot, from the layout the picture was drawn with (the lanes' heights are not what is tested). */
  private static int firstLanePlotTop(Path workspace, BufferedImage img) {
    PictureOptions p = new PictureOptions();
    p.width = 1148;
    p.height = 600;
    p.scale = 1;
    CaptureOptions c = new CaptureOptions();
    c.timeout = "3s";
    RenderInputs.Loaded in = RenderInputs.workspace(workspace, c);
    TimelineLayout l = TimelineExport.layout(RenderCommand.request(in, p), new Java2dPainter(img.createGraphics()));
    return (int) l.lanes().get(0).plotTop();
  }

  private static Element textElement(Path svg, String text) throws Exception {
    return textElements(svg).stream().filter(e -> e.getTextContent().equals(text)).findFirst().orElse(null);
  }

  private static List<String> texts(Path svg) throws Exception {
    return textElements(svg).stream().map(Element::getTextContent).toList();
  }

  private static List<Element> textElements(Path svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    NodeList texts = f.newDocumentBuilder().parse(svg.toFile()).getElementsByTagName("text");
    List<Element> all = new ArrayList<>();
    for (int i = 0; i < texts.getLength(); i++) {
      all.add((Element) texts.item(i));
    }
    return all;
  }

  @Test
  void filesAreDrawnWholeWithTheirContentHashInTheFooter() throws Exception {
    Path svg = dir.resolve("files.svg");
    assertEquals(ExitCode.OK, run("render", DemoIncident.CAPTURE.toString(), "--out", svg.toString(), "--title", "demo files", "-q"),
        err.toString());
    assertEquals("", out.toString(), "the picture goes to the file, nothing to stdout");
    List<String> all = texts(svg);
    assertTrue(all.contains("demo files"), all.toString());
    assertTrue(all.contains("capture.pcap.gz  " + Sha256sum.of(DemoIncident.CAPTURE)), "footer: " + all);
    assertTrue(all.contains("Sources: capture.pcap.gz"));
    assertTrue(Files.readString(svg).contains("width='1920.0' height='1080.0'"), "default width");
  }

  @Test
  void aDnstapLogIsDrawnAsACaptureIsWithItsLanesAndItsHash() throws Exception {
    Path log = Path.of("src/test/resources/org/dnsseismograph/capture/unbound.dnstap");
    Path svg = dir.resolve("dnstap.svg");
    assertEquals(ExitCode.OK, run("render", log.toString(), "--out", svg.toString(), "-q"), err.toString());
    List<String> all = texts(svg);
    assertTrue(all.contains("Sources: unbound.dnstap"), all.toString());
    assertTrue(all.contains("unbound.dnstap  " + Sha256sum.of(log)), "footer: " + all);
    assertTrue(all.contains("Client queries & responses (/s)") && all.contains("Upstream queries (/s)"), "the resolver's two sides: " + all);
  }

  @Test
  void piecesOfARotatedCaptureAreOneSourceHashedAsTheirBytesInTurn() throws Exception {
    // editcap cuts the demo capture into pieces of 25,000 frames, named as it names them: cut_00000_<time>.pcap
    Path pieces = Files.createDirectories(dir.resolve("pieces"));
    Process cut = new ProcessBuilder("editcap", "-c", "25000", DemoIncident.CAPTURE.toString(), pieces.resolve("cut.pcap").toString())
        .redirectErrorStream(true).start();
    String said = new String(cut.getInputStream().readAllBytes());
    assertEquals(0, cut.waitFor(), said);
    List<Path> files;
    try (var list = Files.list(pieces)) {
      files = list.sorted().toList();
    }
    assertTrue(files.size() >= 3, files.toString());
    Path svg = dir.resolve("pieces.svg");
    List<String> args = new ArrayList<>(List.of("render"));
    files.forEach(f -> args.add(f.toString()));
    args.addAll(List.of("--out", svg.toString(), "-q"));

    assertEquals(ExitCode.OK, run(args.toArray(String[]::new)), err.toString());

    String name = files.get(0).getFileName() + " +" + (files.size() - 1);
    // coreutils' sha256sum of the pieces' bytes one after another
    List<String> shell = new ArrayList<>(List.of("sh", "-c", "cat \"$@\" | sha256sum", "sh"));
    files.forEach(f -> shell.add(f.toString()));
    Process cat = new ProcessBuilder(shell).redirectErrorStream(true).start();
    String hash = "sha256:" + new String(cat.getInputStream().readAllBytes()).substring(0, 64);
    assertEquals(0, cat.waitFor());
    List<String> all = texts(svg);
    assertTrue(all.contains(name + "  " + hash), "footer: " + all);
    assertTrue(all.contains("Sources: " + name), all.toString());
    assertTrue(all.contains("Client queries & responses (/s)"), "one source: its lanes without its name; " + all);
  }

  @Test
  void aWorkspaceSavedWithoutHashesGetsTheHashOfWhatWasReadInTheFooter() throws Exception {
    Workspace w = new Workspace("no hash", List.of(new SourceRef("capture.pcap.gz", DemoIncident.CAPTURE.toAbsolutePath().toString(), "", 0,
        "")), List.of(), VIEW, List.of());
    Path f = dir.resolve("nohash.seismograph.json");
    WorkspaceJson.save(w, f);
    Path svg = dir.resolve("nohash.svg");
    assertEquals(ExitCode.OK, run("render", f.toString(), "--out", svg.toString(), "-q"), err.toString());
    List<String> all = texts(svg);
    assertTrue(all.contains("capture.pcap.gz  " + Sha256sum.of(DemoIncident.CAPTURE)), "footer: " + all);
    assertFalse(all.stream().anyMatch(t -> t.contains("content hash unknown")), "footer: " + all);
  }

  /** The analyst's choice of axis and style, saved in the workspace, is what {@code render} draws. */
  @Test
  void aLanesSavedAxisAndStyleAreDrawnAsSaved() throws Exception {
    Path svg = dir.resolve("files.svg");
    assertEquals(ExitCode.OK, run("render", DemoIncident.CAPTURE.toString(), "--out", svg.toString(), "-q"), err.toString());
    assertTrue(texts(svg).contains("Client latency (ms, log)"), "latency lanes start on a log axis: " + texts(svg));

    List<String> all = renderedWith("chosen", List.of(new LaneSettings("capture.pcap.gz/client.latency", true, 100, ValueAxis.LINEAR,
        LaneStyle.LINES), new LaneSettings("capture.pcap.gz/client.rate", true, 100, ValueAxis.LOG, LaneStyle.LINES)));
    assertTrue(all.contains("Client latency (ms)"), "turned linear: " + all);
    assertTrue(all.contains("Client queries & responses (/s, log)"), "turned log: " + all);
  }

  /** The texts of what {@code render} draws of a workspace of the demo capture over {@link #VIEW} with these lanes. */
  private List<String> renderedWith(String name, List<LaneSettings> lanes) throws Exception {
    Workspace w = new Workspace(name, List.of(new SourceRef("capture.pcap.gz", DemoIncident.CAPTURE.toAbsolutePath().toString(), "", 0, "")),
        lanes, VIEW, List.of());
    Path f = dir.resolve(name + ".seismograph.json");
    WorkspaceJson.save(w, f);
    Path svg = dir.resolve(name + ".svg");
    assertEquals(ExitCode.OK, run("render", f.toString(), "--out", svg.toString(), "-q"), err.toString());
    return texts(svg);
  }

  /**
   * A workspace that names some lanes only (written by hand, or saved before a lane existed): the
   * others are shown or hidden as the window first shows them, not all drawn.
   */
  @Test
  void lanesAWorkspaceDoesNotNameAreShownAsTheWindowShowsThem() throws Exception {
    List<String> all = renderedWith("some", List.of(new LaneSettings("capture.pcap.gz/upstream.latency", true, 120)));
    assertTrue(all.contains("Upstream latency (ms, log)"), "named and shown: " + all);
    assertTrue(all.contains("Client queries & responses (/s)"), "not named, shown at first by the window: " + all);
    assertFalse(all.contains("DNS queries & responses (/s)"), "not named, hidden at first by the window: " + all);
    assertFalse(err.toString().contains("left out"), err.toString());
  }

  @Test
  void filesWithoutSavedLanesShowTheLanesTheWindowOpensThemWith() throws Exception {
    Path svg = dir.resolve("defaults.svg");
    assertEquals(ExitCode.OK, run("render", DemoIncident.CAPTURE.toString(), "assets/demo/unbound-stats.txt", "--out", svg.toString(), "-q"),
        err.toString());
    List<String> all = texts(svg);
    // The capture's client side, and of Unbound's 151 statistics its query rate and incident figures:
    // what fits one screen, with nothing left out for want of room.
    assertTrue(all.contains("capture.pcap.gz · Client queries & responses (/s)"), all.toString());
    assertTrue(all.contains("unbound-stats.txt · total.num.queries (/s)"), all.toString());
    assertTrue(all.contains("unbound-stats.txt · num.answer.rcode.SERVFAIL (/s)"), all.toString());
    assertTrue(all.stream().noneMatch(t -> t.contains("packets.skipped") || t.contains("thread0.") || t.contains("left out")), all.toString());
  }

  /**
   * A picture too short for its lanes leaves some out: stderr says so even with --quiet, with the
   * height that shows them all, and that height draws every lane the short one named.
   */
  @Test
  void aPictureTooShortForItsLanesSaysWhichItLeftOutAndTheHeightThatShowsThemAll() throws Exception {
    Path shortSvg = dir.resolve("short.svg");
    assertEquals(ExitCode.OK, run("render", workspace().toString(), "--out", shortSvg.toString(), "--height", "400", "-q"));
    List<String> lines = err.toString().lines().toList();
    assertEquals(1, lines.size(), lines.toString());
    Matcher m = Pattern.compile("seismograph: warning: short\\.svg: (\\d+) lanes? left out for want of room \\((.*)\\); "
        + "a height of (\\d+) px shows them all \\(--height (\\d+)\\)").matcher(lines.get(0));
    assertTrue(m.matches(), lines.get(0));
    assertEquals(m.group(3), m.group(4));
    List<String> named = List.of(m.group(2).replaceAll(" and \\d+ more$", "").split(", "));
    List<String> shortTexts = texts(shortSvg);
    for (String lane : named) {
      assertFalse(shortTexts.stream().anyMatch(t -> isTitleOf(t, lane)), lane + " is not drawn in the short picture");
    }

    err.getBuffer().setLength(0);
    Path tallSvg = dir.resolve("tall.svg");
    assertEquals(ExitCode.OK, run("render", workspace().toString(), "--out", tallSvg.toString(), "--height", m.group(3), "-q"));
    assertEquals("", err.toString(), "nothing left out at the height it named");
    List<String> tallTexts = texts(tallSvg);
    for (String lane : named) {
      assertTrue(tallTexts.stream().anyMatch(t -> isTitleOf(t, lane)), lane + " is drawn at the height it named: " + tallTexts);
    }
  }

  /** A lane's title as drawn: its name, then its unit in parentheses when it has one. */
  private static boolean isTitleOf(String text, String lane) {
    return text.equals(lane) || text.startsWith(lane + " (");
  }

  @Test
  void scaleMultipliesThePixelsAndFromToPickTheRange() throws Exception {
    Path png = dir.resolve("zoom@2x.png");
    String from = org.dnsseismograph.series.TimeUnits.format(OUTAGE.startNanos() - 2 * S);
    assertEquals(ExitCode.OK, run("render", workspace().toString(), "--out", png.toString(), "--width", "800", "--height", "400",
        "--scale", "2", "--from", from, "-q"), err.toString());
    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(1600, img.getWidth());
    assertEquals(800, img.getHeight());
    Path svg = dir.resolve("zoom.svg");
    assertEquals(ExitCode.OK, run("render", workspace().toString(), "--out", svg.toString(), "--from", from, "-q"));
    assertTrue(texts(svg).stream().anyMatch(t -> t.startsWith("Range " + from + " – " + org.dnsseismograph.series.TimeUnits.format(
        VIEW.endNanos()))), "--from replaces the saved view's start, its end stays: " + texts(svg));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      --out x.gif                        | --out must end in .png or .svg, not x.gif
      --out x.png --width 100            | --width and --height must be 320..16000, not 100x1080
      --out x.png --scale 9              | --scale must be 0.5..4, not 9.0
      --out x.png --from 2026-11-25T19:10:00Z --to 2026-11-25T19:09:00Z | --to must be after --from
      --out x.png --from yesterday       | not an ISO-8601 time with offset or Z, nor epoch seconds: yesterday
      """)
  void badOptionsAreExitTwoWithOneLine(String options, String reason) {
    List<String> args = new ArrayList<>(List.of("render", DemoIncident.CAPTURE.toString()));
    for (String o : options.split(" ")) {
      args.add(o.equals("x.gif") || o.equals("x.png") ? dir.resolve(o).toString() : o);
    }
    assertEquals(ExitCode.BAD_USAGE, run(args.toArray(String[]::new)));
    assertEquals(List.of("seismograph: " + reason.replace("x.gif", "x.gif")), err.toString().lines().toList());
    assertFalse(Files.exists(dir.resolve("x.png")));
  }

  @Test
  void unreadableInputsAreExitOneWithOneLineNamingThem() throws IOException {
    assertEquals(ExitCode.UNREADABLE_INPUT, run("render", "/nonexistent/c.pcap", "--out", dir.resolve("x.png").toString()));
    assertEquals(List.of("seismograph: /nonexistent/c.pcap: no such file"), err.toString().lines().toList());

    Path ws = workspace();
    Path moved = dir.resolve("elsewhere.json");
    Files.writeString(moved, Files.readString(ws).replace(DemoIncident.CAPTURE.toAbsolutePath().toString(), "/gone/capture.pcap.gz"));
    StringWriter e2 = new StringWriter();
    int code = SeismographCommand.run(new String[] {"render", moved.toString(), "--out", dir.resolve("x.png").toString()}, r -> 99,
        new PrintWriter(out, true), new PrintWriter(e2, true));
    assertEquals(ExitCode.UNREADABLE_INPUT, code);
    assertEquals(List.of("seismograph: elsewhere.json: source capture.pcap.gz: missing (/gone/capture.pcap.gz); "
        + "open the workspace in the window to locate it"), e2.toString().lines().toList());
    assertFalse(Files.exists(dir.resolve("x.png")));
  }
}
