package org.dnsseismograph.render;

import org.dnsseismograph.workspace.Annotation;

/**
 * Where an annotation's label is drawn in the annotations lane: its row, its box in logical pixels,
 * and the text shown (the full text, or a prefix ending in "…" when the next label needed the room).
 * Immutable.
 *
 * @param annotation the annotation labelled
 * @param fullText the whole label, for tooltips
 * @param shownText what fits
 * @param row the row, 0 at the top
 * @param x left edge
 * @param y top edge
 * @param width box width
 * @param height box height
 */
public record PlacedLabel(Annotation annotation, String fullText, String shownText, int row, double x, double y, double width,
    double height) {

  public boolean isElided() {
    return !shownText.equals(fullText);
  }

  public double right() {
    return x + width;
  }

  public boolean contains(double px, double py) {
    return px >= x && px < x + width && py >= y && py < y + height;
  }
}
