package org.dnsseismograph.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ColumnBufferTest {

  @ParameterizedTest(name = "{1} columns over {0} ns")
  @CsvSource(textBlock = """
      86400000000000, 1920
      50000000, 1920
      1000, 7
      3153600000000000000, 1920
      7, 7
      """)
  void columnsTileTheRangeWithoutOverlapAndAreFoundAgainByTime(long span, int columns) {
    long start = 1_264_982_400_000_000_000L;
    ColumnBuffer out = new ColumnBuffer();
    out.reset(new TimeRange(start, start + span), columns);

    assertEquals(start, out.columnStart(0));
    assertEquals(start + span, out.columnEnd(columns - 1));
    for (int i = 0; i < columns; i++) {
      long w = out.columnEnd(i) - out.columnStart(i);
      assertEquals(span / columns, w, 1, "column " + i);
      assertEquals(i, out.columnAt(out.columnStart(i)));
      assertEquals(i, out.columnAt(out.columnEnd(i) - 1));
      assertFalse(out.hasData(i));
    }
    assertEquals(-1, out.columnAt(start + span));
  }

  @Test
  void aStepMultipleRangeGivesStepAlignedColumns() {
    ColumnBuffer out = new ColumnBuffer();
    out.reset(new TimeRange(0, 3600L * 1_000_000_000L), 60);
    for (int i = 0; i < 60; i++) {
      assertEquals(i * 60_000_000_000L, out.columnStart(i));
    }
  }

  @Test
  void theBandAlwaysContainsTheValueAndNaNMeansNoData() {
    ColumnBuffer out = new ColumnBuffer(1);
    out.reset(new TimeRange(0, 10), 2);
    out.set(0, 5, 6, 7, 3);
    out.set(1, Double.NaN, 1, 2, 3);

    assertEquals(5, out.min(0));
    assertEquals(7, out.max(0));
    assertFalse(out.hasData(1));
    assertEquals(0, out.count(1));
    assertThrows(IllegalArgumentException.class, () -> out.reset(new TimeRange(0, 10), 0));
    assertThrows(IllegalArgumentException.class, () -> out.reset(new TimeRange(5, 5), 10));
  }

  @Test
  void aColumnWithoutDataIsUndecidedOnlyWhereItsTimeIsAndFollowsARelabel() {
    ColumnBuffer b = new ColumnBuffer();
    b.reset(new TimeRange(0, 100), 10);
    b.set(0, 1, 1, 1, 1);
    b.setUndecided(Coverage.of(new TimeRange(5, 25)));

    assertFalse(b.isUndecided(0), "a column with data is not undecided, whatever its time");
    assertTrue(b.isUndecided(1));
    assertTrue(b.isUndecided(2), "[20, 30) reaches into [5, 25)");
    assertFalse(b.isUndecided(3), "no data and outside: unobserved");

    b.relabel(new TimeRange(1000, 1100));
    assertTrue(b.isUndecided(1), "the undecided time moves with the columns");
    assertEquals(Coverage.of(new TimeRange(1005, 1025)), b.undecided());

    b.reset(new TimeRange(0, 100), 10);
    assertFalse(b.isUndecided(1), "a reset forgets it: the next series may have none");
    assertEquals(Coverage.NONE, b.undecided());
  }

  @Test
  void aColumnWithoutDataInObservedTimeIsQuietUnlessUndecidedAndFollowsARelabel() {
    ColumnBuffer b = new ColumnBuffer();
    b.reset(new TimeRange(0, 100), 10);
    b.set(0, 1, 1, 1, 1);
    b.setObserved(Coverage.of(new TimeRange(0, 60)));
    b.setUndecided(Coverage.of(new TimeRange(40, 60)));

    assertFalse(b.isQuiet(0), "a column with data is not quiet");
    assertTrue(b.isQuiet(1), "observed, nothing to measure");
    assertFalse(b.isQuiet(4), "undecided before quiet: its answers may come later");
    assertFalse(b.isQuiet(7), "past what was observed: unobserved");

    b.relabel(new TimeRange(1000, 1100));
    assertTrue(b.isQuiet(1));
    assertEquals(Coverage.of(new TimeRange(1000, 1060)), b.observed());

    b.reset(new TimeRange(0, 100), 10);
    assertFalse(b.isQuiet(1), "a reset forgets it");
  }
}
