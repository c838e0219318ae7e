package org.dnsseismograph.traffic;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Interns question names to dense ids 0, 1, 2...: each distinct name is stored once, in 1 MiB byte
 * arenas, at about 34 bytes plus its length. One writer thread interns; {@link #view()} hands
 * readers an immutable view of the ids assigned so far (arrays are replaced, never rewritten, when
 * they grow, and arena bytes below the view's count are never written again).
 */
final class NameDictionary {
  private static final int ARENA = 1 << 20;

  private byte[][] arenas = {new byte[ARENA]};
  private int arenaPos;
  private long[] where = new long[1024];
  private short[] lengths = new short[1024];
  private long[] hashes = new long[1024];
  private int count;
  private int[] table = new int[2048];

  /** The id of a name, interning it when new. */
  int intern(byte[] name, int length, long hash) {
    int mask = table.length - 1;
    int pos = (int) (hash ^ (hash >>> 29)) & mask;
    int e;
    while ((e = table[pos]) != 0) {
      int id = e - 1;
      if (hashes[id] == hash && lengths[id] == length && Arrays.equals(bytes(id), offset(id), offset(id) + length, name, 0, length)) {
        return id;
      }
      pos = (pos + 1) & mask;
    }
    int id = add(name, length, hash);
    table[pos] = id + 1;
    if (count * 2 > table.length) {
      rehash();
    }
    return id;
  }

  private int add(byte[] name, int length, long hash) {
    if (arenaPos + length > ARENA) {
      arenas = Arrays.copyOf(arenas, arenas.length + 1);
      arenas[arenas.length - 1] = new byte[ARENA];
      arenaPos = 0;
    }
    if (count == where.length) {
      where = Arrays.copyOf(where, count * 2);
      lengths = Arrays.copyOf(lengths, count * 2);
      hashes = Arrays.copyOf(hashes, count * 2);
    }
    System.arraycopy(name, 0, arenas[arenas.length - 1], arenaPos, length);
    where[count] = ((long) (arenas.length - 1) << 32) | arenaPos;
    lengths[count] = (short) length;
    hashes[count] = hash;
    arenaPos += length;
    return count++;
  }

  private byte[] bytes(int id) {
    return arenas[(int) (where[id] >>> 32)];
  }

  private int offset(int id) {
    return (int) where[id];
  }

  private void rehash() {
    int[] t = new int[table.length * 2];
    int mask = t.length - 1;
    for (int id = 0; id < count; id++) {
      int pos = (int) (hashes[id] ^ (hashes[id] >>> 29)) & mask;
      while (t[pos] != 0) {
        pos = (pos + 1) & mask;
      }
      t[pos] = id + 1;
    }
    table = t;
  }

  int size() {
    return count;
  }

  /** An immutable view of the names interned so far. */
  View view() {
    return new View(arenas, where, lengths, count);
  }

  /** Names by id, as of one moment. Immutable; safe to share once published. */
  static final class View {
    private final byte[][] arenas;
    private final long[] where;
    private final short[] lengths;
    private final int size;

    private View(byte[][] arenas, long[] where, short[] lengths, int size) {
      this.arenas = arenas;
      this.where = where;
      this.lengths = lengths;
      this.size = size;
    }

    int size() {
      return size;
    }

    String text(int id) {
      long w = where[id];
      return new String(arenas[(int) (w >>> 32)], (int) w, lengths[id], StandardCharsets.US_ASCII);
    }
  }
}
