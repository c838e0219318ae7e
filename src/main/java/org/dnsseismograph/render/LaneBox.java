package org.dnsseismograph.render;

/**
 * Where a lane lies in a layout: from {@code top} down {@code height} logical pixels, its header
 * (title and legend) first, then its plot. Immutable.
 */
public record LaneBox(Lane lane, double top, double height) {

  public double bottom() {
    return top + height;
  }

  /** Top of the plot area, under the header. */
  public double plotTop() {
    return top + TimelineLayout.HEADER;
  }

  public double plotHeight() {
    return Math.max(1, height - TimelineLayout.HEADER);
  }

  public double plotBottom() {
    return plotTop() + plotHeight();
  }

  public boolean contains(double y) {
    return y >= top && y < bottom();
  }
}
