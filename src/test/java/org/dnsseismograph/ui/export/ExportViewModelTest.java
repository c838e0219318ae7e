package org.dnsseismograph.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.dnsseismograph.render.ExportRequest;
import org.dnsseismograph.render.LanePlanner;
import org.dnsseismograph.render.Palette;
import org.dnsseismograph.series.EventSeriesWriter;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.ui.annotations.SpanText;
import org.dnsseismograph.ui.export.ExportViewModel.Format;
import org.dnsseismograph.workspace.Annotation;
import org.dnsseismograph.workspace.AnnotationKind;
import org.dnsseismograph.workspace.SourceRef;
import org.dnsseismograph.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export dialog's model, writing real files (both executors inline). */
class ExportViewModelTest {
  private static final long S = 1_000_000_000L;
  private static final long T0 = 1_795_633_705_000_000_000L;
  private static final TimeRange VIEW = new TimeRange(T0 + 60 * S, T0 + 120 * S);
  private static final Annotation MARK = Annotation.drawn(AnnotationKind.OUTAGE, new TimeRange(T0 + 90 * S, T0 + 100 * S), "dark");
  @TempDir Path dir;
  private ExportViewModel vm;
  private final List<Path> bundledFor = new ArrayList<>();

  @BeforeEach
  void exportOfAView() {
    EventSeriesWriter q = new EventSeriesWriter(MetricId.of("client.queries"));
    for (long k = 0; k < 600; k++) {
      q.append(T0 + k * 500_000_000L);
    }
    var plan = new LanePlanner(Palette.STANDARD).plan(List.of(SeriesSet.of("cap", List.of(q.sealAll()))));
    List<SourceRef> sources = List.of(new SourceRef("cap", "/data/cap.pcap", "sha256:ab", 0, ""));
    vm = new ExportViewModel(() -> new ExportRequest(plan, List.of(MARK), sources, VIEW, 1920, 1080, 1, "storm", null), zip -> {
      bundledFor.add(zip);
      return Workspace.empty().withTitle("storm").withSources(sources).withAnnotations(List.of(MARK));
    }, Runnable::run, Runnable::run, Clock.fixed(Instant.parse("2026-11-26T08:00:00Z"), ZoneOffset.UTC));
  }

  private static Path done(java.util.concurrent.CompletableFuture<Path> f) throws Exception {
    return f.get(30, TimeUnit.SECONDS);
  }

  @Test
  void aHighDpiPngOfTheCurrentViewHasScaledPixels() throws Exception {
    vm.targetProperty().set(dir.resolve("view.png"));
    vm.widthProperty().set(800);
    vm.heightProperty().set(400);
    vm.scaleProperty().set(2);
    assertNull(vm.problemProperty().get());
    assertEquals(VIEW, vm.request().range());
    Path out = done(vm.export());
    BufferedImage img = ImageIO.read(out.toFile());
    assertEquals(1600, img.getWidth());
    assertEquals(800, img.getHeight());
    assertEquals("Wrote " + out + " (1600×800)", vm.statusProperty().get());
  }

  @Test
  void aHeightTooShortForTheLanesSaysWhichAreLeftOutAndFitAllLanesMakesRoomForThem() throws Exception {
    List<org.dnsseismograph.series.EventSeries> many = new ArrayList<>();
    for (int k = 0; k < 30; k++) {
      many.add(org.dnsseismograph.series.EventSeries.of(MetricId.of(String.format(java.util.Locale.ROOT, "ops.metric%02d", k)), VIEW,
          T0 + 60 * S + k * S));
    }
    var plan = new LanePlanner(Palette.STANDARD).plan(List.of(SeriesSet.of("ops", many)));
    List<SourceRef> sources = List.of(new SourceRef("ops", "/data/ops.csv", "sha256:ab", 0, ""));
    ExportViewModel tall = new ExportViewModel(() -> new ExportRequest(plan, List.of(), sources, VIEW, 1920, 1080, 1, "storm", null),
        zip -> Workspace.empty(), Runnable::run, Runnable::run, Clock.systemUTC());
    tall.targetProperty().set(dir.resolve("ops.png"));
    tall.widthProperty().set(1148);
    tall.heightProperty().set(480);

    String note = tall.lanesNoteProperty().get();
    assertTrue(note.startsWith("At this height ") && note.contains(" lanes left out for want of room (ops.metric"), note);
    assertTrue(note.contains(" and ") && note.contains(" more)"), "a long list is cut: " + note);
    // 31 lanes of at least 40 px and 30 gaps of 6 px (1420), with the title, legend, axis and footer around them: 1537 px
    // (render.ExportResultTest works it out).
    assertTrue(note.endsWith("a height of 1537 px shows them all"), note);

    tall.fitAllLanes();
    assertEquals(1537, tall.heightProperty().get());
    assertEquals("", tall.lanesNoteProperty().get());
    Path out = done(tall.export());
    assertEquals(1537, ImageIO.read(out.toFile()).getHeight());
    assertEquals("Wrote " + out + " (1148×1537)", tall.statusProperty().get(), "nothing left out, nothing to say");

    tall.heightProperty().set(480);
    done(tall.export());
    assertTrue(tall.statusProperty().get().contains("; " + note.substring("At this height ".length())), tall.statusProperty().get());
  }

