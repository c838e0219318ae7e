package org.dnsseismograph.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimeTextTest {
  /** 2010-02-01T20:49:10.123456789Z: 1,265,057,350 s after the epoch (date -u -d @1265057350). */
  private static final long T = 1_265_057_350_123_456_789L;

  @Test
  void instantsAreWrittenToTheMillisecondWithTheirZone() {
    assertEquals("2010-02-01 20:49:10.123 UTC", TimeText.utcMillis(T));
    assertEquals("20:49:10.123 UTC", TimeText.utcClockMillis(T));
    assertEquals("2010-02-01 21:49:10.123 Europe/Berlin", TimeText.inZone(T, ZoneId.of("Europe/Berlin")));
  }
}
