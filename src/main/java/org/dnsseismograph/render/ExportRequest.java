package org.dnsseismograph.render;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.workspace.Annotation;
import org.dnsseismograph.workspace.SourceRef;

/**
 * What to export: the lanes as arranged, the annotations, the sources (named in the legend with
 * their offsets and in the footer with their content hashes), the range (epoch ns, UTC), the size
 * in logical pixels with a scale for high-DPI PNGs, a title, and optionally a local zone for a
 * second axis row. Immutable.
 *
 * @param scale device pixels per logical pixel for PNG (2 for a retina screen); SVG ignores it
 */
public record ExportRequest(LanePlan plan, List<Annotation> annotations, List<SourceRef> sources, TimeRange range, int width, int height,
    double scale, String title, ZoneId localZone) {
  /** Smallest picture that still holds the margins and a lane. */
  public static final int MIN_SIZE = 320;
  /** Largest side accepted, so a typo cannot ask for gigabytes. */
  public static final int MAX_SIZE = 16_000;

  /**
   * @throws IllegalArgumentException for an empty range, a size outside {@link #MIN_SIZE}..{@link
   *     #MAX_SIZE}, or a scale outside 0.5..4
   */
  public ExportRequest {
    Objects.requireNonNull(plan, "plan");
    annotations = List.copyOf(annotations);
    sources = List.copyOf(sources);
    Objects.requireNonNull(range, "range");
    title = title == null ? "" : title;
    if (range.durationNanos() <= 0) {
      throw new IllegalArgumentException("empty range " + range);
    }
    if (width < MIN_SIZE || height < MIN_SIZE || width > MAX_SIZE || height > MAX_SIZE) {
      throw new IllegalArgumentException("size must be " + MIN_SIZE + ".." + MAX_SIZE + " pixels each way, got " + width + "x" + height);
    }
    if (!(scale >= 0.5 && scale <= 4)) {
      throw new IllegalArgumentException("scale must be 0.5..4, got " + scale);
    }
  }

  /** A 1920 × 1080 picture at scale 1, UTC only. */
  public static ExportRequest of(LanePlan plan, List<Annotation> annotations, List<SourceRef> sources, TimeRange range, String title) {
    return new ExportRequest(plan, annotations, sources, range, 1920, 1080, 1, title, null);
  }

  public ExportRequest withSize(int w, int h, double s) {
    return new ExportRequest(plan, annotations, sources, range, w, h, s, title, localZone);
  }

  public ExportRequest withRange(TimeRange r) {
    return new ExportRequest(plan, annotations, sources, r, width, height, scale, title, localZone);
  }

  public ExportRequest withLocalZone(ZoneId zone) {
    return new ExportRequest(plan, annotations, sources, range, width, height, scale, title, zone);
  }
}
