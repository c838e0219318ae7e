package org.dnsseismograph.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HostnameBytesTest {
  private static final long HIGH = 0x8080_8080_8080_8080L;

  /** Every byte value in every lane, beside a neighbour that could disturb it by a carry or borrow. */
  @Test
  void eachByteIsClassifiedAsOnItsOwn() {
    for (int lane = 0; lane < 8; lane++) {
      for (int v = 0; v < 256; v++) {
        for (int neighbour : new int[] {0x00, 0x41, 0x7F, 0x80, 0xFF}) {
          long w = fill(neighbour) & ~(0xFFL << 8 * lane) | (long) v << 8 * lane;
          long upper = HostnameBytes.upperCase(w);
          long unsafe = HostnameBytes.unsafe(w, upper);
          for (int k = 0; k < 8; k++) {
            int b = (int) (w >>> 8 * k) & 0xFF;
            String where = "byte 0x" + Integer.toHexString(b) + " at " + k + " of " + Long.toHexString(w);
            assertEquals(b >= 'A' && b <= 'Z', (upper >>> 8 * k & 0x80) != 0, "upper, " + where);
            assertEquals(!hostnameCharacter(b), (unsafe >>> 8 * k & 0x80) != 0, "unsafe, " + where);
          }
          assertEquals(0, (upper | unsafe) & ~HIGH, "only high bits are set");
        }
      }
    }
  }

  @Test
  void spreadFillsTheByteOfEachSetBit() {
    for (int bits = 0; bits < 256; bits++) {
      long expected = 0;
      for (int k = 0; k < 8; k++) {
        if ((bits & 1 << k) != 0) {
          expected |= 0xFFL << 8 * k;
        }
      }
      assertEquals(expected, HostnameBytes.spread(bits), "bits " + Integer.toBinaryString(bits));
    }
  }

  private static boolean hostnameCharacter(int b) {
    return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '-' || b == '_';
  }

  private static long fill(int b) {
    return (b & 0xFFL) * 0x0101_0101_0101_0101L;
  }
}
