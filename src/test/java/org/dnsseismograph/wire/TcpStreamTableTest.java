package org.dnsseismograph.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TcpStreamTableTest {
  private static final DecodeOptions OPTIONS = DecodeOptions.defaults();

  /** A key of the model: the five parts of a direction's key. */
  private record Key(long srcHi, long srcLo, long dstHi, long dstLo, int ports) {
    Key reverse() {
      return new Key(dstHi, dstLo, srcHi, srcLo, (ports << 16) | (ports >>> 16));
    }
  }

  private static Key keyOf(TcpStream s) {
    return new Key(s.srcHi, s.srcLo, s.dstHi, s.dstLo, s.ports);
  }

  private static TcpStream stream(Key k) {
    return new TcpStream(k.srcHi, k.srcLo, k.dstHi, k.dstLo, k.ports >>> 16, k.ports & 0xFFFF, OPTIONS,
        new SkipCounter(), new DnsEmitter(p -> { }));
  }

  /** A small key space, so that directions meet their reverse, keys repeat and some are their own reverse. */
  private static Key randomKey(Random r) {
    long a = r.nextInt(4);
    long c = r.nextInt(4);
    long hi = r.nextBoolean() ? 0 : 0x2001_0db8_0000_0000L;
    int p1 = 53;
    int p2 = r.nextInt(3) == 0 ? 53 : 40_000 + r.nextInt(6);
    return r.nextBoolean() ? new Key(hi, a, hi, c, (p1 << 16) | p2) : new Key(hi, a, hi, c, (p2 << 16) | p1);
  }

  /**
   * Random finds, touches, adds (with eviction of the eldest at a bound, as the reassembler does),
   * removals and clears, against an access-ordered LinkedHashMap: the same streams are found, the
   * use order is the same after every step, and every stream's peer is what a lookup of its
   * reverse key gives.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void behavesAsAnAccessOrderedLinkedHashMap(long seed) {
    Random r = new Random(seed);
    int bound = 1 + r.nextInt(120);
    TcpStreamTable table = new TcpStreamTable();
    LinkedHashMap<Key, TcpStream> model = new LinkedHashMap<>(16, 0.75f, true);
    for (int step = 0; step < 20_000; step++) {
      Key k = randomKey(r);
      int op = r.nextInt(100);
      TcpStream found = table.find(k.srcHi, k.srcLo, k.dstHi, k.dstLo, k.ports);
      if (op < 60) {
        TcpStream expected = model.get(k);
        assertSame(expected, found);
        if (found != null) {
          table.touch(found);
        } else {
          if (model.size() >= bound) {
            Map.Entry<Key, TcpStream> eldest = model.entrySet().iterator().next();
            model.remove(eldest.getKey());
            assertSame(eldest.getValue(), table.eldest());
            table.remove(table.eldest());
          }
          TcpStream s = stream(k);
          model.put(k, s);
          table.add(s);
        }
      } else if (op < 98) {
        if (found != null) {
          assertSame(model.remove(k), found);
          table.remove(found);
        } else {
          assertNull(model.get(k));
        }
      } else if (op == 98) {
        table.clear();
        model.clear();
      }
      assertSameState(model, table);
    }
  }

  private static void assertSameState(LinkedHashMap<Key, TcpStream> model, TcpStreamTable table) {
    assertEquals(model.size(), table.size());
    List<TcpStream> order = new ArrayList<>();
    for (TcpStream s = table.eldest(); s != null; s = table.newer(s)) {
      order.add(s);
    }
    assertEquals(new ArrayList<>(model.values()), order);
    // a plain copy, so that looking up reverses does not change the model's order
    Map<Key, TcpStream> byKey = new HashMap<>(model);
    for (TcpStream s : order) {
      assertSame(byKey.get(keyOf(s).reverse()), s.peer);
      assertSame(s, table.find(s.srcHi, s.srcLo, s.dstHi, s.dstLo, s.ports));
    }
  }

  @Test
  void growsPastItsInitialCapacityAndFindsEveryStream() {
    TcpStreamTable table = new TcpStreamTable();
    List<TcpStream> all = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      TcpStream s = stream(new Key(0, 0x0a00_0000L + i, 0, 0x0a00_0001L, (40_000 << 16) | 53));
      table.add(s);
      all.add(s);
    }
    assertEquals(5_000, table.size());
    for (TcpStream s : all) {
      assertSame(s, table.find(s.srcHi, s.srcLo, s.dstHi, s.dstLo, s.ports));
    }
    assertSame(all.get(0), table.eldest());
  }
}
