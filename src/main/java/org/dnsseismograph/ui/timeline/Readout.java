package org.dnsseismograph.ui.timeline;

import java.util.ArrayList;
import java.util.List;
import org.dnsseismograph.render.FrameData;
import org.dnsseismograph.render.Lane;
import org.dnsseismograph.render.LaneKind;
import org.dnsseismograph.render.LaneSeries;
import org.dnsseismograph.render.ValueFormat;
import org.dnsseismograph.series.ColumnBuffer;
import org.dnsseismograph.series.Unit;

/**
 * What the crosshair reads out at an instant: for every shown lane and series, the value of the
 * bucket drawn under it, read from the frame already reduced (no aggregation on the FX thread).
 * Stateless.
 */
final class Readout {
  /**
   * What a column observed but not decided reads: the input ended (or, live, has reached) less than
   * the timeout after its queries, so whether they are answered is not known.
   */
  static final String UNDECIDED = "undecided: within the timeout before the input's end";
  /** A column observed with nothing in it to measure: no query was answered, so there is no latency. */
  static final String QUIET = "none: nothing answered here";

  private Readout() {}

  static List<ReadoutLine> at(long t, List<Lane> lanes, FrameData frame) {
    List<ReadoutLine> out = new ArrayList<>();
    if (frame == null) {
      return out;
    }
    for (Lane lane : lanes) {
      ColumnBuffer[] bufs = frame.lane(lane.key());
      if (lane.kind() == LaneKind.ANNOTATIONS || bufs == null || bufs.length != lane.series().size()) {
        continue;
      }
      for (int k = 0; k < bufs.length; k++) {
        LaneSeries s = lane.series().get(k);
        out.add(new ReadoutLine(lane.title(), s.label(), value(bufs[k], bufs[k].columnAt(t), lane.unit()), s.colour()));
      }
    }
    return out;
  }

  /** The bucket under {@code t} of the first lane that has one, or null: the readout's heading says its span. */
  static ColumnBuffer bucketOwner(List<Lane> lanes, FrameData frame) {
    if (frame == null) {
      return null;
    }
    for (Lane lane : lanes) {
      ColumnBuffer[] bufs = frame.lane(lane.key());
      if (lane.kind() != LaneKind.ANNOTATIONS && bufs != null && bufs.length > 0) {
        return bufs[0];
      }
    }
    return null;
  }

  static String value(ColumnBuffer b, int i, Unit unit) {
    if (i < 0 || !b.hasData(i)) {
      return i < 0 ? "no data" : b.isUndecided(i) ? UNDECIDED : b.isQuiet(i) ? QUIET : "no data";
    }
    String v = ValueFormat.format(b.value(i), unit);
    if (b.min(i) == b.value(i) && b.max(i) == b.value(i)) {
      return v;
    }
    return v + " (" + ValueFormat.format(b.min(i), unit) + " – " + ValueFormat.format(b.max(i), unit) + ")";
  }
}
