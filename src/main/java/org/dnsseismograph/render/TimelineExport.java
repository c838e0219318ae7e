package org.dnsseismograph.render;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.workspace.SourceRef;

/**
 * Exports a timeline as PNG or SVG without a display: the same layout and painter as the screen,
 * with a title, a legend naming each source and its clock offset, and a footer with the range and
 * each source's content hash so a reader can tell what the picture was made from. The series are
 * reduced on the calling thread (O(lanes × columns)). Stateless and thread-safe.
 */
public final class TimelineExport {
  private TimelineExport() {}

  /**
   * Writes a PNG or an SVG, chosen by {@code out}'s extension, and says which lanes it left out
   * for want of room (and the height that shows them all).
   */
  public static ExportResult write(ExportRequest r, Path out) throws IOException {
    String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".png")) {
      return writePng(r, out);
    } else if (name.endsWith(".svg")) {
      Files.writeString(out, svg(r), StandardCharsets.UTF_8);
      return result(r, new SvgPainter(r.width(), r.height()));
    } else {
      throw new IllegalArgumentException("export to .png or .svg, not " + out.getFileName());
    }
  }

  /** Writes a PNG and says which lanes it left out for want of room. */
  public static ExportResult writePng(ExportRequest r, Path out) throws IOException {
    BufferedImage img = image(r);
    // ImageIO.write(…, File) prints a stack trace to stderr when the file cannot be created; opening it ourselves throws instead.
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out))) {
      if (!ImageIO.write(img, "png", os)) {
        throw new IOException("no PNG writer in this Java runtime");
      }
    }
    Graphics2D g = img.createGraphics();
    try {
      return result(r, new Java2dPainter(g));
    } finally {
      g.dispose();
    }
  }

  /** The lanes an export of {@code r} leaves out, measured with {@code m}, and the height that shows them all. */
  public static ExportResult result(ExportRequest r, TextMeasure m) {
    List<String> left = leftOut(r, m);
    return new ExportResult(left, left.isEmpty() ? r.height() : heightForAll(r, m));
  }

  /** Titles of the shown lanes an export of {@code r} leaves out for want of room, in display order. */
  public static List<String> leftOut(ExportRequest r, TextMeasure m) {
    List<Lane> drawn = layout(r, m).lanes().stream().map(LaneBox::lane).toList();
    return r.plan().visibleLanes().stream().filter(l -> !drawn.contains(l)).map(Lane::title).toList();
  }

  /**
   * The least height, in logical pixels at {@code r}'s width, at which an export leaves no shown
   * lane out: found by bisection over whole pixels up to {@link ExportRequest#MAX_SIZE} (returned
   * when even that is too short), as a taller picture only ever leaves fewer lanes out.
   */
  public static int heightForAll(ExportRequest r, TextMeasure m) {
    int lo = Math.max(ExportRequest.MIN_SIZE, r.height());
    int hi = ExportRequest.MAX_SIZE;
    if (leftOut(r.withSize(r.width(), hi, r.scale()), m).size() > 0) {
      return hi;
    }
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (leftOut(r.withSize(r.width(), mid, r.scale()), m).isEmpty()) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** The picture as an image of {@code width × scale} by {@code height × scale} device pixels. */
  public static BufferedImage image(ExportRequest r) {
    int w = (int) Math.round(r.width() * r.scale());
    int h = (int) Math.round(r.height() * r.scale());
    // Opaque RGB: the picture has a white background, and Java2D fills translucent colours on it with native loops.
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.scale(r.scale(), r.scale());
      paint(r, new Java2dPainter(g));
    } finally {
      g.dispose();
    }
    return img;
  }

  /** The picture as an SVG document. */
  public static String svg(ExportRequest r) {
    SvgPainter p = new SvgPainter(r.width(), r.height());
    paint(r, p);
    return p.document();
  }

  /** Draws the whole picture onto {@code g} and returns its layout (for callers that check geometry). */
  public static TimelineLayout paint(ExportRequest r, Painter g) {
    TimelineLayout l = layout(r, g);
    int columns = (int) Math.round(l.columns() * Math.max(1, r.scale()));
    FrameData frame = FrameData.reduce(l.lanes().stream().map(LaneBox::lane).toList(), r.range(), columns);
    TimelinePainter tp = new TimelinePainter(Palette.STANDARD);
    tp.paintAxes(g, l);
    tp.paintAnnotations(g, l, r.annotations(), null);
    tp.paintSeries(g, l, frame);
    tp.paintFrame(g, l);
    return l;
  }

  /** How many lanes left out the footer names; the rest are counted. */
  static final int NAMED_LEFT_OUT = 6;

  /**
   * The layout an export of {@code r} uses, measured with {@code m}: lanes that do not fit the
   * height at their least readable sizes are left out from the last one up, and named in the footer.
   */
  public static TimelineLayout layout(ExportRequest r, TextMeasure m) {
    double width = r.width() - 24;
    String title = r.title().isEmpty() ? "DNS Seismograph" : r.title();
    List<String> legend = wrap("Sources: ", r.sources().stream().map(SourceRef::legendText).toList(), width, TextStyle.LABEL, m);
    List<String> footer = new ArrayList<>();
    footer.add("Range " + TimeUnits.format(r.range().startNanos()) + " – " + TimeUnits.format(r.range().endNanos()) + " ("
        + TimeUnits.formatDuration(r.range().durationNanos()) + "), all times UTC · drawn by DNS Seismograph");
    for (SourceRef s : r.sources()) {
      footer.add(s.name() + "  " + (s.contentHash().isEmpty() ? "content hash unknown" : s.contentHash()));
    }
    LanePlan plan = r.plan();
    List<String> left = new ArrayList<>();
    while (true) {
      List<String> lines = new ArrayList<>(footer);
      List<String> named = left.size() <= NAMED_LEFT_OUT ? left : new ArrayList<>(left.subList(0, NAMED_LEFT_OUT));
      if (named.size() < left.size()) {
        named.add("and " + (left.size() - named.size()) + " more");
      }
      lines.addAll(wrap(left.size() + (left.size() == 1 ? " lane" : " lanes") + " left out for want of room (a taller picture shows them): ",
          named, width, TextStyle.SMALL, m));
      TimelineLayout l = TimelineLayout.of(new LayoutSpec(r.width(), r.height(), title, legend, lines, r.localZone()), plan, r.range(), m);
      Lane drop = l.fits() ? null : lastDroppable(plan);
      if (drop == null) {
        return l;
      }
      plan = plan.withVisible(drop.key(), false);
      left.add(0, drop.title());
    }
  }

  /**
   * The lane to leave out when the lanes do not fit at their least readable heights: the last one
   * shown, never the annotations lane (the picture is evidence of them); null when none is left.
   */
  private static Lane lastDroppable(LanePlan plan) {
    List<Lane> shown = plan.visibleLanes();
    for (int i = shown.size() - 1; i >= 0; i--) {
      if (shown.get(i).kind() != LaneKind.ANNOTATIONS) {
        return shown.get(i);
      }
    }
    return null;
  }

  /** {@code items} joined with " · " after {@code lead}, broken into lines no wider than {@code width}. */
  static List<String> wrap(String lead, List<String> items, double width, TextStyle style, TextMeasure m) {
    List<String> lines = new ArrayList<>();
    if (items.isEmpty()) {
      return lines;
    }
    StringBuilder line = new StringBuilder(lead);
    boolean first = true;
    for (String item : items) {
      String next = first ? line + item : line + " · " + item;
      if (!first && m.textWidth(next, style) > width) {
        lines.add(line.toString());
        line = new StringBuilder("  " + item);
      } else {
        line = new StringBuilder(next);
      }
      first = false;
    }
    lines.add(Elide.toWidth(line.toString(), width, style, m));
    return lines;
  }
}
