package org.dnsseismograph.ui.sources;

import java.util.List;

/**
 * How far a source's load has come, for the status bar: the figures of the latest snapshot, or the
 * final ones. Immutable.
 *
 * @param fractionDone bytes read as a fraction 0..1; NaN while unknown
 * @param dnsMessages DNS messages seen so far (captures; 0 for exports)
 * @param frames frames read in all: known only at the end of a capture's load, -1 before
 * @param skipped what was skipped so far, most frequent first
 * @param complete true once the source was read to its end
 */
public record LoadFigures(double fractionDone, long dnsMessages, long frames, List<SkipLine> skipped, boolean complete) {
  /** Nothing read yet. */
  public static final LoadFigures NONE = new LoadFigures(Double.NaN, 0, -1, List.of(), false);

  public LoadFigures {
    skipped = List.copyOf(skipped);
  }

  /** Everything skipped, all reasons together. */
  public long skippedTotal() {
    return skipped.stream().mapToLong(SkipLine::count).sum();
  }
}
