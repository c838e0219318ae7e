package org.dnsseismograph.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DnsPortsTest {

  @Test
  void theDefaultIsPort53Only() {
    assertTrue(DnsPorts.DEFAULT.contains(53));
    assertFalse(DnsPorts.DEFAULT.contains(5353));
    assertFalse(DnsPorts.DEFAULT.contains(53 + 64));
    assertEquals("{53}", DnsPorts.DEFAULT.toString());
  }

  @Test
  void morePortsMakeANewSetAndLeaveTheOldOneAlone() {
    DnsPorts more = DnsPorts.DEFAULT.plus(853, 65_535, 0);
    assertTrue(more.contains(853) && more.contains(65_535) && more.contains(0) && more.contains(53));
    assertFalse(DnsPorts.DEFAULT.contains(853));
    assertEquals(DnsPorts.of(0, 53, 853, 65_535), more);
    assertEquals(DnsPorts.of(0, 53, 853, 65_535).hashCode(), more.hashCode());
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 65_536, Integer.MAX_VALUE})
  void aNumberThatIsNoPortIsRefused(int port) {
    assertThrows(IllegalArgumentException.class, () -> DnsPorts.of(port));
  }

  @Test
  void optionsRefuseBoundsTooSmallForTheLargestMessageOrDatagram() {
    DecodeOptions d = DecodeOptions.defaults();
    assertThrows(IllegalArgumentException.class, () -> new DecodeOptions(d.ports(), 1, 65_535, 1, 1, 1 << 17));
    assertThrows(IllegalArgumentException.class, () -> new DecodeOptions(d.ports(), 1, 1 << 20, 1, 1, 65_536));
    assertThrows(IllegalArgumentException.class, () -> new DecodeOptions(d.ports(), 0, 1 << 20, 1, 1, 1 << 17));
    assertThrows(IllegalArgumentException.class, () -> new DecodeOptions(d.ports(), 1, 1 << 20, 0, 1, 1 << 17));
    assertEquals(DnsPorts.of(53, 5353), d.withPorts(DnsPorts.of(53, 5353)).ports());
    assertEquals(d.maxTcpFlows(), d.withPorts(DnsPorts.of(1)).maxTcpFlows());
  }
}
