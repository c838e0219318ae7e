package org.dnsseismograph.cli;

import org.dnsseismograph.render.ExportRequest;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.TimeUnits;
import picocli.CommandLine.Option;

/** Options of the verbs that draw a timeline ({@code render}, {@code bundle}): range, size, scale, title. */
final class PictureOptions {
  @Option(names = "--from", paramLabel = "TIME", description = "Start of the range drawn: ISO-8601 with offset or Z, or epoch seconds "
      + "(default: the workspace's saved view, else everything).")
  String from;

  @Option(names = "--to", paramLabel = "TIME", description = "End of the range drawn (same forms as --from).")
  String to;

  @Option(names = "--width", paramLabel = "W", defaultValue = "1920", description = "Width in pixels (default: ${DEFAULT-VALUE}).")
  int width;

  @Option(names = "--height", paramLabel = "H", defaultValue = "1080", description = "Height in pixels (default: ${DEFAULT-VALUE}).")
  int height;

  @Option(names = "--scale", paramLabel = "S", defaultValue = "1",
      description = "Device pixels per pixel for PNG, 0.5 to 4 (2 for high-DPI screens; default: ${DEFAULT-VALUE}).")
  double scale;

  @Option(names = "--title", paramLabel = "TEXT", description = "Title drawn above the timeline (default: the workspace's title).")
  String title;

  /** Fails early, before any reading, on sizes and scales an export would refuse. */
  void validate() {
    if (width < ExportRequest.MIN_SIZE || height < ExportRequest.MIN_SIZE || width > ExportRequest.MAX_SIZE
        || height > ExportRequest.MAX_SIZE) {
      throw new IllegalArgumentException("--width and --height must be " + ExportRequest.MIN_SIZE + ".." + ExportRequest.MAX_SIZE
          + ", not " + width + "x" + height);
    }
    if (!(scale >= 0.5 && scale <= 4)) {
      throw new IllegalArgumentException("--scale must be 0.5..4, not " + scale);
    }
    Long f = from == null ? null : TimeUnits.parseInstant(from);
    Long t = to == null ? null : TimeUnits.parseInstant(to);
    if (f != null && t != null && t <= f) {
      throw new IllegalArgumentException("--to must be after --from");
    }
  }

  /**
   * The range to draw: {@code --from}/{@code --to} where given, the rest from {@code fallback} (the
   * saved view or the sources' extent; may be null when both are given).
   */
  TimeRange range(TimeRange fallback) {
    if (from == null && to == null) {
      return fallback;
    }
    long f = from != null ? TimeUnits.parseInstant(from) : fallback.startNanos();
    long t = to != null ? TimeUnits.parseInstant(to) : fallback.endNanos();
    if (t <= f) {
      throw new IllegalArgumentException("the range " + TimeUnits.format(f) + " – " + TimeUnits.format(t) + " is empty");
    }
    return new TimeRange(f, t);
  }
}
