package org.dnsseismograph.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.dnsseismograph.series.TimeRange;
import org.junit.jupiter.api.Test;

/** The annotations as other programs read them: JSON with the workspace's fields, CSV by RFC 4180. */
class AnnotationsExportTest {
  private static final long T0 = 1_795_633_755_658_124_000L;
  private static final Annotation OUTAGE = new Annotation("a1", AnnotationKind.OUTAGE, new TimeRange(T0, T0 + 20_010_132_000L),
      "example.test dark", "3 of 3 servers silent,\n\"no answers\"", "example.test.", List.of("127.0.0.21", "127.0.0.22"),
      AnnotationState.PROPOSED, "OutageDetector");
  private static final Annotation NOTE = new Annotation("n1", AnnotationKind.NOTE, new TimeRange(T0 + 1, T0 + 1), "restart", "", "",
      List.of(), AnnotationState.ACCEPTED, "");

  @Test
  void csvHasAHeaderAndOneQuotedLinePerAnnotation() {
    String csv = AnnotationsCsv.write(List.of(OUTAGE, NOTE));
    assertEquals("""
        id,kind,state,start,end,duration_ms,label,text,zone,servers,proposed_by
        a1,outage,proposed,2026-11-25T19:09:15.658124Z,2026-11-25T19:09:35.668256Z,20010.132,example.test dark,\
        "3 of 3 servers silent,
        ""no answers""\",example.test.,127.0.0.21 127.0.0.22,OutageDetector
        n1,note,accepted,2026-11-25T19:09:15.658124001Z,2026-11-25T19:09:15.658124001Z,0,restart,,,,
        """, csv);
  }

  @Test
  void fieldsAreQuotedOnlyWhenTheyMustBe() {
    assertEquals("plain", AnnotationsCsv.quote("plain"));
    assertEquals("", AnnotationsCsv.quote(""));
    assertEquals("\"a,b\"", AnnotationsCsv.quote("a,b"));
    assertEquals("\"say \"\"hi\"\"\"", AnnotationsCsv.quote("say \"hi\""));
    assertEquals("\"two\r\nlines\"", AnnotationsCsv.quote("two\r\nlines"));
  }

  @Test
  void jsonCarriesEveryFieldNanosecondExact() throws IOException {
    JsonNode root = new ObjectMapper().readTree(AnnotationsJson.write("storm", List.of(OUTAGE, NOTE)));
    assertEquals("dns-seismograph-annotations", root.get("format").asText());
    assertEquals("storm", root.get("title").asText());
    JsonNode a = root.get("annotations").get(0);
    assertEquals("2026-11-25T19:09:15.658124Z", a.get("start").asText());
    assertEquals(20_010_132_000L, a.get("durationNanos").asLong());
    assertEquals("proposed", a.get("state").asText());
    assertEquals("OutageDetector", a.get("proposedBy").asText());
    assertEquals(List.of("127.0.0.21", "127.0.0.22"), List.of(a.get("servers").get(0).asText(), a.get("servers").get(1).asText()));
    assertEquals("2026-11-25T19:09:15.658124001Z", root.get("annotations").get(1).get("end").asText());
  }
}
