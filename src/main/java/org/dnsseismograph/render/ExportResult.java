package org.dnsseismograph.render;

import java.util.List;

/**
 * What an export drew, beyond the picture: the titles of the shown lanes it left out because they
 * did not fit the height at their least readable sizes (in display order; empty when every shown
 * lane is in the picture; the picture's footer names them too), and the least height in logical
 * pixels, at the same width, that shows them all (the height asked when nothing was left out;
 * {@link ExportRequest#MAX_SIZE} when even that is too short). Immutable.
 *
 * @param leftOut titles of the lanes left out for want of room
 * @param heightForAll least picture height, in logical pixels, that leaves no lane out
 */
public record ExportResult(List<String> leftOut, int heightForAll) {
  public ExportResult {
    leftOut = List.copyOf(leftOut);
  }

  /** Whether a lane was left out. */
  public boolean leftLanesOut() {
    return !leftOut.isEmpty();
  }

  /**
   * One line for a person: how many lanes were left out (the first few named, as in the picture's
   * footer) and the height that shows them, or empty when none was.
   */
  public String summary() {
    if (leftOut.isEmpty()) {
      return "";
    }
    int named = Math.min(leftOut.size(), TimelineExport.NAMED_LEFT_OUT);
    String more = named < leftOut.size() ? " and " + (leftOut.size() - named) + " more" : "";
    return leftOut.size() + (leftOut.size() == 1 ? " lane" : " lanes") + " left out for want of room (" + String.join(", ",
        leftOut.subList(0, named)) + more + "); a height of " + heightForAll + " px shows them all";
  }
}
