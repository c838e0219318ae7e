package org.dnsseismograph.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.dnsseismograph.common.HashMix;
import org.junit.jupiter.api.Test;

/**
 * The question-name dictionary: dense ids in first-seen order, the same id for the same name
 * however many names came between (across arenas and table growths), different ids for different
 * names even when their hashes are equal, and views that keep what they saw.
 */
class NameDictionaryTest {
  private static long hash(byte[] name) {
    long h = 0;
    for (byte b : name) {
      h = h * 31 + b;
    }
    return HashMix.fmix64(h);
  }

  private static int intern(NameDictionary d, String name) {
    byte[] b = name.getBytes(StandardCharsets.US_ASCII);
    return d.intern(b, b.length, hash(b));
  }

  @Test
  void manyNamesGetDenseIdsAndKeepThemAcrossArenasAndGrowth() {
    SplittableRandom random = new SplittableRandom(53);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 300_000; i++) {
      names.add(i % 3 == 0 ? "w" + i + ".example.net" : Long.toHexString(random.nextLong()) + "." + (i % 7) + ".zone.test");
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
    intern(d, "later.example.net");
    assertEquals(names.size(), early.size());
    for (int i = 0; i < names.size(); i += 997) {
      assertEquals(names.get(i), early.text(i));
    }
    assertEquals("later.example.net", d.view().text(names.size()));
  }

  @Test
  void namesWithEqualHashesStayApart() {
    NameDictionary d = new NameDictionary();
    byte[] a = "a.example".getBytes(StandardCharsets.US_ASCII);
    byte[] b = "b.example".getBytes(StandardCharsets.US_ASCII);
    byte[] longer = "a.example.".getBytes(StandardCharsets.US_ASCII);
    long same = 0x1234_5678_9ABC_DEF0L;
    int ia = d.intern(a, a.length, same);
    int ib = d.intern(b, b.length, same);
    int il = d.intern(longer, longer.length, same);
    assertNotEquals(ia, ib);
    assertNotEquals(ia, il);
    assertNotEquals(ib, il);
    assertEquals(ia, d.intern(a, a.length, same));
    assertEquals(ib, d.intern(b, b.length, same));
    assertEquals(il, d.intern(longer, longer.length, same));
    // only the first bytes given count: the caller's array may be longer than the name
    assertEquals(ia, d.intern(longer, a.length, same));
    assertEquals("b.example", d.view().text(ib));
  }
}
