package org.dnsseismograph.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.dnsseismograph.dns.DnsMessageView;
import org.dnsseismograph.dns.WireNameText;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * The question-name dictionary: dense ids in first-seen order, the same id for the same name
 * however many names came between (across arenas and table growths), different ids for different
 * names even when their hashes are equal, and views that keep what they saw. Names go in in wire
 * form (made here by dnsjava) and come out as presentation text.
 */
class NameDictionaryTest {
  /** {@code name} in lower-case uncompressed wire form, in an array of the capacity the dictionary reads. */
  static byte[] wire(String name) {
    try {
      byte[] w = Name.fromString(name, Name.root).toWireCanonical();
      return Arrays.copyOf(w, WireNameText.WIRE_CAPACITY);
    } catch (TextParseException e) {
      throw new IllegalArgumentException(name, e);
    }
  }

  private static int octets(String name) {
    try {
      return Name.fromString(name, Name.root).length();
    } catch (TextParseException e) {
      throw new IllegalArgumentException(name, e);
    }
  }

  private static int intern(NameDictionary d, String name) {
    byte[] w = wire(name);
    int n = octets(name);
    return d.intern(w, n, DnsMessageView.wireHash(w, n));
  }

  @Test
  void manyNamesGetDenseIdsAndKeepThemAcrossArenasAndGrowth() {
    SplittableRandom random = new SplittableRandom(53);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 300_000; i++) {
      names.add(i % 3 == 0 ? "w" + i + ".example.net." : Long.toHexString(random.nextLong()) + "." + (i % 7) + ".zone.test.");
    }
    NameDictionary d = new NameDictionary();
    for (int i = 0; i < names.size(); i++) {
      assertEquals(i, intern(d, names.get(i)));
    }
    NameDictionary.View early = d.view();
    // names of ~20-30 bytes: 300,000 of them fill several 1 MiB arenas and grow the table many times
    for (int i = names.size() - 1; i >= 0; i--) {
      assertEquals(i, intern(d, names.get(i)), names.get(i));
    }
    assertEquals(names.size(), d.size());
    intern(d, "later.example.net.");
    assertEquals(names.size(), early.size());
    for (int i = 0; i < names.size(); i += 997) {
      assertEquals(names.get(i).substring(0, names.get(i).length() - 1), early.text(i), "text has no final dot, as tshark's");
    }
    assertEquals("later.example.net", d.view().text(names.size()));
  }

  @Test
  void namesWithEqualHashesStayApart() {
    NameDictionary d = new NameDictionary();
    byte[] a = wire("a.example.");
    byte[] b = wire("b.example.");
    byte[] longer = wire("a.example.net.");
    int na = octets("a.example.");
    int nl = octets("a.example.net.");
    long same = 0x1234_5678_9ABC_DEF0L;
    int ia = d.intern(a, na, same);
    int ib = d.intern(b, na, same);
    int il = d.intern(longer, nl, same);
    assertNotEquals(ia, ib);
    assertNotEquals(ia, il);
    assertNotEquals(ib, il);
    assertEquals(ia, d.intern(a, na, same));
    assertEquals(ib, d.intern(b, na, same));
    assertEquals(il, d.intern(longer, nl, same));
    assertEquals("b.example", d.view().text(ib));
    assertEquals("a.example.net", d.view().text(il));
  }

  @Test
  void onlyTheNamesOwnBytesCount() {
    // a transaction's array is reused: past its name lie the bytes of longer names before it
    byte[] reused = wire("a.example.");
    int n = octets("a.example.");
    Arrays.fill(reused, n, reused.length, (byte) 0x5A);
    assertEquals(DnsMessageView.wireHash(wire("a.example."), n), DnsMessageView.wireHash(reused, n));
    NameDictionary d = new NameDictionary();
    int id = intern(d, "a.example.");
    assertEquals(id, d.intern(reused, n, DnsMessageView.wireHash(reused, n)));
    assertEquals(1, d.size());
  }

  @Test
  void textIsThePresentationFormWithItsEscapes() {
    NameDictionary d = new NameDictionary();
    // one label holding a dot, against two labels; and the root, and no question at all
    int dotted = intern(d, "a\\.b.example.");
    int two = intern(d, "a.b.example.");
    int root = intern(d, ".");
    byte[] none = new byte[WireNameText.WIRE_CAPACITY];
    int empty = d.intern(none, 0, DnsMessageView.wireHash(none, 0));
    assertEquals(4, d.size());
    NameDictionary.View v = d.view();
    assertEquals("a\\.b.example", v.text(dotted));
    assertEquals("a.b.example", v.text(two));
    assertEquals(".", v.text(root));
    assertEquals("", v.text(empty));
  }

  @Test
  void longNamesDifferingOnlyPastTheirFirstWordsStayApart() {
    String common = "a-label-of-forty-characters-for-testing.";
    NameDictionary d = new NameDictionary();
    int x = intern(d, common + "x.example.");
    int y = intern(d, common + "y.example.");
    assertNotEquals(x, y);
    assertNotEquals(DnsMessageView.wireHash(wire(common + "x.example."), octets(common + "x.example.")),
        DnsMessageView.wireHash(wire(common + "y.example."), octets(common + "y.example.")));
    assertEquals(common + "y.example", d.view().text(y));
  }
}
