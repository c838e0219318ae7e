package org.dnsseismograph.traffic;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.dnsseismograph.dns.WireNameText;

/**
 * Interns question names to dense ids 0, 1, 2...: each distinct name is stored once, in 1 MiB byte
 * arenas, at about 30 bytes plus its length. Names are kept in lower-case uncompressed wire form, as
 * the matcher holds them, and given their presentation text only when a view is asked for one: the
 * text of every transaction's name cost a fifth of a window's capture load, and only the few names
 * a list shows are ever read. One writer thread interns; {@link #view()} hands readers an immutable
 * view of the ids assigned so far (arrays are replaced, never rewritten, when they grow, and arena
 * bytes below the view's count are never written again).
 */
final class NameDictionary {
  private static final int ARENA = 1 << 20;
  private static final int LENGTH_BITS = 16;
  private static final int OFFSET_BITS = 20;

  private byte[][] arenas = {new byte[ARENA]};
  private int arenaPos;
  /** Per id: arena index, offset in it and length, in one word (see {@link #meta}), so a hit reads one array besides the table and the bytes. */
  private long[] where = new long[1024];
  private int count;
  /** Linear probing: per position, the hash's high 32 bits (a tag, whose low bits place it) and id + 1; 0 is empty. */
  private long[] table = new long[2048];

  /**
   * The id of a name, interning it when new; {@code hash} must spread over its high 32 bits (a
   * finished 64-bit hash: {@link org.dnsseismograph.dns.DnsMessageView#wireHash} for wire names).
   */
  int intern(byte[] name, int length, long hash) {
    int tag = (int) (hash >>> 32);
    int mask = table.length - 1;
    int pos = tag & mask;
    long e;
    while ((e = table[pos]) != 0) {
      if ((int) (e >>> 32) == tag) {
        int id = (int) e - 1;
        long w = where[id];
        int offset = offset(w);
        if (length(w) == length && Arrays.equals(arenas[arena(w)], offset, offset + length, name, 0, length)) {
          return id;
        }
      }
      pos = (pos + 1) & mask;
    }
    int id = add(name, length);
    table[pos] = ((long) tag << 32) | (id + 1L);
    if (count * 2 > table.length) {
      rehash();
    }
    return id;
  }

  private int add(byte[] name, int length) {
    if (arenaPos + length > ARENA) {
      arenas = Arrays.copyOf(arenas, arenas.length + 1);
      arenas[arenas.length - 1] = new byte[ARENA];
      arenaPos = 0;
    }
    if (count == where.length) {
      where = Arrays.copyOf(where, count * 2);
    }
    System.arraycopy(name, 0, arenas[arenas.length - 1], arenaPos, length);
    where[count] = meta(arenas.length - 1, arenaPos, length);
    arenaPos += length;
    return count++;
  }

  private static long meta(int arena, int offset, int length) {
    return ((long) arena << (OFFSET_BITS + LENGTH_BITS)) | ((long) offset << LENGTH_BITS) | length;
  }

  private static int arena(long meta) {
    return (int) (meta >>> (OFFSET_BITS + LENGTH_BITS));
  }

  private static int offset(long meta) {
    return (int) (meta >>> LENGTH_BITS) & ((1 << OFFSET_BITS) - 1);
  }

  private static int length(long meta) {
    return (int) meta & ((1 << LENGTH_BITS) - 1);
  }

  private void rehash() {
    long[] t = new long[table.length * 2];
    int mask = t.length - 1;
    for (long e : table) {
      if (e != 0) {
        int pos = (int) (e >>> 32) & mask;
        while (t[pos] != 0) {
          pos = (pos + 1) & mask;
        }
        t[pos] = e;
      }
    }
    table = t;
  }

  int size() {
    return count;
  }

  /** An immutable view of the names interned so far. */
  View view() {
    return new View(this, arenas, where, count);
  }

  /** Names by id, as of one moment. Immutable; safe to share once published. */
  static final class View {
    private final NameDictionary of;
    private final byte[][] arenas;
    private final long[] where;
    private final int size;

    private View(NameDictionary of, byte[][] arenas, long[] where, int size) {
      this.of = of;
      this.arenas = arenas;
      this.where = where;
      this.size = size;
    }

    int size() {
      return size;
    }

    /** True when both views are of one dictionary, so an id means the same name in both. */
    boolean sameDictionary(View other) {
      return of == other.of;
    }

    /** The presentation text of name {@code id}, as {@link Transaction#qname()} gives it (allocates). */
    String text(int id) {
      byte[] wire = new byte[WireNameText.WIRE_CAPACITY];
      int length = wire(id, wire);
      WireNameText text = new WireNameText();
      text.write(wire, length);
      return new String(text.bytes(), 0, text.length(), StandardCharsets.US_ASCII);
    }

    /**
     * Copies name {@code id} in lower-case wire form into {@code into} (at least {@link
     * WireNameText#WIRE_CAPACITY} bytes); its length.
     */
    int wire(int id, byte[] into) {
      long w = where[id];
      System.arraycopy(arenas[arena(w)], offset(w), into, 0, length(w));
      return length(w);
    }
  }
}
