package org.dnsseismograph.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.dnsseismograph.series.Unit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueFormatTest {

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(textBlock = """
      0,        COUNT,        0/s
      0.5,      COUNT,        0.5/s
      12.34,    COUNT,        12.3/s
      250,      PER_SECOND,   250/s
      1250,     COUNT,        1.25k/s
      999999,   COUNT,        1M/s
      4500000,  NUMBER,       4.5M
      12.5,     MILLISECONDS, 12.5 ms
      0.97,     RATIO,        0.97
      0.00123,  NUMBER,       0.00123
      -2500,    NUMBER,       -2.5k
      NaN,      COUNT,        —
      """)
  void valuesReadShortWithTheirUnit(double v, Unit unit, String expected) {
    assertEquals(expected, ValueFormat.format(v, unit));
  }
}
