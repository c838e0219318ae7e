package org.dnsseismograph.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;
import org.dnsseismograph.testsupport.Captures;
import org.dnsseismograph.testsupport.FrameCopies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameMergerTest {
  /** Timestamps strictly increasing (capinfos -o: "True"). */
  private static final Path SOURCE = Captures.file("dnscap-dnso1tcp.pcap");

  @TempDir
  Path dir;

  /** Opens files for real, and counts how many are open at once (glances aside). */
  private static final class CountingOpener implements FrameMerger.Opener {
    private final List<Path> files;
    int open;
    int mostOpen;
    int glances;

    CountingOpener(List<Path> files) {
      this.files = files;
    }

    @Override
    public FrameReader open(int index, SkipCounter skips, boolean glance) throws IOException {
      FrameReader r = CaptureFiles.open(files.get(index), skips, glance);
      if (glance) {
        glances++;
        return r;
      }
      open++;
      mostOpen = Math.max(mostOpen, open);
      return new FrameReader() {
        @Override
        public boolean next(RawFrame frame) throws IOException {
          return r.next(frame);
        }

        @Override
        public CaptureFormat format() {
          return r.format();
        }

        @Override
        public boolean gzipped() {
          return r.gzipped();
        }

        @Override
        public long position() {
          return r.position();
        }

        @Override
        public long size() {
          return r.size();
        }

        @Override
        public void close() throws IOException {
          open--;
          r.close();
        }
      };
    }
  }

  private Path part(String name, IntPredicate keep) throws IOException {
    return FrameCopies.copy(SOURCE, dir.resolve(name), i -> keep.test((int) i));
  }


  /** Every frame of the merge as "file: time bytes", and the merge's byte count at the end. */
  private static List<String> merge(List<Path> files, FrameMerger.Opener opener, SkipCounter skips) throws IOException {
    List<String> out = new ArrayList<>();
    try (FrameMerger m = new FrameMerger(files.size(), opener, skips)) {
      RawFrame f;
      while ((f = m.next()) != null) {
        out.add(files.get(m.source()).getFileName() + ": " + f.timestampNanos + " " + Arrays.toString(f.copyBytes()));
      }
      out.add("position " + m.position() + " of " + m.totalSize());
    }
    return out;
  }

  private static String stripFile(String line) {
    return line.substring(line.indexOf(": ") + 2);
  }

  @Test
  void rotatedFilesAreReadOneAtATimeInTimeOrderWhateverOrderTheyAreGivenIn() throws IOException {
    List<ReadFrames.Frame> frames = ReadFrames.all(SOURCE, new SkipCounter());
    int parts = 12;
    List<Path> files = new ArrayList<>();
    long bytes = 0;
    for (int p = 0; p < parts; p++) {
      int from = p * frames.size() / parts;
      int to = (p + 1) * frames.size() / parts;
      Path file = part("dnscap." + p + ".pcap", i -> i >= from && i < to);
      files.add(file);
      bytes += Files.size(file);
    }
    Collections.shuffle(files, new Random(7));
    CountingOpener opener = new CountingOpener(files);
    List<String> merged = merge(files, opener, new SkipCounter());

    assertEquals(1, opener.mostOpen);
    assertEquals(0, opener.open);
    assertEquals(parts, opener.glances);
    List<String> whole = merge(List.of(SOURCE), new CountingOpener(List.of(SOURCE)), new SkipCounter());
    assertEquals(frames.size() + 1, merged.size());
    assertEquals(whole.subList(0, frames.size()).stream().map(FrameMergerTest::stripFile).toList(),
        merged.subList(0, frames.size()).stream().map(FrameMergerTest::stripFile).toList());
    assertEquals("position " + bytes + " of " + bytes, merged.get(frames.size()));
  }

  @Test
  void overlappingFilesAreOpenTogetherWhileTheirFramesInterleave() throws IOException {
    List<ReadFrames.Frame> frames = ReadFrames.all(SOURCE, new SkipCounter());
    Path even = part("even.pcap", i -> i % 2 == 0);
    Path odd = part("odd.pcap", i -> i % 2 == 1);
    CountingOpener opener = new CountingOpener(List.of(odd, even));
    List<String> merged = merge(List.of(odd, even), opener, new SkipCounter());

    assertEquals(2, opener.mostOpen);
    assertEquals(0, opener.open);
    for (int i = 0; i < frames.size(); i++) {
      assertEquals((i % 2 == 0 ? "even.pcap" : "odd.pcap") + ": " + frames.get(i).timestampNanos(),
          merged.get(i).substring(0, merged.get(i).lastIndexOf(" [")), "frame " + (i + 1));
    }
  }

  @Test
  void aFileWithoutAFrameIsReadFirstAndItsSkipsAreCountedOnce() throws IOException {
    List<ReadFrames.Frame> frames = ReadFrames.all(SOURCE, new SkipCounter());
    Path whole = part("whole.pcap", i -> true);
    byte[] one = Files.readAllBytes(part("one.pcap", i -> i == 0));
    // the header and the first record cut 3 bytes short: no frame, one truncated record
    Path cut = dir.resolve("cut.pcap");
    Files.write(cut, Arrays.copyOf(one, one.length - 3));
    SkipCounter skips = new SkipCounter();
    CountingOpener opener = new CountingOpener(List.of(whole, cut));
    List<String> merged = merge(List.of(whole, cut), opener, skips);

    assertEquals(frames.size() + 1, merged.size());
    assertEquals(1, skips.count(WireSkip.FILE_TRUNCATED));
    assertEquals(1, skips.total());
    assertEquals(1, opener.mostOpen);
  }
}
