package org.dnsseismograph.dns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The question's name as the view gives it without a text: wire words, wire form, and text on demand. */
class DnsMessageViewTest {
  private final DnsHeaderScanner scanner = new DnsHeaderScanner();
  private final DnsMessageView view = new DnsMessageView();

  static Stream<Arguments> names() {
    return Stream.of(
        Arguments.of((Object) new String[] {"www", "Example", "COM"}),
        Arguments.of((Object) new String[] {}),
        Arguments.of((Object) new String[] {"ABCDEFGHIJKLMNOPQRSTUVWXYZ", "z"}),
        Arguments.of((Object) new String[] {"a".repeat(20), "B".repeat(20), "c"}),
        Arguments.of((Object) new String[] {"@[`{", "\u0000\u00ff", "x y"}),
        Arguments.of((Object) new String[] {"a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(61)}));
  }

  /**
   * Each word is the uncompressed wire form with only 'A' to 'Z' lower-cased, little-endian, zero past the
   * name: checked wherever the message lies (far from the buffer's end, or flush with it, where the
   * view cannot read whole words from the message) and in both byte orders.
   */
  @ParameterizedTest
  @MethodSource("names")
  void wordsAreTheLowerCasedWireForm(String[] labels) {
    byte[] wire = Wire.header(1, 0x0100, 1, 0, 0, 0).name(labels).build();
    byte[] expected = lowerCased(Arrays.copyOfRange(wire, 12, wire.length));
    byte[] message = Wire.header(1, 0x0100, 1, 0, 0, 0).name(labels).typeClass(1, 1).build();
    for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
      for (int slack : new int[] {0, 100}) {
        ByteBuffer buf = ByteBuffer.allocate(7 + message.length + slack).order(order);
        buf.put(7, message);
        assertEquals(ScanResult.OK, scanner.scan(buf, 7, message.length, view));
        assertEquals(expected.length, view.qnameOctets());
        assertArrayEquals(expected, Arrays.copyOf(view.qnameWire(), expected.length));
        for (int i = 0; i < 4; i++) {
          assertEquals(word(expected, i), view.qnameWord(i), order + ", slack " + slack + ", word " + i);
        }
      }
    }
  }

  @Test
  void aQuestionNameWithAPointerIsFollowed() {
    // "www" then a pointer back into the header, to the zero byte of ARCOUNT: the root
    byte[] message = Wire.header(1, 0x0100, 1, 0, 0, 0).label("WWW".getBytes()).pointer(11).typeClass(1, 1).u16(0).u16(0).u16(0).u16(0).build();
    ByteBuffer buf = ByteBuffer.wrap(message);
    assertEquals(ScanResult.OK, scanner.scan(buf, 0, message.length, view));
    byte[] expected = {3, 'w', 'w', 'w', 0};
    assertEquals(5, view.qnameOctets());
    assertEquals(word(expected, 0), view.qnameWord(0));
    assertEquals(0, view.qnameWord(1));
    assertEquals("www", view.qnameString());
  }

  @Test
  void theTextIsWrittenForTheMessageLastScanned() {
    scan("first", "example");
    assertEquals("first.example", view.qnameString());
    scan("Second", "Example");
    assertEquals("second.example", view.qnameString());
    assertEquals(DnsMessageView.nameHash("second.example".getBytes(), 14), view.qnameHash());
    scan();
    assertEquals(".", view.qnameString());
  }

  @Test
  void withoutAQuestionTheNameIsEmpty() {
    byte[] message = Wire.header(1, 0x8100, 0, 0, 0, 0).build();
    assertEquals(ScanResult.OK, scanner.scan(ByteBuffer.wrap(message), 0, message.length, view));
    assertEquals(0, view.qnameOctets());
    assertEquals(0, view.qnameLength());
    assertEquals(0, view.qnameHash());
    for (int i = 0; i < 4; i++) {
      assertEquals(0, view.qnameWord(i));
    }
  }

  @ParameterizedTest
  @MethodSource("names")
  void wireNameTextWritesWhatTheViewWrites(String[] labels) {
    scan(labels);
    byte[] wire = Arrays.copyOf(view.qnameWire(), WireNameText.WIRE_CAPACITY);
    WireNameText text = new WireNameText();
    text.write(wire, view.qnameOctets());
    assertTrue(text.isWritten());
    assertEquals(view.qnameString(), new String(text.bytes(), 0, text.length(), java.nio.charset.StandardCharsets.US_ASCII));
    assertEquals(view.qnameHash(), text.hash());
    assertTrue(text.length() > 0);
    text.forget();
    assertFalse(text.isWritten());
  }

  /**
   * The hash a retry tracker keys questions by: ASCII case ignored, every byte of a long name seen
   * (also past the 32 the words hold), and the bytes a longer name left in the view's array beyond
   * a later, shorter one not seen.
   */
  @Test
  void theWireHashIgnoresCaseSeesEveryByteAndNothingPastTheName() {
    DnsMessageView fresh = new DnsMessageView();
    scanInto(fresh, "A".repeat(63), "b".repeat(40));
    scan("a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(61));
    assertEquals(255, view.qnameOctets());
    view.qnameWire();
    scan("a".repeat(63), "B".repeat(40));
    assertEquals(fresh.qnameWireHash(), view.qnameWireHash(), "stale bytes after the name do not count");
    assertEquals(view.qnameWireHash(), DnsMessageView.wireHash(view.qnameWire(), view.qnameOctets()), "the same hash of the name kept outside");
    scan("a".repeat(63), "b".repeat(39) + "c");
    assertTrue(fresh.qnameWireHash() != view.qnameWireHash(), "the last byte of a long name counts");
    scan("a".repeat(63), "b".repeat(41));
    assertTrue(fresh.qnameWireHash() != view.qnameWireHash(), "so does its length");

    scanInto(fresh, "www", "Example", "COM");
    scan("WWW", "example", "com");
    assertEquals(fresh.qnameWireHash(), view.qnameWireHash());
    assertEquals(view.qnameWireHash(), DnsMessageView.wireHash(view.qnameWire(), view.qnameOctets()));
    scan("www", "example", "org");
    assertTrue(fresh.qnameWireHash() != view.qnameWireHash());
    scan();
    assertTrue(fresh.qnameWireHash() != view.qnameWireHash(), "the root is a name of its own");
  }

  private void scanInto(DnsMessageView into, String... labels) {
    byte[] message = Wire.header(1, 0x0100, 1, 0, 0, 0).name(labels).typeClass(1, 1).build();
    assertEquals(ScanResult.OK, scanner.scan(ByteBuffer.wrap(message), 0, message.length, into));
  }

  private void scan(String... labels) {
    byte[] message = Wire.header(1, 0x0100, 1, 0, 0, 0).name(labels).typeClass(1, 1).build();
    assertEquals(ScanResult.OK, scanner.scan(ByteBuffer.wrap(message), 0, message.length, view));
  }

  private static byte[] lowerCased(byte[] wire) {
    byte[] out = wire.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] >= 'A' && out[i] <= 'Z') {
        out[i] += 'a' - 'A';
      }
    }
    return out;
  }

  /** Bytes {@code [8i, 8i + 8)} of {@code bytes} as a little-endian word, zero past the end. */
  private static long word(byte[] bytes, int i) {
    long w = 0;
    for (int k = 7; k >= 0; k--) {
      int at = 8 * i + k;
      w = w << 8 | (at < bytes.length ? bytes[at] & 0xFF : 0);
    }
    return w;
  }
}
