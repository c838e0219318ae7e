package org.dnsseismograph.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.wire.SkipCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DnstapRecorderTest {
  /** The data frames of Unbound's real dnstap file. */
  private static List<byte[]> frames(Path file) throws IOException, FrameStreamException {
    List<byte[]> out = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      FrameStreamReader r = new FrameStreamReader(in);
      for (StreamFrame f = r.next(); f != null; f = r.next()) {
        if (f instanceof StreamFrame.Data d) {
          out.add(d.bytes());
        }
      }
    }
    return out;
  }

  @Test
  void keepingTheNewestDeletesTheOldestFilesEachKeptFileReadableWhole(@TempDir Path dir) throws IOException, FrameStreamException {
    List<byte[]> source = frames(DnstapFixtures.unboundFile());
    assertEquals(28, source.size());
    Recording rec = new Recording(dir, "tap.fstrm", Recording.MIN_ROTATE_BYTES, 0, 2 * Recording.MIN_ROTATE_BYTES);
    List<byte[]> written = new ArrayList<>();
    DnstapRecorder recorder = new DnstapRecorder(rec);
    long sourceBytes = source.stream().mapToLong(b -> b.length).sum();
    // About 5 MiB of frames in files of 1 MiB, at most two kept.
    for (long n = 0; n < 5L * Recording.MIN_ROTATE_BYTES; n += sourceBytes) {
      for (byte[] f : source) {
        recorder.write(f);
        written.add(f);
      }
    }
    recorder.close();

    List<Path> kept = recorder.files();
    assertEquals(2, kept.size(), kept.toString());
    assertTrue(recorder.deletedFiles() >= 3, recorder.deletedFiles() + " deleted");
    assertEquals(List.of(rec.file(recorder.deletedFiles() + 1), rec.file(recorder.deletedFiles() + 2)), kept);
    long onDisk = 0;
    List<byte[]> back = new ArrayList<>();
    for (Path p : kept) {
      onDisk += Files.size(p);
      assertTrue(Files.size(p) <= Recording.MIN_ROTATE_BYTES, p + ": " + Files.size(p) + " bytes");
      SkipCounter skips = new SkipCounter();
      DnstapFileSummary s = DnstapFileReader.read(p, (payload, m) -> { }, skips, Progress.NONE);
      List<byte[]> inFile = frames(p);
      assertEquals(0, skips.total(), p + " is a whole dnstap file, STOP included");
      assertEquals(inFile.size(), s.frames());
      back.addAll(inFile);
    }
    assertTrue(onDisk <= 2 * Recording.MIN_ROTATE_BYTES, onDisk + " bytes kept");
    for (int i = 1; i <= recorder.deletedFiles(); i++) {
      assertTrue(Files.notExists(rec.file(i)), rec.file(i) + " deleted");
    }
    List<byte[]> tail = written.subList(written.size() - back.size(), written.size());
    for (int i = 0; i < back.size(); i++) {
      assertArrayEquals(tail.get(i), back.get(i), "kept frame " + i + " is the written one");
    }
  }
}
