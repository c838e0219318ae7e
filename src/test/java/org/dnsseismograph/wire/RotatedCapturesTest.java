package org.dnsseismograph.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.zip.GZIPOutputStream;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.testsupport.Captures;
import org.dnsseismograph.testsupport.FrameCopies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatedCapturesTest {
  private static final Path SOURCE = Captures.file("dnscap-dnso1tcp.pcap");

  @TempDir
  Path dir;

  private Path part(String name, IntPredicate keep) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return FrameCopies.copy(SOURCE, file, i -> keep.test((int) i));
  }


  @Test
  void piecesNamedByTheirNumbersAreOneCaptureInTheOrderOfTheirFrames() throws IOException {
    // dnscap -t names pieces by time; tcpdump -C numbers them after the first, which has no number
    Path late = part("dnscap.20261127.0802.pcap", i -> i >= 40);
    Path early = part("dnscap.20261127.0800.pcap", i -> i < 20);
    Path middle = part("dnscap.20261127.0801.pcap", i -> i >= 20 && i < 40);
    Path dump = part("dump.pcap", i -> i < 10);
    Path dump1 = part("dump.pcap1", i -> i >= 10 && i < 30);
    Path dump10 = part("dump.pcap10", i -> i >= 30);

    assertEquals(List.of(List.of(early, middle, late), List.of(dump, dump1, dump10)),
        RotatedCaptures.group(List.of(late, dump10, early, dump, middle, dump1)));
  }

  @Test
  void piecesGzipdButTheOneStillBeingWrittenAreOneCapture() throws IOException {
    // tcpdump -C 1 -z gzip -w dump.pcap: every piece but the newest is compressed when the next begins
    Path dump = gzip(part("dump.pcap", i -> i < 10));
    Path dump1 = gzip(part("dump.pcap1", i -> i >= 10 && i < 30));
    Path dump2 = part("dump.pcap2", i -> i >= 30);
    Path other = gzip(part("dump-old.pcap", i -> true));

    assertEquals(List.of(List.of(dump, dump1, dump2), List.of(other)), RotatedCaptures.group(List.of(dump2, other, dump1, dump)));
    assertEquals("dump.pcap.gz +2", RotatedCaptures.name(List.of(dump, dump1, dump2)));
  }

  /** Replaces the file by its gzip'd copy, named with {@code .gz} added. */
  private static Path gzip(Path file) throws IOException {
    Path gz = file.resolveSibling(file.getFileName() + ".gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(file, out);
    }
    Files.delete(file);
    return gz;
  }

  @Test
  void filesWithOtherNamesOrInOtherDirectoriesStayApart() throws IOException {
    Path a = part("resolver-a.pcap", i -> i < 20);
    Path b = part("resolver-b.pcap", i -> i >= 20);
    Path elsewhere = part("other/resolver-a.pcap", i -> true);

    assertEquals(List.of(List.of(a), List.of(b), List.of(elsewhere)), RotatedCaptures.group(List.of(a, b, elsewhere)));
  }

  @Test
  void theSpansOfTheReadTellPiecesFromOverlappingCapturesNamedAlike() throws IOException {
    Path ns1 = part("ns1.pcap", i -> i % 2 == 0);
    Path ns2 = part("ns2.pcap", i -> i % 2 == 1);
    Path first = part("cut/piece1.pcap", i -> i < 30);
    Path second = part("cut/piece2.pcap", i -> i >= 30);

    List<Path> alike = RotatedCaptures.group(List.of(ns2, ns1)).get(0);
    assertEquals(List.of(ns1, ns2), alike, "names alike make a group by name; only the read tells");
    assertTrue(RotatedCaptures.overlapping(CaptureScanner.scan(alike, DecodeOptions.defaults(), p -> { }, Progress.NONE).fileSpans()));
    List<Path> pieces = RotatedCaptures.group(List.of(second, first)).get(0);
    assertEquals(List.of(first, second), pieces);
    assertFalse(RotatedCaptures.overlapping(CaptureScanner.scan(pieces, DecodeOptions.defaults(), p -> { }, Progress.NONE).fileSpans()));
  }

  @Test
  void timesSteppingBackALittleAtARotationAreNoOverlap() {
    long s = 1_000_000_000L;
    // the next piece's first frame stamped 300 ms before the last of the one before (several CPUs)
    assertFalse(RotatedCaptures.overlapping(List.of(new ScanSummary.FileSpan(0, 60 * s), new ScanSummary.FileSpan(60 * s - 300_000_000L, 120 * s))));
    assertTrue(RotatedCaptures.overlapping(List.of(new ScanSummary.FileSpan(0, 60 * s), new ScanSummary.FileSpan(58 * s, 120 * s))));
  }
}
