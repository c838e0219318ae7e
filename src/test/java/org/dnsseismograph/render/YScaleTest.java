package org.dnsseismograph.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The log axis from first principles: decades of equal height between round ends. */
class YScaleTest {
  @Test
  void aLogScaleRunsFromThePowerOfTenUnderTheLowestValueToARoundTop() {
    assertEquals(new YScale(0.01, 2000, true), YScale.fittingLog(0.013, 1234));
    assertEquals(new YScale(1, 5, true), YScale.fittingLog(5, 5), "one value: from its decade's floor");
    assertEquals(new YScale(10, 100, true), YScale.fittingLog(10, 10), "a value on a power of ten: that decade");
    assertEquals(new YScale(0.001, 1000, true), YScale.fittingLog(1e-9, 1000), "at most six decades under the top");
    assertEquals(new YScale(1, 10, true), YScale.fittingLog(Double.POSITIVE_INFINITY, 0), "nothing positive in view");
  }

  @Test
  void eachDecadeHasTheSameHeightAndValuesAtOrBelowTheFloorLieOnIt() {
    YScale s = new YScale(0.1, 1000, true);
    assertEquals(0.25, s.share(1), 1e-12);
    assertEquals(0.5, s.share(10), 1e-12);
    assertEquals(0.75, s.share(100), 1e-12);
    assertEquals(0, s.share(0), 0);
    assertEquals(0, s.share(0.05), 0);
    assertArrayEquals(new double[] {1, 10, 100}, s.decades(), 1e-12, "the grid's lines, not at the ends");
    assertArrayEquals(new double[] {0.1, 1, 10, 100, 1000}, new YScale(0.01, 2000, true).decades(), 1e-12);
    assertArrayEquals(new double[0], new YScale(0, 100).decades(), 0, "a linear scale has no decades");
    assertEquals(0.1, new YScale(0, 100).share(10), 1e-12);
  }

  @Test
  void aLogScaleNeedsAPositiveFloor() {
    assertThrows(IllegalArgumentException.class, () -> new YScale(0, 10, true));
  }
}