  @Test
  void aGivenRangeIsDrawnAndSvgIgnoresTheScale() throws Exception {
    vm.formatProperty().set(Format.SVG);
    vm.targetProperty().set(dir.resolve("range.svg"));
    vm.currentViewProperty().set(false);
    vm.fromProperty().set(SpanText.format(T0 + 85 * S));
    vm.toProperty().set("2026-11-25 19:10:10.500");
    vm.scaleProperty().set(3);
    assertEquals(new TimeRange(T0 + 85 * S, T0 + 105 * S + 500_000_000L), vm.request().range());
    assertEquals(1, vm.request().scale(), 0.0);
    String svg = Files.readString(done(vm.export()));
    assertTrue(svg.contains("Range 2026-11-25T19:09:50.000Z – 2026-11-25T19:10:10.500Z"), "the footer states the range");
    assertTrue(svg.contains(">outage: dark<"));
  }

  @Test
  void aBundleGetsTheWorkspaceForItsPlaceAndHoldsBothPictures() throws Exception {
    vm.formatProperty().set(Format.BUNDLE);
    vm.targetProperty().set(dir.resolve("evidence.zip"));
    Path zip = done(vm.export());
    assertEquals(List.of(zip), bundledFor);
    List<String> names = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        names.add(e.getName());
      }
    }
    assertEquals(List.of("timeline.png", "timeline.svg", "annotations.json", "annotations.csv", "workspace.seismograph.json",
        "manifest.json"), names);
  }

  @Test
  void problemsAreSaidAndTheFormatFollowsTheExtension() {
    assertEquals("choose a file to write", vm.problemProperty().get());
    vm.targetProperty().set(dir.resolve("view.png"));
    assertNull(vm.problemProperty().get());
    vm.formatProperty().set(Format.SVG);
    assertEquals(dir.resolve("view.svg"), vm.targetProperty().get(), "changing the format changes the extension");
    vm.targetProperty().set(dir.resolve("view.gif"));
    assertEquals("a SVG export is written to a .svg file", vm.problemProperty().get());
    vm.targetProperty().set(dir.resolve("view.svg"));
    vm.widthProperty().set(100);
    assertEquals("width and height must be 320 to 16000 pixels", vm.problemProperty().get());
    vm.widthProperty().set(1000);
    vm.scaleProperty().set(8);
    assertEquals("scale must be 0.5 to 4", vm.problemProperty().get());
    vm.scaleProperty().set(1);
    vm.currentViewProperty().set(false);
    vm.fromProperty().set("2026-11-25 19:10:00");
    vm.toProperty().set("2026-11-25 19:09:00");
    assertEquals("the range must end after it starts", vm.problemProperty().get());
    vm.toProperty().set("later");
    assertEquals("'later' is not a UTC time like 2026-11-25 19:09:15.658", vm.problemProperty().get());
    assertThrows(IllegalStateException.class, vm::export);
  }

  @Test
  void aFailedWriteIsTheStatusNotACrash() throws IOException {
    Path blocked = dir.resolve("a-file");
    Files.writeString(blocked, "x");
    vm.targetProperty().set(blocked.resolve("view.png"));
    ExecutionException e = assertThrows(ExecutionException.class, () -> done(vm.export()));
    assertTrue(vm.statusProperty().get().startsWith("Export failed: "), vm.statusProperty().get());
    assertTrue(e.getCause() != null);
  }
}
