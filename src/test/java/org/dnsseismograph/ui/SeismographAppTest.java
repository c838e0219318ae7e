package org.dnsseismograph.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the window's first frame says it is opening, for each kind of launch request. */
class SeismographAppTest {
  @Test
  void noRequestOpensTheDemo() {
    assertEquals("Opening the demo workspace…", SeismographApp.openingMessage(new LaunchRequest(List.of(), null, List.of())));
  }

  @Test
  void filesAreNamedByTheFirstAndCounted() {
    assertEquals("Opening a.pcap…", SeismographApp.openingMessage(new LaunchRequest(List.of(Path.of("/cases/a.pcap")), null, List.of())));
    assertEquals("Opening a.pcap and 2 more…",
        SeismographApp.openingMessage(new LaunchRequest(List.of(Path.of("/cases/a.pcap"), Path.of("b.csv"), Path.of("c.json")), null, List.of())));
  }

  @Test
  void aLiveCaptureNamesItsInterface() {
    assertEquals("Starting the live capture on eth0…", SeismographApp.openingMessage(new LaunchRequest(List.of(), "eth0", List.of(5353))));
  }
}
