package org.dnsseismograph.ui.panel;

import java.util.Objects;
import org.dnsseismograph.series.TimeRange;

/**
 * One entry of the side panel's detections list: a suspected authoritative outage or a spike, on
 * the timeline's axis (the capture's clock correction applied), with the words the list shows.
 * Immutable.
 *
 * @param kind outage or spike
 * @param title one line: "example.test dark (3 servers) 20.0s"
 * @param detail the evidence in a sentence or two (the list's tooltip)
 * @param span when it happened (epoch ns, UTC); an ongoing outage ends at the capture's end
 * @param source the capture it was found in
 */
public record Detection(Kind kind, String title, String detail, TimeRange span, String source) {
  /** What was detected. */
  public enum Kind {
    OUTAGE,
    SPIKE
  }

  public Detection {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(span, "span");
  }

  /**
   * What the timeline shows when the detection is clicked: the span with half its width on each
   * side (as a double-click on a feature fits it), and at least two seconds in all.
   */
  public TimeRange zoomRange() {
    long pad = Math.max(span.durationNanos() / 2, (MIN_VIEW_NANOS - span.durationNanos()) / 2);
    return new TimeRange(span.startNanos() - pad, span.endNanos() + pad);
  }

  private static final long MIN_VIEW_NANOS = 2_000_000_000L;
}
