package org.dnsseismograph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClosingRingTest {
  private final List<String> closed = new ArrayList<>();
  /** Step 10, horizon 25: bucket [0, 10) closes once the clock is past 35. */
  private final ClosingRing<long[]> ring = new ClosingRing<>(10, 25, () -> new long[1], a -> a[0] = 0,
      (s, e, a) -> closed.add(s + "-" + e + ":" + a[0]));

  @Test
  void aBucketClosesOnceTheClockIsMoreThanTheHorizonPastItsEnd() {
    ring.at(3)[0]++;
    ring.advance(35);
    assertEquals(List.of(), closed, "exactly the horizon past the end: still open");
    ring.advance(36);
    assertEquals(List.of("0-10:1"), closed);
  }

  @Test
  void lateObservationsStillLandInOpenBucketsAndAreCountedOnceClosed() {
    ring.at(100)[0]++;
    ring.at(80)[0]++;
    ring.advance(200);
    assertNull(ring.at(90), "bucket 90 closed with the clock at 200");
    assertEquals(1, ring.late());
    assertEquals(List.of("80-90:1", "100-110:1"), closed);
  }

  @Test
  void bucketsCloseInTimeOrderEvenAfterAJumpAndAtTheEnd() {
    ring.at(5)[0]++;
    ring.at(12)[0] += 2;
    ring.at(1_000_000)[0]++;
    ring.at(1_000_004)[0]++;
    ring.finish();

    assertEquals(List.of("0-10:1", "10-20:2", "1000000-1000010:2"), closed);
    assertEquals(0, ring.openCount());
  }
}
