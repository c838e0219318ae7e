package org.dnsseismograph.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.dnsseismograph.testsupport.Captures;
import org.dnsseismograph.testsupport.Tshark;
import org.dnsseismograph.wire.CaptureFiles;
import org.dnsseismograph.wire.CaptureFormat;
import org.dnsseismograph.wire.FrameReader;
import org.dnsseismograph.wire.RawFrame;
import org.dnsseismograph.wire.SkipCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PcapRecorderTest {
  private static final Path SOURCE = Captures.file("pktvisor-dns_udp_tcp_random.pcap");

  /** The frames of a real capture: time, original length, bytes. */
  private record Frame(long t, int originalLength, byte[] data, int linkType) {}

  private static List<Frame> frames(Path file) throws IOException {
    List<Frame> out = new ArrayList<>();
    try (FrameReader r = CaptureFiles.open(file, new SkipCounter())) {
      RawFrame f = new RawFrame();
      while (r.next(f)) {
        out.add(new Frame(f.timestampNanos, f.originalLength, f.copyBytes(), f.linkType));
      }
    }
    return out;
  }

  @Test
  void rotatingBySizeKeepsEveryFrameInOrderWithEachFileUnderTheLimit(@TempDir Path dir) throws IOException {
    List<Frame> source = frames(SOURCE);
    Recording rec = new Recording(dir, "rot.pcap", Recording.MIN_ROTATE_BYTES, 0);
    PcapRecorder recorder = new PcapRecorder(rec, source.get(0).linkType(), 262_144, CaptureFormat.PCAP_NANO);
    for (Frame f : source) {
      recorder.write(f.t(), f.data(), f.originalLength());
    }
    recorder.close();

    List<Path> files = recorder.files();
    long total = 0;
    for (Path p : files) {
      total += Files.size(p);
      assertTrue(Files.size(p) <= Recording.MIN_ROTATE_BYTES, p + " is " + Files.size(p) + " bytes");
    }
    assertEquals(total, recorder.bytes());
    // 1.7 MB of frames in 1 MiB files: two files, numbered.
    assertEquals(List.of(dir.resolve("rot-00001.pcap"), dir.resolve("rot-00002.pcap")), files);
    List<Frame> back = new ArrayList<>();
    for (Path p : files) {
      back.addAll(frames(p));
    }
    assertEquals(source.size(), back.size());
    assertEquals(source.size(), recorder.records());
    for (int i = 0; i < source.size(); i++) {
      assertEquals(source.get(i).t(), back.get(i).t(), "time of frame " + i);
      assertEquals(source.get(i).originalLength(), back.get(i).originalLength());
      assertArrayEquals(source.get(i).data(), back.get(i).data(), "bytes of frame " + i);
    }
    if (Tshark.available()) {
      long tsharkFrames = 0;
      for (Path p : files) {
        tsharkFrames += Tshark.fields(p, List.of(), null, "frame.number").size();
      }
      assertEquals(source.size(), tsharkFrames, "tshark reads every rotated file whole");
    }
  }

  @Test
  void keepingTheNewestDeletesTheOldestFilesAndOnlyThose(@TempDir Path dir) throws IOException {
    List<Frame> source = frames(SOURCE);
    Path foreign = Files.writeString(dir.resolve("keep-00001.pcap.notes"), "an analyst's file beside the recording");
    Recording rec = new Recording(dir, "keep.pcap", Recording.MIN_ROTATE_BYTES, 0, 3 * Recording.MIN_ROTATE_BYTES);
    PcapRecorder recorder = new PcapRecorder(rec, source.get(0).linkType(), 262_144, CaptureFormat.PCAP_NANO);
    List<Frame> written = new ArrayList<>();
    // The real capture four times over, 1.7 MB each time: about 7 MB in 1 MiB files.
    for (int round = 0; round < 4; round++) {
      for (Frame f : source) {
        long t = f.t() + round * 3_600_000_000_000L;
        recorder.write(t, f.data(), f.originalLength());
        written.add(new Frame(t, f.originalLength(), f.data(), f.linkType()));
      }
      long onDisk = 0;
      for (Path p : recorder.files()) {
        onDisk += Files.size(p);
      }
      assertTrue(onDisk <= 3 * Recording.MIN_ROTATE_BYTES, "round " + round + ": " + onDisk + " bytes kept");
    }
    recorder.close();

    List<Path> kept = recorder.files();
    int numbered = kept.size() + recorder.deletedFiles();
    assertTrue(numbered >= 7 && kept.size() >= 2 && kept.size() <= 3, kept + ", " + recorder.deletedFiles() + " deleted");
    List<Path> expected = new ArrayList<>();
    for (int i = recorder.deletedFiles() + 1; i <= numbered; i++) {
      expected.add(rec.file(i));
    }
    assertEquals(expected, kept, "the newest files, in order");
    for (int i = 1; i <= recorder.deletedFiles(); i++) {
      assertTrue(Files.notExists(rec.file(i)), rec.file(i) + " deleted");
    }
    assertTrue(Files.exists(foreign), "a file the recorder did not write stays");
    List<Frame> back = new ArrayList<>();
    for (Path p : kept) {
      back.addAll(frames(p));
    }
    // What is kept is the end of what was written, frame for frame.
    List<Frame> tail = written.subList(written.size() - back.size(), written.size());
    for (int i = 0; i < back.size(); i++) {
      assertEquals(tail.get(i).t(), back.get(i).t(), "time of kept frame " + i);
      assertArrayEquals(tail.get(i).data(), back.get(i).data(), "bytes of kept frame " + i);
    }
    assertTrue(back.size() > source.size(), "more than one round kept: " + back.size());
    assertEquals(written.size(), recorder.records(), "every frame was recorded");
  }

  @Test
  void aLiveRecordingSharesItsBudgetWithTheEarlierOnesWhichGoFirst(@TempDir Path dir) throws IOException {
    FileTime old = FileTime.from(Instant.parse("2026-11-20T08:00:00Z"));
    int mib = 1 << 20;
    Path a1 = earlierFile(dir, "live-eth0-20261120-080000-00001.pcap", mib, old);
    Path a2 = earlierFile(dir, "live-eth0-20261120-080000-00002.pcap", mib, old);
    Path b = earlierFile(dir, "live-dnstap-20261121-090000.fstrm", mib / 2, old);
    // Written to a moment ago: another live source may still be writing it.
    Path busy = earlierFile(dir, "live-lo-20261127-000000-00001.pcap", mib, FileTime.from(Instant.now()));
    Path notOurs = earlierFile(dir, "notes.pcap", mib, old);
    Path notOursEither = earlierFile(dir, "live-lo.txt", 10, old);
    Recording rec = Recording.live(dir, "lo", Instant.parse("2026-11-27T23:30:00Z"), false, mib, 0, 3L * mib);
    assertEquals("live-lo-20261127-233000.pcap", rec.name());
    assertTrue(rec.keepAcross());
    List<Frame> source = frames(SOURCE);
    PcapRecorder recorder = new PcapRecorder(rec, source.get(0).linkType(), 262_144, CaptureFormat.PCAP_NANO);
    // 2.5 MiB of earlier recordings and room for a 1 MiB file: the oldest one goes before anything is written.
    assertTrue(Files.notExists(a1), "the oldest earlier file is deleted first");
    assertTrue(Files.exists(a2) && Files.exists(b));
    assertEquals(1, recorder.deletedEarlierFiles());
    for (int round = 0; round < 2; round++) {
      for (Frame f : source) {
        recorder.write(f.t() + round * 3_600_000_000_000L, f.data(), f.originalLength());
      }
    }
    recorder.close();
    assertTrue(Files.notExists(a2) && Files.notExists(b), "then the next earlier ones, before this recording's own");
    assertEquals(3, recorder.deletedEarlierFiles());
    assertTrue(Files.exists(busy) && Files.exists(notOurs) && Files.exists(notOursEither), "a busy file and files of other names stay");
    long kept = 0;
    for (Path p : recorder.files()) {
      kept += Files.size(p);
    }
    assertTrue(kept <= 3L * mib, kept + " bytes kept");
    assertEquals(rec.file(recorder.deletedFiles() + 1), recorder.files().get(0));
  }

  private static Path earlierFile(Path dir, String name, int bytes, FileTime modified) throws IOException {
    Path p = Files.write(dir.resolve(name), new byte[bytes]);
    Files.setLastModifiedTime(p, modified);
    return p;
  }

  @Test
  void rotatingByTimeStartsANewFileOnceOneSpansTheInterval(@TempDir Path dir) throws IOException {
    Frame real = frames(SOURCE).get(0);
    Recording rec = new Recording(dir, "t.pcap", 0, 1_000_000_000L);
    PcapRecorder recorder = new PcapRecorder(rec, real.linkType(), 262_144, CaptureFormat.PCAP_MICRO);
    long t0 = 1_700_000_000_000_000_000L;
    for (int i = 0; i < 10; i++) {
      recorder.write(t0 + i * 400_000_000L, real.data(), real.originalLength());
    }
    recorder.close();
    // Frames at 0, 0.4, 0.8 s; 1.2 s is a second after the file's first frame: new file; and so on.
    List<Integer> perFile = new ArrayList<>();
    for (Path p : recorder.files()) {
      perFile.add(frames(p).size());
    }
    assertEquals(List.of(3, 3, 3, 1), perFile);
  }

  @Test
  void framesLongerThanTheSnapLengthAreCutKeepingTheirLength(@TempDir Path dir) throws IOException {
    Frame real = frames(SOURCE).stream().filter(f -> f.data().length > 100).findFirst().orElseThrow();
    PcapRecorder recorder = new PcapRecorder(Recording.toFile(dir.resolve("snap.pcap")), real.linkType(), 64, CaptureFormat.PCAP_NANO);
    recorder.write(real.t(), real.data(), real.originalLength());
    recorder.close();
    Frame back = frames(dir.resolve("snap.pcap")).get(0);
    assertEquals(64, back.data().length);
    assertEquals(real.originalLength(), back.originalLength());
  }

  @Test
  void anUnwritableDirectoryFailsAtOnce(@TempDir Path dir) {
    Recording rec = Recording.toFile(dir.resolve("missing").resolve("x.pcap"));
    assertThrows(IOException.class, () -> new PcapRecorder(rec, 1, 65535, CaptureFormat.PCAP_NANO));
  }

  @ParameterizedTest
  @CsvSource(textBlock = """
      capture.pcap, 0,       0,   1, capture.pcap
      capture.pcap, 1048576, 0,   1, capture-00001.pcap
      capture.pcap, 0,       5e9, 12, capture-00012.pcap
      noext,        1048576, 0,   3, noext-00003
      a.b.pcap,     1048576, 0,   2, a.b-00002.pcap
      """)
  void rotatedFilesAreNumberedBeforeTheExtension(String name, long bytes, double nanos, int index, String expected) {
    assertEquals(Path.of("/rec", expected), new Recording(Path.of("/rec"), name, bytes, (long) nanos).file(index));
  }

  @Test
  void rotationLimitsBelowTheMinimumsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Recording(Path.of("/rec"), "x.pcap", 1000, 0));
    assertThrows(IllegalArgumentException.class, () -> new Recording(Path.of("/rec"), "x.pcap", 0, 1000));
    assertThrows(IllegalArgumentException.class, () -> new Recording(Path.of("/rec"), "a/b.pcap", 0, 0));
    assertEquals("keeping only the newest files needs rotation by size or by time",
        assertThrows(IllegalArgumentException.class, () -> new Recording(Path.of("/rec"), "x.pcap", 0, 0, 1L << 30)).getMessage());
    assertEquals("keep at least two files' worth: 200 MiB for files of 100 MiB",
        assertThrows(IllegalArgumentException.class, () -> new Recording(Path.of("/rec"), "x.pcap", 100L << 20, 0, 150L << 20)).getMessage());
    assertEquals(1L << 30, new Recording(Path.of("/rec"), "x.pcap", 0, 60_000_000_000L, 1L << 30).keepBytes(), "by time: any size kept");
  }
}
