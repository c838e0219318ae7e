package org.dnsseismograph.ui;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.dnsseismograph.wire.CaptureFiles;
import org.dnsseismograph.wire.CaptureFormat;
import org.dnsseismograph.wire.FrameReader;
import org.dnsseismograph.wire.PcapWriter;
import org.dnsseismograph.wire.RawFrame;
import org.dnsseismograph.wire.SkipCounter;

/**
 * A longer capture made of real traffic, for tests that must catch a load in the middle: the demo
 * capture's frames written {@code copies} times one after the other (each copy moved later by the
 * capture's span plus a minute), gzip'd so the reader works through it sequentially.
 */
final class LongCapture {
  private LongCapture() {}

  static Path write(Path dir, int copies) throws IOException {
    Path demo = UiFixtures.demo().resolve("capture.pcap.gz");
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    int linkType = 0;
    try (FrameReader r = CaptureFiles.open(demo, new SkipCounter())) {
      RawFrame f = new RawFrame();
      while (r.next(f)) {
        first = Math.min(first, f.timestampNanos);
        last = Math.max(last, f.timestampNanos);
        linkType = f.linkType;
      }
    }
    long span = last - first + 60_000_000_000L;
    Path out = dir.resolve("long-" + copies + "x.pcap.gz");
    try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(out), 1 << 16);
        PcapWriter w = new PcapWriter(os, CaptureFormat.PCAP_NANO, linkType, 262_144)) {
      for (int k = 0; k < copies; k++) {
        try (FrameReader r = CaptureFiles.open(demo, new SkipCounter())) {
          RawFrame f = new RawFrame();
          while (r.next(f)) {
            w.write(f.timestampNanos + k * span, f.buffer, f.offset, f.capturedLength, f.originalLength);
          }
        }
      }
    }
    return out;
  }
}
