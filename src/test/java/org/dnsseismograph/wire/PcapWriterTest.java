package org.dnsseismograph.wire;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class PcapWriterTest {

  @Test
  void timesPcapCannotHoldAreRefused() throws IOException {
    try (PcapWriter w = new PcapWriter(new ByteArrayOutputStream(), CaptureFormat.PCAP_MICRO, 1, 100)) {
      assertThrows(IllegalArgumentException.class, () -> w.write(-1, new byte[1], 0, 1, 1));
      assertThrows(IllegalArgumentException.class, () -> w.write((1L << 32) * 1_000_000_000L, new byte[1], 0, 1, 1));
    }
  }

  @Test
  void pcapngAndImpossibleSnapLengthsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new PcapWriter(new ByteArrayOutputStream(), CaptureFormat.PCAPNG, 1, 100));
    assertThrows(IllegalArgumentException.class, () -> new PcapWriter(new ByteArrayOutputStream(), CaptureFormat.PCAP_NANO, 1, 0));
    assertThrows(IllegalArgumentException.class,
        () -> new PcapWriter(new ByteArrayOutputStream(), CaptureFormat.PCAP_NANO, 1, PcapReader.MAX_CAPTURED + 1));
  }
}
