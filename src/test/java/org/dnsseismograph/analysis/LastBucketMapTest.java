package org.dnsseismograph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LastBucketMapTest {

  @Test
  void anAddressCountsOncePerBucketAndNotAgainWhenItComesBackOutOfOrder() {
    LastBucketMap m = new LastBucketMap(1000);
    assertTrue(m.mark(0, 1, 5));
    assertFalse(m.mark(0, 1, 5));
    assertTrue(m.mark(0, 2, 5));
    assertTrue(m.mark(0, 1, 6));
    assertFalse(m.mark(0, 1, 5), "seen in a later bucket already");
  }

  @Test
  void whenFullOnlyTheAddressesOfTheNewestBucketAreKept() {
    LastBucketMap m = new LastBucketMap(16);
    for (long a = 0; a < 15; a++) {
      assertTrue(m.mark(0, a, 1));
    }
    for (long a = 100; a < 104; a++) {
      assertTrue(m.mark(0, a, 2));
    }
    assertTrue(m.size() <= 16, "bounded: " + m.size());
    assertFalse(m.mark(0, 100, 2), "an address of the newest bucket is still known");
    assertEquals(0, m.forgotten());
  }

  @Test
  void tooManyAddressesInOneBucketStartAfreshAndSaySo() {
    LastBucketMap m = new LastBucketMap(16);
    for (long a = 0; a < 100; a++) {
      m.mark(0, a, 1);
    }
    assertTrue(m.forgotten() > 0);
    assertTrue(m.size() <= 32);
  }
}
