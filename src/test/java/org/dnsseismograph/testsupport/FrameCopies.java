package org.dnsseismograph.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongPredicate;
import org.dnsseismograph.wire.CaptureFiles;
import org.dnsseismograph.wire.CaptureFormat;
import org.dnsseismograph.wire.FrameReader;
import org.dnsseismograph.wire.PcapWriter;
import org.dnsseismograph.wire.RawFrame;
import org.dnsseismograph.wire.SkipCounter;

/**
 * Captures made from a real one for tests that need another shape of it: a run of its frames,
 * moved in time, written again as pcap with nanosecond times (a rotated capture's piece, a copy days
 * later).
 */
public final class FrameCopies {
  private FrameCopies() {}

  /** How many frames a capture holds. */
  public static long frameCount(Path file) throws IOException {
    long n = 0;
    try (FrameReader r = CaptureFiles.open(file, new SkipCounter())) {
      RawFrame f = new RawFrame();
      while (r.next(f)) {
        n++;
      }
    }
    return n;
  }

  /** Frames {@code [first, end)} of {@code from} (numbered from 0), each {@code shiftNanos} later, into {@code to}. */
  public static Path copy(Path from, Path to, long first, long end, long shiftNanos) throws IOException {
    return copy(from, to, i -> i >= first && i < end, end, shiftNanos);
  }

  /** The frames of {@code from} whose number (from 0) {@code keep} accepts, unmoved, into {@code to}. */
  public static Path copy(Path from, Path to, LongPredicate keep) throws IOException {
    return copy(from, to, keep, Long.MAX_VALUE, 0);
  }

  private static Path copy(Path from, Path to, LongPredicate keep, long end, long shiftNanos) throws IOException {
    try (FrameReader r = CaptureFiles.open(from, new SkipCounter()); OutputStream os = Files.newOutputStream(to)) {
      RawFrame f = new RawFrame();
      PcapWriter w = null;
      for (long i = 0; i < end && r.next(f); i++) {
        w = w != null ? w : new PcapWriter(os, CaptureFormat.PCAP_NANO, f.linkType, 262_144);
        if (keep.test(i)) {
          w.write(f.timestampNanos + shiftNanos, f.buffer, f.offset, f.capturedLength, f.originalLength);
        }
      }
      if (w != null) {
        w.close();
      }
    }
    return to;
  }
}
