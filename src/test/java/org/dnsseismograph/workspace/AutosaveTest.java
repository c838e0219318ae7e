package org.dnsseismograph.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutosaveTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T19:30:00Z"), ZoneOffset.UTC);
  @TempDir Path dir;

  private static void await(CountDownLatch l) throws InterruptedException {
    assertTrue(l.await(10, TimeUnit.SECONDS), "the autosave thread wrote");
  }

  @Test
  void changesWithinTheMomentAreWrittenOnceWithTheNewestState() throws Exception {
    RecoveryStore store = new RecoveryStore(dir);
    List<Autosave.Outcome> outcomes = new CopyOnWriteArrayList<>();
    CountDownLatch wrote = new CountDownLatch(1);
    try (Autosave a = new Autosave(store, 300, CLOCK)) {
      a.setListener(o -> {
        outcomes.add(o);
        wrote.countDown();
      });
      Path file = dir.resolve("w.json");
      long first = a.changed(RecoveryStoreTest.edited().withTitle("one"), file);
      long second = a.changed(RecoveryStoreTest.edited().withTitle("two"), file);
      long third = a.changed(RecoveryStoreTest.edited().withTitle("three"), file);
      assertEquals(List.of(first + 1, first + 2), List.of(second, third));
      await(wrote);
      assertEquals(List.of(new Autosave.Outcome(third, null)), outcomes, "one write for the three changes");
      assertTrue(a.isWritten(first) && a.isWritten(third) && a.isCurrent());
      assertEquals("three", store.find(file).orElseThrow().workspace().title());
    }
  }

  @Test
  void discardDeletesTheCopyAfterAWriteUnderWayAndDropsWhatWasPending() throws Exception {
    RecoveryStore store = new RecoveryStore(dir);
    Path file = dir.resolve("w.json");
    CountDownLatch wrote = new CountDownLatch(1);
    try (Autosave a = new Autosave(store, 0, CLOCK)) {
      a.setListener(o -> wrote.countDown());
      a.changed(RecoveryStoreTest.edited(), file);
      await(wrote);
      assertTrue(Files.exists(store.fileFor(file)));
      a.changed(RecoveryStoreTest.edited().withTitle("pending"), file);
      a.discard(file);
    }
    assertFalse(Files.exists(store.fileFor(file)), "closing waited for the discard; nothing pending was written after it");
  }

  @Test
  void aFailedWriteIsKeptAndReportedNotThrown() throws Exception {
    Path notADir = dir.resolve("blocked");
    Files.writeString(notADir, "a file where the state directory should be");
    CountDownLatch wrote = new CountDownLatch(1);
    List<Autosave.Outcome> outcomes = new CopyOnWriteArrayList<>();
    try (Autosave a = new Autosave(new RecoveryStore(notADir.resolve("recovery")), 0, CLOCK)) {
      a.setListener(o -> {
        outcomes.add(o);
        wrote.countDown();
      });
      long g = a.changed(RecoveryStoreTest.edited(), null);
      await(wrote);
      assertNotNull(outcomes.get(0).failure());
      assertTrue(a.lastFailure() instanceof IOException);
      assertFalse(a.isWritten(g));
      assertFalse(a.isCurrent());
    }
  }

  @Test
  void closingWritesWhatIsStillPending() throws IOException {
    RecoveryStore store = new RecoveryStore(dir);
    Autosave a = new Autosave(store, 60_000, CLOCK);
    a.changed(RecoveryStoreTest.edited().withTitle("last"), null);
    a.close();
    assertEquals("last", store.find(null).orElseThrow().workspace().title());
  }
}
