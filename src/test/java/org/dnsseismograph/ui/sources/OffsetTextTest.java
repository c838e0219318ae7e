package org.dnsseismograph.ui.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OffsetTextTest {

  @ParameterizedTest(name = "{0} is {1} ns")
  @CsvSource(textBlock = """
      37,           37000000000
      +37s,         37000000000
      -1.5,         -1500000000
      -1.5 s,       -1500000000
      250ms,        250000000
      −2min,        -120000000000
      0,            0
      .000000001,   1
      +0.000250s,   250000
      1h,           3600000000000
      """)
  void typedOffsetsAreReadExactly(String typed, long nanos) {
    assertEquals(nanos, OffsetText.parse(typed));
  }

  @ParameterizedTest(name = "{0} ns shows as {1}")
  @CsvSource(textBlock = """
      37000000000,   +37s
      -1500000000,   -1.5s
      250000,        +0.00025s
      1,             +0.000000001s
      0,             0s
      -123456789012, -123.456789012s
      """)
  void offsetsAreShownExactlyWithTheirSign(long nanos, String shown) {
    assertEquals(shown, OffsetText.format(nanos));
    assertEquals(nanos, OffsetText.parse(shown), "what is shown reads back to the same offset");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "abc", "12 parsecs", "1.2.3s", "++4"})
  void textThatIsNoOffsetIsRefusedWithAReasonForPeople(String typed) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OffsetText.parse(typed));
    assertTrue(e.getMessage().contains("offset"), e.getMessage());
  }
}
