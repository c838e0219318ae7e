package org.dnsseismograph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class BatchHandOffTest {

  /** The work runs on another thread, sees the records in order and its flags come back with them. */
  @Test
  void theWorkerSeesEveryRecordInOrderAndItsFlagsComeBackWithThem() {
    List<Long> worked = new ArrayList<>();
    List<Long> odd = new ArrayList<>();
    Thread[] worker = new Thread[1];
    BatchHandOff h = new BatchHandOff(3, 10, b -> {
      worker[0] = Thread.currentThread();
      for (int i = 0; i < b.records(); i++) {
        worked.add(b.word(i, 0));
        b.setFlag(i, b.word(i, 1) % 2 == 1);
      }
    }, b -> {
      for (int i = 0; i < b.records(); i++) {
        if (b.flag(i)) {
          odd.add(b.word(i, 2));
        }
      }
    });
    for (long r = 0; r < 95; r++) {
      h.add(r, r * 3, -r);
    }
    h.flush();
    assertEquals(LongStream.range(0, 95).boxed().toList(), worked);
    // r * 3 is odd exactly when r is
    assertEquals(LongStream.range(0, 95).filter(r -> r % 2 == 1).map(r -> -r).boxed().toList(), odd);
    assertNotEquals(Thread.currentThread(), worker[0]);
  }

  @Test
  void aFailingWorkIsReportedToTheHandingThread() {
    IllegalArgumentException bug = new IllegalArgumentException("bug");
    BatchHandOff h = new BatchHandOff(3, 4, b -> {
      throw bug;
    }, BatchHandOff.Results.NONE);
    h.add(1, 2, 3);
    IllegalStateException e = assertThrows(IllegalStateException.class, h::flush);
    assertSame(bug, e.getCause());
  }
}
