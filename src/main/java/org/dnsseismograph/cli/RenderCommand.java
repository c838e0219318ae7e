package org.dnsseismograph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.dnsseismograph.analysis.AlignmentMetrics;
import org.dnsseismograph.render.ExportRequest;
import org.dnsseismograph.render.ExportResult;
import org.dnsseismograph.render.Lane;
import org.dnsseismograph.render.LaneDefaults;
import org.dnsseismograph.render.LanePlan;
import org.dnsseismograph.render.Palette;
import org.dnsseismograph.render.TimelineExport;
import org.dnsseismograph.render.WorkspacePlan;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code seismograph render (WORKSPACE.json | FILE...) --out FILE.png|FILE.svg}: the annotated
 * timeline as a picture, without a display (Java2D and SVG; JavaFX is never started). A workspace
 * is drawn with its sources, offsets, lanes, saved view and annotations; files are each their own
 * source with the lanes planned automatically. The picture goes to the file; one line on stderr
 * says what was drawn and what took the time (reading vs drawing, in wall time and in this
 * thread's CPU time, which a busy machine does not inflate), unless {@code --quiet}.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
    description = {"Draw the timeline of a workspace, or of captures and exports, as an image.",
        "PNG or SVG, no display needed. A workspace is drawn as saved: sources with",
        "their offsets, lanes, view and annotations."})
final class RenderCommand implements Callable<Integer> {
  private final PrintWriter out;
  private final PrintWriter err;

  @Parameters(arity = "1..*", paramLabel = "WORKSPACE.json|FILE", description =
      "A saved workspace, or captures, dnstap logs and exports (a folder of captures as its files).")
  List<Path> inputs = new ArrayList<>();

  @Option(names = "--out", required = true, paramLabel = "FILE.png|FILE.svg", description = "The picture to write; its extension picks the format.")
  Path outFile;

  @Option(names = {"-q", "--quiet"}, description = "No summary on stderr.")
  boolean quiet;

  @Mixin RenderProposals proposing = new RenderProposals();

  @Mixin PictureOptions picture = new PictureOptions();

  @Mixin CaptureOptions capture = new CaptureOptions();

  RenderCommand(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    String name = outFile.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!name.endsWith(".png") && !name.endsWith(".svg")) {
      throw new IllegalArgumentException("--out must end in .png or .svg, not " + outFile.getFileName());
    }
    picture.validate();
    capture.decodeOptions();
    capture.timeoutNanos();
    long c0 = threadCpuNanos();
    RenderInputs.Loaded in = load(inputs, capture, picture);
    RenderProposals.Proposed proposals = proposing.apply(in);
    if (proposals != null) {
      in = proposals.loaded();
    }
    ExportRequest r = request(in, picture);
    long c1 = threadCpuNanos();
    long t0 = System.nanoTime();
    ExportResult drawn;
    try {
      drawn = TimelineExport.write(r, outFile);
    } catch (IOException e) {
      throw new InputFailure(outFile, "cannot write: " + e.getMessage());
    }
    long drawNanos = System.nanoTime() - t0;
    long c2 = threadCpuNanos();
    // Said even with --quiet: the picture lacks what was asked for, which a script must hear of.
    if (drawn.leftLanesOut()) {
      err.println("seismograph: warning: " + outFile.getFileName() + ": " + drawn.summary() + " (--height " + drawn.heightForAll() + ")");
    }
    if (!quiet) {
      err.printf(Locale.ROOT, "seismograph: wrote %s (%dx%d at scale %s, %s, %d sources, %d annotations); read %s (hashing %s), drew %s;"
          + " CPU of this thread: reading %s, drawing %s%n",
          outFile, r.width(), r.height(), picture.scale, TimeUnits.formatDuration(r.range().durationNanos()), r.sources().size(),
          r.annotations().stream().filter(a -> a.state().isDrawn()).count(), seconds(in.readNanos()), seconds(in.hashNanos()),
          seconds(drawNanos), seconds(c1 - c0), seconds(c2 - c1));
      if (proposals != null) {
        err.printf(Locale.ROOT, "seismograph: proposed %d outage(s) found in the captures%n", proposals.count());
      }
    }
    out.flush();
    return ExitCode.OK;
  }

  /** The inputs read: a workspace, or files as sources. */
  static RenderInputs.Loaded load(List<Path> inputs, CaptureOptions capture, PictureOptions picture) {
    if (RenderInputs.isWorkspace(inputs)) {
      return RenderInputs.workspace(inputs.get(0), capture);
    }
    return RenderInputs.files(inputs, capture, picture.title == null ? "" : picture.title);
  }

  /**
   * What to draw: the workspace's arrangement over the lanes the window shows a new source with
   * (so a lane the workspace does not name, or a workspace that saved none, is shown or hidden as
   * the window would), over the range asked for, else its saved view, else everything.
   */
  static ExportRequest request(RenderInputs.Loaded in, PictureOptions picture) {
    Workspace w = picture.title == null ? in.workspace() : in.workspace().withTitle(picture.title);
    w = w.withLanes(defaultLanes(w.withLanes(List.of()), in).arrangedAs(w.lanes()).settings());
    TimeRange given = picture.from != null && picture.to != null ? picture.range(null) : null;
    ExportRequest r;
    try {
      r = WorkspacePlan.export(w, in.series(), given, picture.width, picture.height, picture.scale);
    } catch (IllegalArgumentException e) {
      throw new InputFailure("the sources hold no data to draw; give --from and --to to draw an empty range");
    }
    return given != null ? r : r.withRange(picture.range(r.range()));
  }

  private static LanePlan defaultLanes(Workspace w, RenderInputs.Loaded in) {
    LanePlan plan = WorkspacePlan.plan(w, in.series(), Palette.STANDARD);
    Set<String> shown = LaneDefaults.shownAtFirst(plan.lanes(), LaneDefaults.keyed(in.series(), in.exports(), AlignmentMetrics::rateSeries));
    for (Lane l : plan.lanes()) {
      plan = plan.withVisible(l.key(), shown.contains(l.key()));
    }
    return plan;
  }

  /** The CPU time of this thread (reading and drawing both run on it), or 0 where the JVM cannot tell. */
  private static long threadCpuNanos() {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    return mx.isCurrentThreadCpuTimeSupported() ? Math.max(0, mx.getCurrentThreadCpuTime()) : 0;
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
  }
}
