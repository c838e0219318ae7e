package org.dnsseismograph.ui.annotations;

import static org.dnsseismograph.ui.annotations.Incident.S;
import static org.dnsseismograph.ui.annotations.Incident.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.workspace.Annotation;
import org.dnsseismograph.workspace.AnnotationKind;
import org.dnsseismograph.workspace.AnnotationState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnnotationFormTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      2026-11-25 19:09:15.658           | 2026-11-25T19:09:15.658Z
      2026-11-25 19:09:15               | 2026-11-25T19:09:15Z
      2026-11-25T19:09:15.658Z          | 2026-11-25T19:09:15.658Z
      2026-11-25 19:09:15.658124001 UTC | 2026-11-25T19:09:15.658124001Z
      '  2026-11-25 19:09:15.6  '       | 2026-11-25T19:09:15.600Z
      """)
  void utcTimesAreReadInTheFormsAnAnalystTypes(String typed, String instant) {
    assertEquals(TimeUnits.toNanos(java.time.Instant.parse(instant)), SpanText.parse(typed));
  }

  @ParameterizedTest
  @CsvSource({"19:09:15", "2026-11-25 25:00:00", "2026-11-25 19:09:15+01:00", "yesterday"})
  void otherTextIsRefusedWithAnExample(String typed) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpanText.parse(typed));
    assertEquals("'" + typed + "' is not a UTC time like 2026-11-25 19:09:15.658", e.getMessage());
  }

  @Test
  void spansAreWrittenToTheMillisecondWithTheDateOnce() {
    assertEquals("2026-11-25 19:08:25.000 – 19:08:27.500 (2.5s)", SpanText.span(T0, T0 + 2500 * Incident.MS));
    assertEquals("2026-11-25 19:08:25.000", SpanText.span(T0, T0));
  }

  @Test
  void untouchedTimesKeepTheirNanosecondsAndNothingChangedIsNoEdit() {
    Annotation outage = Incident.proposedOutage();
    AnnotationForm f = AnnotationForm.of(outage);
    assertEquals("2026-11-25 19:11:45.123", f.start());
    assertEquals(outage, f.applyTo(outage, false), "opening and closing the editor changes nothing, not even the 456789 ns");
  }

  @Test
  void anEditedProposalIsEditedAndADraftStaysAccepted() {
    Annotation outage = Incident.proposedOutage();
    AnnotationForm f = AnnotationForm.of(outage);
    AnnotationForm changed = new AnnotationForm(AnnotationKind.OUTAGE, " ns1-3 dark ", "seen by two ISPs", "example.test.",
        "127.0.0.21,127.0.0.22  127.0.0.23", "2026-11-25 19:11:45.000", f.end());
    Annotation a = changed.applyTo(outage, false);
    assertEquals(AnnotationState.EDITED, a.state());
    assertEquals("ns1-3 dark", a.label());
    assertEquals(List.of("127.0.0.21", "127.0.0.22", "127.0.0.23"), a.servers());
    assertEquals(new TimeRange(T0 + 200 * S, T0 + 220 * S), a.span());
    assertEquals("OutageDetector", a.proposedBy());
    assertEquals(outage.id(), a.id());

    Annotation draft = Annotation.drawn(AnnotationKind.SPIKE, new TimeRange(T0, T0 + S), "spike");
    Annotation drawn = new AnnotationForm(AnnotationKind.SPIKE, "burst", "", "ignored", "ignored too", SpanText.format(T0),
        SpanText.format(T0 + S)).applyTo(draft, true);
    assertEquals(AnnotationState.ACCEPTED, drawn.state());
    assertEquals("", drawn.zone(), "zone and servers belong to outages");
    assertEquals(List.of(), drawn.servers());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      blank label           | OUTAGE | ' '  | 2026-11-25 19:08:25.000 | 2026-11-25 19:08:26.000 | the label must not be empty
      end before start      | OUTAGE | x    | 2026-11-25 19:08:25.000 | 2026-11-25 19:08:24.000 | the end is before the start
      outage without length | OUTAGE | x    | 2026-11-25 19:08:25.000 | 2026-11-25 19:08:25.000 | an outage needs an end after its start
      spike without length  | SPIKE  | x    | 2026-11-25 19:08:25.000 | 2026-11-25 19:08:25.000 | a spike needs an end after its start
      unreadable time       | NOTE   | x    | soon                    | 2026-11-25 19:08:25.000 | 'soon' is not a UTC time like 2026-11-25 19:09:15.658
      """)
  void problemsAreSaidInAWordAndNoteAtAPointIsFine(String what, AnnotationKind kind, String label, String start, String end, String problem) {
    Annotation base = Annotation.drawn(AnnotationKind.NOTE, new TimeRange(T0, T0), "n");
    assertEquals(problem, new AnnotationForm(kind, label, "", "", "", start, end).problem(base, true));
    assertNull(new AnnotationForm(AnnotationKind.NOTE, "n", "", "", "", SpanText.format(T0), SpanText.format(T0)).problem(base, true));
  }
}
