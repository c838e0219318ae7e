package org.dnsseismograph.ui.annotations;

import java.util.Arrays;
import java.util.List;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.workspace.Annotation;
import org.dnsseismograph.workspace.AnnotationKind;
import org.dnsseismograph.workspace.AnnotationState;

/**
 * What the annotation editor's fields hold, as typed, and how they become an annotation: the
 * kind, label and free text, the zone and servers of an outage (servers separated by commas or
 * spaces), and the span as two UTC times to the millisecond ({@link SpanText}). A time left as
 * it was shown keeps the annotation's own nanoseconds, so opening and closing the editor never
 * rounds a detector's span. Immutable.
 *
 * @param kind the kind chosen
 * @param label the label (required)
 * @param text free text
 * @param zone the zone (outages only; ignored for other kinds)
 * @param servers the servers as typed (outages only)
 * @param start the start as typed
 * @param end the end as typed (equal to the start for a point note)
 */
public record AnnotationForm(AnnotationKind kind, String label, String text, String zone, String servers, String start, String end) {

  /** The form showing {@code a}. */
  public static AnnotationForm of(Annotation a) {
    return new AnnotationForm(a.kind(), a.label(), a.text(), a.zone(), String.join(", ", a.servers()), SpanText.format(a.span()
        .startNanos()), SpanText.format(a.span().endNanos()));
  }

  /**
   * Why the form cannot be applied to {@code base} (see {@link #applyTo}), or null when it can:
   * fit for a line under the fields.
   */
  public String problem(Annotation base, boolean fresh) {
    try {
      applyTo(base, fresh);
      return null;
    } catch (IllegalArgumentException | IllegalStateException e) {
      return e.getMessage();
    }
  }

  /**
   * The annotation {@code base} becomes with these fields. A {@code fresh} one (the analyst is
   * drawing it, {@code base} is the draft) keeps its state; an existing one moves to edited when
   * anything changed.
   *
   * @throws IllegalArgumentException when a field is invalid (blank label, unreadable time, end
   *     before start, an outage or spike without duration)
   */
  public Annotation applyTo(Annotation base, boolean fresh) {
    if (label == null || label.isBlank()) {
      throw new IllegalArgumentException("the label must not be empty");
    }
    long s = time(start, base.span().startNanos());
    long e = time(end, base.span().endNanos());
    if (e < s) {
      throw new IllegalArgumentException("the end is before the start");
    }
    if (kind != AnnotationKind.NOTE && e == s) {
      throw new IllegalArgumentException((kind == AnnotationKind.OUTAGE ? "an outage" : "a spike") + " needs an end after its start");
    }
    boolean outage = kind == AnnotationKind.OUTAGE;
    List<String> srv = outage ? Arrays.stream(servers == null ? new String[0] : servers.split("[,\\s]+")).filter(x -> !x.isBlank())
        .toList() : List.of();
    Annotation result = new Annotation(base.id(), kind, new TimeRange(s, e), label.strip(), text == null ? "" : text.strip(),
        outage ? (zone == null ? "" : zone.strip()) : "", srv, base.state(), base.proposedBy());
    boolean changed = !result.equals(base);
    if (!changed || fresh) {
      return result;
    }
    AnnotationState.transition(base.state(), AnnotationState.EDITED);
    return new Annotation(result.id(), result.kind(), result.span(), result.label(), result.text(), result.zone(), result.servers(),
        AnnotationState.EDITED, result.proposedBy());
  }

  private static long time(String typed, long original) {
    if (typed != null && typed.strip().equals(SpanText.format(original))) {
      return original;
    }
    return SpanText.parse(typed == null ? "" : typed);
  }
}
