package org.dnsseismograph.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CoverageTest {

  @Test
  void overlappingAndTouchingIntervalsMergeInAnyOrder() {
    CoverageBuilder b = new CoverageBuilder();
    b.add(50, 60);
    b.add(10, 20);
    b.add(20, 30);
    b.add(70, 80);
    b.add(55, 72);
    b.add(0, 5);
    Coverage c = b.build();

    assertEquals("[0, 5) [10, 30) [50, 80)", describe(c));
    assertEquals(5 + 20 + 30, c.coveredNanos(new TimeRange(0, 100)));
    assertEquals(7, c.coveredNanos(new TimeRange(3, 15)));
    assertTrue(c.covers(10));
    assertFalse(c.covers(30));
    assertEquals(new TimeRange(0, 80), c.extent());
  }

  @Test
  void overlapsShiftsAndUnionsAreThoseOfTheIntervals() {
    Coverage c = Coverage.of(new TimeRange(10, 20)).with(new TimeRange(40, 50));

    assertFalse(c.overlaps(0, 10), "half-open: [0, 10) ends where [10, 20) begins");
    assertTrue(c.overlaps(19, 40));
    assertFalse(c.overlaps(20, 40), "the hole between them");
    assertTrue(c.overlaps(0, 100));
    assertFalse(c.overlaps(15, 15), "an empty span overlaps nothing");
    assertFalse(Coverage.NONE.overlaps(Long.MIN_VALUE, Long.MAX_VALUE));

    assertEquals("[-90, -80) [-60, -50)", describe(c.shifted(-100)));
    assertEquals(c, c.shifted(0));

    Coverage other = Coverage.of(new TimeRange(15, 45)).with(new TimeRange(70, 80));
    assertEquals("[10, 50) [70, 80)", describe(c.union(other)));
    assertEquals(c.union(other), other.union(c));
    assertEquals(c, c.union(Coverage.NONE));
    assertEquals(c, Coverage.NONE.union(c));
  }

  @Test
  void theTailsOfTheIntervalsAreWhatIsLeftOutWithoutThem() {
    Coverage c = Coverage.of(new TimeRange(100, 200)).with(new TimeRange(300, 302)).with(new TimeRange(400, 457));

    assertEquals("[100, 190) [400, 447)", describe(c.withoutTails(10)), "an interval shorter than its tail goes");
    assertEquals("[190, 200) [300, 302) [447, 457)", describe(c.tails(10, 1)));
    assertEquals("[180, 200) [300, 302) [440, 457)", describe(c.tails(10, 20)), "from the start of the 20-step it begins in: 190 in [180, 200)");
    assertEquals("[100, 200) [300, 302) [400, 457)", describe(c.tails(1000, 1)), "never before the interval");
    assertEquals(c, c.withoutTails(0));
    assertTrue(Coverage.NONE.tails(10, 1).isEmpty());
  }

  @Test
  void anEventExtendsTheObservationToItsGranule() {
    CoverageBuilder b = new CoverageBuilder();
    b.include(1234, 100);
    b.include(1950, 100);
    assertEquals("[1200, 2000)", describe(b.build()));
    b.add(5000, 6000);
    b.include(3050, 100);
    b.include(250, 100);
    assertEquals("[200, 3100) [5000, 6000)", describe(b.build()));
  }

  @Test
  void withAddsToAnImmutableCoverage() {
    Coverage c = Coverage.of(new TimeRange(0, 10));
    Coverage d = c.with(new TimeRange(5, 20)).with(new TimeRange(30, 40));
    assertEquals("[0, 10)", describe(c));
    assertEquals("[0, 20) [30, 40)", describe(d));
    assertTrue(Coverage.of(new TimeRange(5, 5)).isEmpty());
  }

  private static String describe(Coverage c) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < c.size(); i++) {
      s.append(i == 0 ? "" : " ").append('[').append(c.start(i)).append(", ").append(c.end(i)).append(')');
    }
    return s.toString();
  }
}
