package org.dnsseismograph.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.dnsseismograph.wire.CaptureFiles;
import org.dnsseismograph.wire.CaptureFormat;
import org.dnsseismograph.wire.FrameReader;
import org.dnsseismograph.wire.PcapWriter;
import org.dnsseismograph.wire.RawFrame;
import org.dnsseismograph.wire.SkipCounter;

/**
 * A capture cut into consecutive files of equal frame counts, as a rotating capture writes them
 * ({@code tcpdump -C} or {@code -G}, {@code dnscap -t}): the bench's way to show that reading many
 * files costs no more memory than reading one. Kept in a directory beside the capture and reused
 * while its stamp matches.
 */
final class RotatedCopy {
  private RotatedCopy() {}

  /**
   * The files of {@code capture} cut into {@code files} parts, in order.
   *
   * @param stamp what wrote the capture; a copy cut from another capture is cut again
   */
  static List<Path> of(Path capture, long frames, int files, String stamp) throws IOException {
    String base = capture.getFileName().toString().replaceFirst("\\.pcap$", "");
    Path dir = capture.resolveSibling(base + "-in-" + files);
    Path stampFile = dir.resolve("STAMP");
    String want = stamp + ", cut into " + files + " files";
    if (Files.exists(stampFile) && Files.readString(stampFile).strip().equals(want)) {
      return parts(dir);
    }
    if (Files.exists(dir)) {
      try (Stream<Path> old = Files.list(dir)) {
        for (Path p : old.toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(dir);
    long perFile = (frames + files - 1) / files;
    RawFrame frame = new RawFrame();
    try (FrameReader in = CaptureFiles.open(capture, new SkipCounter())) {
      int part = 0;
      boolean more = in.next(frame);
      while (more) {
        Path file = dir.resolve(String.format(Locale.ROOT, "part-%05d.pcap", part++));
        try (PcapWriter out = PcapWriter.create(file, CaptureFormat.PCAP_MICRO, frame.linkType, 65535)) {
          for (long n = 0; n < perFile && more; n++) {
            out.write(frame.timestampNanos, frame.buffer, frame.offset, frame.capturedLength, frame.originalLength);
            more = in.next(frame);
          }
        }
      }
    }
    Files.writeString(stampFile, want + "\n");
    return parts(dir);
  }

  private static List<Path> parts(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return new ArrayList<>(files.filter(p -> p.getFileName().toString().endsWith(".pcap")).sorted().toList());
    }
  }
}
