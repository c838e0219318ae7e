package org.dnsseismograph.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeriesTableTest {
  private static final long S = TimeUnits.NANOS_PER_SECOND;
  /** 2010-02-01T20:49:10.000Z. */
  private static final long T0 = 1_265_057_350L * S;

  private static SeriesTable sample() {
    return new SeriesTable(T0, S, List.of(new SeriesTable.Column(MetricId.of("dns.queries"), Unit.COUNT),
        new SeriesTable.Column(MetricId.of("dns.latency.p50"), Unit.MILLISECONDS)), new double[][] {{12, 0, 7}, {3.5, Double.NaN, 0.000125}});
  }

  @Test
  void csvHasATimeColumnOfBucketStartsAndEmptyCellsForGaps() {
    assertEquals("""
        time,dns.queries,dns.latency.p50
        2010-02-01T20:49:10.000Z,12,3.5
        2010-02-01T20:49:11.000Z,0,
        2010-02-01T20:49:12.000Z,7,0.000125
        """, SeriesTableCsv.toString(sample()));
  }

  @Test
  void csvTimesKeepMillisecondsOfSubSecondSteps() {
    SeriesTable t = new SeriesTable(T0 + 7_000_000, 1_000_000, List.of(new SeriesTable.Column(MetricId.of("dns.queries"), Unit.COUNT)),
        new double[][] {{1, 2}});
    assertEquals("time,dns.queries\n2010-02-01T20:49:10.007Z,1\n2010-02-01T20:49:10.008Z,2\n", SeriesTableCsv.toString(t));
  }

  @ParameterizedTest
  @CsvSource(textBlock = """
      12.0,       12
      -3.0,       -3
      0.25,       0.25
      1.0E-7,     0.0000001
      123456789012.5, 123456789012.5
      Infinity,   Infinity
      -Infinity,  -Infinity
      """)
  void numbersArePlainDecimals(double value, String text) {
    assertEquals(text, SeriesTableCsv.formatNumber(value));
  }

  @Test
  void jsonCarriesTheSameTableWithStepUnitsAndNullGaps() throws Exception {
    JsonNode root = new ObjectMapper().readTree(SeriesTableJson.toString(sample()));

    assertEquals(1, root.get("version").asInt());
    assertEquals("2010-02-01T20:49:10.000Z", root.get("start").asText());
    assertEquals("2010-02-01T20:49:13.000Z", root.get("end").asText());
    assertEquals("1s", root.get("step").asText());
    assertEquals(S, root.get("stepNanos").asLong());
    assertEquals("dns.queries", root.get("metrics").get(0).get("name").asText());
    assertEquals("count", root.get("metrics").get(0).get("unit").asText());
    assertEquals("ms", root.get("metrics").get(1).get("unit").asText());
    JsonNode rows = root.get("rows");
    assertEquals(3, rows.size());
    assertEquals("2010-02-01T20:49:11.000Z", rows.get(1).get("time").asText());
    assertEquals(12, rows.get(0).get("dns.queries").asLong());
    assertEquals(3.5, rows.get(0).get("dns.latency.p50").asDouble());
    assertTrue(rows.get(1).get("dns.latency.p50").isNull());
    assertEquals(0.000125, rows.get(2).get("dns.latency.p50").asDouble());
    List<String> fields = List.of("time", "dns.queries", "dns.latency.p50");
    assertEquals(fields, iterate(rows.get(2).fieldNames()), "row fields in column order");
  }

  private static List<String> iterate(java.util.Iterator<String> it) {
    List<String> out = new java.util.ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  @Test
  void jsonOfAnEmptyTableIsStillValid() throws Exception {
    JsonNode root = new ObjectMapper().readTree(SeriesTableJson.toString(SeriesTable.empty(T0, S)));

    assertEquals(0, root.get("rows").size());
    assertEquals(0, root.get("metrics").size());
    assertEquals(root.get("start").asText(), root.get("end").asText());
  }

  @Test
  void jsonWritesInfinitiesAsStrings() throws Exception {
    SeriesTable t = new SeriesTable(0, S, List.of(new SeriesTable.Column(MetricId.of("x"), Unit.NUMBER)), new double[][] {{Double.POSITIVE_INFINITY}});
    JsonNode root = new ObjectMapper().readTree(SeriesTableJson.toString(t));

    assertEquals("Infinity", root.get("rows").get(0).get("x").asText());
    assertEquals("", root.get("metrics").get(0).get("unit").asText());
  }

  @Test
  void tableCopiesItsInputAndRejectsBadShapes() {
    double[][] values = {{1, 2}};
    SeriesTable t = new SeriesTable(T0, S, List.of(new SeriesTable.Column(MetricId.of("a"), Unit.COUNT)), values);
    values[0][0] = 99;
    assertEquals(1, t.value(0, 0));
    assertEquals(T0 + S, t.rowStartNanos(1));
    assertEquals(T0 + 2 * S, t.endNanos());
    assertEquals(-1, t.indexOf(MetricId.of("b")));

    SeriesTable.Column a = new SeriesTable.Column(MetricId.of("a"), Unit.COUNT);
    assertThrows(IllegalArgumentException.class, () -> new SeriesTable(T0, 0, List.of(a), new double[][] {{1}}));
    assertThrows(IllegalArgumentException.class, () -> new SeriesTable(T0, S, List.of(a, a), new double[][] {{1}, {2}}));
    assertThrows(IllegalArgumentException.class,
        () -> new SeriesTable(T0, S, List.of(a, new SeriesTable.Column(MetricId.of("b"), Unit.COUNT)), new double[][] {{1}, {2, 3}}));
    assertThrows(IllegalArgumentException.class, () -> new SeriesTable.Column(MetricId.of("time"), Unit.COUNT));
    assertFalse(t.toString().isEmpty());
  }
}
