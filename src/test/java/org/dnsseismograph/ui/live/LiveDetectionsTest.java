package org.dnsseismograph.ui.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which files of a rotated recording a live check reads: the newest, up to a bound, never none. */
class LiveDetectionsTest {
  private static final long MB = 1L << 20;
  private static final Path A = Path.of("live-00001.pcap");
  private static final Path B = Path.of("live-00002.pcap");
  private static final Path C = Path.of("live-00003.pcap");
  private static final Path D = Path.of("live-00004.pcap");
  private static final Map<Path, Long> SIZES = Map.of(A, 400 * MB, B, 400 * MB, C, 400 * MB, D, 100 * MB);

  @Test
  void theOldestKeptFileIsNotReadOnceTheRecordingDeletesFiles() {
    assertEquals(List.of(A, B, C), LiveDetections.checkable(List.of(A, B, C), 0), "nothing deleted yet: all of it");
    assertEquals(List.of(B, C), LiveDetections.checkable(List.of(A, B, C), 4), "A is the next to be deleted");
    assertEquals(List.of(C), LiveDetections.checkable(List.of(C), 4), "the file being written is always read");
  }

  @Test
  void theNewestFilesWithinTheBoundAreRead() {
    assertEquals(List.of(B, C, D), LiveDetections.newest(List.of(A, B, C, D), 1024 * MB, SIZES::get));
    assertEquals(List.of(A, B, C, D), LiveDetections.newest(List.of(A, B, C, D), 1300 * MB, SIZES::get), "all of it fits exactly");
    assertEquals(List.of(A), LiveDetections.newest(List.of(A), 100 * MB, SIZES::get), "one file larger than the bound is still read");
    assertEquals(List.of(D), LiveDetections.newest(List.of(A, B, C, D), 100 * MB, SIZES::get));
    assertEquals(List.of(), LiveDetections.newest(List.of(), 100 * MB, SIZES::get));
  }
}
