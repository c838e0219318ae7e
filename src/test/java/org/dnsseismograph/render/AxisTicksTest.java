package org.dnsseismograph.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.TimeUnits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AxisTicksTest {
  private static final long T = TimeUnits.parseInstant("2010-02-01T20:49:10Z");
  private static final double WIDTH = 1776;

  /**
   * Expected steps from first principles with 7 px per character and an 18 px gap: the finest step
   * whose spacing (step / span × 1776 px) holds the widest label of that precision.
   */
  @ParameterizedTest(name = "{0} view -> {1} step, second label {2}")
  @CsvSource(textBlock = """
      10ms,  1ms,   20:49:10.001
      50ms,  5ms,   20:49:10.005
      1s,    100ms, 20:49:10.1
      7s,    500ms, 20:49:10.5
      60s,   5s,    20:49:15
      1h,    2min,  20:52
      """)
  void theStepGivesLabelsTheirRoomAndThePrecisionTheyNeed(String span, String step, String secondLabel) {
    TimeRange view = new TimeRange(T, T + TimeUnits.parseDuration(span));
    long s = AxisTicks.step(view, WIDTH, FixedMeasure.SEVEN);
    assertEquals(TimeUnits.parseDuration(step), s);
    List<Tick> ticks = AxisTicks.ticks(view, s, ZoneOffset.UTC);
    assertEquals(secondLabel, ticks.get(1).label());
    for (Tick t : ticks) {
      assertEquals(0, Math.floorMod(t.time(), s), "ticks sit on UTC multiples of the step");
      assertTrue(view.contains(t.time()));
    }
  }

  @Test
  void aDayFromMidnightShowsHoursAndTheDateAtMidnight() {
    long midnight = TimeUnits.parseInstant("2010-02-01T00:00:00Z");
    TimeRange day = new TimeRange(midnight, midnight + 86_400 * TimeUnits.NANOS_PER_SECOND);
    long s = AxisTicks.step(day, WIDTH, FixedMeasure.SEVEN);
    assertEquals(3600 * TimeUnits.NANOS_PER_SECOND, s);
    List<Tick> ticks = AxisTicks.ticks(day, s, ZoneOffset.UTC);
    assertEquals(24, ticks.size());
    assertEquals("2010-02-01", ticks.get(0).label());
    assertEquals("13:00", ticks.get(13).label());
    assertEquals("2010-02-01 UTC", AxisTicks.context(midnight, s, ZoneOffset.UTC));
  }

  @Test
  void aViewAcrossMidnightLeavesRoomForTheDateAndLabelsIt() {
    long before = TimeUnits.parseInstant("2010-02-01T22:00:00Z");
    TimeRange view = new TimeRange(before, before + 4 * 3600 * TimeUnits.NANOS_PER_SECOND);
    long s = AxisTicks.step(view, WIDTH, FixedMeasure.SEVEN);
    double spacing = s * WIDTH / view.durationNanos();
    assertTrue(spacing >= 7 * "2010-02-02".length() + AxisTicks.LABEL_GAP, "spacing " + spacing);
    assertTrue(AxisTicks.ticks(view, s, ZoneOffset.UTC).stream().anyMatch(t -> t.label().equals("2010-02-02")));
  }

  @Test
  void theLocalRowLabelsTheSameInstantsInItsZone() {
    ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");
    TimeRange view = new TimeRange(T, T + 60 * TimeUnits.NANOS_PER_SECOND);
    List<Tick> local = AxisTicks.ticks(view, 5 * TimeUnits.NANOS_PER_SECOND, amsterdam);
    assertEquals("21:49:15", local.get(1).label(), "UTC+1 in February");
    assertEquals("2010-02-01 Europe/Amsterdam", AxisTicks.context(T, 5 * TimeUnits.NANOS_PER_SECOND, amsterdam));
  }
}
