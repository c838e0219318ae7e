package org.dnsseismograph.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a skip happened first, as the window's status list and the command line's summary say it. */
class SkippedTest {
  private static final List<Path> ONE = List.of(Path.of("/captures/resolver.pcap"));
  private static final List<Path> ROTATED = List.of(Path.of("/captures/dump.pcap"), Path.of("/captures/dump.pcap1"), Path.of("/captures/dump.pcap2"));

  @Test
  void aFrameIsNumberedWithinItsFileWhichIsNamedWhenThereAreSeveral() {
    assertEquals("frame 12", new Skipped(WireSkip.IP_MALFORMED, 3, 12).place(ONE));
    assertEquals("frame 12 of dump.pcap1", new Skipped(WireSkip.IP_MALFORMED, 3, 12, 1).place(ROTATED));
  }

  @Test
  void aTruncatedTailIsNoFrameButItsFileIsStillNamed() {
    assertEquals("", new Skipped(WireSkip.FILE_TRUNCATED, 1, 0).place(ONE));
    assertEquals("dump.pcap2", new Skipped(WireSkip.FILE_TRUNCATED, 1, 0, 2).place(ROTATED));
  }
}
