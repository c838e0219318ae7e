package org.dnsseismograph.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HandOffTest {

  @Test
  void beyondItsItemsNewOnesAreDroppedAndCountedWithTheirTime() throws InterruptedException {
    HandOff<byte[]> q = new HandOff<>(4, 1 << 20, b -> b.length);
    for (int i = 0; i < 10; i++) {
      q.offer(new byte[10], 1000 + i);
    }
    assertEquals(4, q.depth());
    assertEquals(6, q.dropped());
    assertEquals(60, q.droppedBytes());
    assertEquals(1009, q.lastDropNanos());
    assertEquals(40, q.bytesQueued());
    assertEquals(10, q.poll(0).length);
    assertEquals(30, q.bytesQueued());
    assertTrue(q.offer(new byte[10], 2000), "room again after one was taken");
  }

  @Test
  void beyondItsBytesNewOnesAreDroppedToo() {
    HandOff<byte[]> q = new HandOff<>(100, 25, b -> b.length);
    assertTrue(q.offer(new byte[10], 1));
    assertTrue(q.offer(new byte[10], 2));
    assertFalse(q.offer(new byte[10], 3));
    assertTrue(q.offer(new byte[5], 4));
    assertEquals(1, q.dropped());
    assertEquals(25, q.bytesQueued());
  }

  @Test
  void drainingReleasesTheBytesOfWhatWasTaken() {
    HandOff<byte[]> q = new HandOff<>(100, 1000, b -> b.length);
    for (int i = 1; i <= 5; i++) {
      q.offer(new byte[i], i);
    }
    List<byte[]> out = new ArrayList<>();
    assertEquals(3, q.drainTo(out, 3));
    assertEquals(4 + 5, q.bytesQueued());
    assertEquals(2, q.drainTo(out, 10));
    assertEquals(0, q.bytesQueued());
    assertTrue(q.isEmpty());
  }

  @Test
  void afterCloseEverythingOfferedIsDroppedButWhatWaitsCanBeTaken() throws InterruptedException {
    HandOff<byte[]> q = new HandOff<>(10, 1000, b -> b.length);
    q.offer(new byte[1], 1);
    q.close();
    assertFalse(q.offer(new byte[1], 2));
    assertEquals(1, q.dropped());
    assertEquals(1, q.poll(0).length);
    assertNull(q.poll(1_000_000));
  }

  @Test
  void manyProducersLoseNothingUncounted() throws InterruptedException {
    HandOff<byte[]> q = new HandOff<>(1000, 1 << 30, b -> b.length);
    int producers = 4;
    int each = 50_000;
    CountDownLatch done = new CountDownLatch(producers);
    for (int p = 0; p < producers; p++) {
      Thread t = new Thread(() -> {
        for (int i = 0; i < each; i++) {
          q.offer(new byte[1], i);
        }
        done.countDown();
      });
      t.start();
    }
    AtomicLong taken = new AtomicLong();
    while (done.getCount() > 0 || !q.isEmpty()) {
      if (q.poll(1_000_000) != null) {
        taken.incrementAndGet();
      }
    }
    assertEquals((long) producers * each, taken.get() + q.dropped());
    assertEquals(0, q.bytesQueued());
  }
}
