package org.dnsseismograph.render;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What surrounds the lanes of one picture: its size in logical pixels, and for exports a title,
 * legend lines and footer lines; and whether the axis has a second row in a local zone. Immutable.
 *
 * @param width the picture's width in logical pixels
 * @param height the picture's height in logical pixels
 * @param title drawn at the top; empty for none (the screen's window title says it)
 * @param legend lines under the title (sources with their offsets); none on screen
 * @param footer lines at the bottom (sources with their content hashes); none on screen
 * @param localZone a zone for a second axis row, or null for UTC only
 */
public record LayoutSpec(double width, double height, String title, List<String> legend, List<String> footer, ZoneId localZone) {
  public LayoutSpec {
    Objects.requireNonNull(title, "title");
    legend = List.copyOf(legend);
    footer = List.copyOf(footer);
    if (!(width > 0) || !(height > 0)) {
      throw new IllegalArgumentException("picture must have a size, got " + width + "x" + height);
    }
  }

  /** A screen: lanes and axis only. */
  public static LayoutSpec screen(double width, double height, ZoneId localZone) {
    return new LayoutSpec(width, height, "", List.of(), List.of(), localZone);
  }
}
