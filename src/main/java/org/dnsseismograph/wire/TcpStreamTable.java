package org.dnsseismograph.wire;

import java.util.Arrays;

/**
 * The TCP stream directions being tracked, by their addresses and ports, in least recently used
 * order. An open-addressed table (linear probing, at most half full, deletion by shifting back, so
 * no tombstones) of the streams themselves: the key lives in the stream as primitive fields, and an
 * {@code int[]} of key hashes is probed before any stream is touched, so a lookup costs no key
 * object and usually one stream. The use order is a doubly linked list of small stream numbers
 * ({@link TcpStream#id}) in two {@code int[]}, so moving a stream to the end touches no other
 * stream; {@link #touch} and {@link #add} keep it exactly as an access-ordered {@code
 * LinkedHashMap} whose {@code get} is {@code find} then {@code touch} would.
 * Each stream in the table knows its reverse direction ({@link TcpStream#peer}) while both are in
 * the table, so an acknowledgement finds the other direction without a lookup. Nothing is
 * allocated once the table has grown to the number of streams it holds; it never holds more than
 * its caller adds. Not thread-safe.
 */
final class TcpStreamTable {
  private static final int INITIAL_CAPACITY = 64;

  private TcpStream[] slots = new TcpStream[INITIAL_CAPACITY];
  /** Hash of each slot's key, never 0; 0 marks an empty slot. */
  private int[] hashes = new int[INITIAL_CAPACITY];
  private int mask = INITIAL_CAPACITY - 1;
  private int size;
  /** Streams by id; an id is free while its stream is not in the table. */
  private TcpStream[] byId = new TcpStream[INITIAL_CAPACITY / 2];
  /** Use order by id: the next older and next newer stream's id, or -1. */
  private int[] older = new int[INITIAL_CAPACITY / 2];
  private int[] newer = new int[INITIAL_CAPACITY / 2];
  private int[] freeIds = new int[INITIAL_CAPACITY / 2];
  private int freeCount;
  private int idsUsed;
  /** Id of the least recently used stream, or -1. */
  private int eldest = -1;
  /** Id of the most recently used stream, or -1. */
  private int newest = -1;

  /** Hash of a direction's key; never 0 (0 marks an empty slot). */
  static int hash(long srcHi, long srcLo, long dstHi, long dstLo, int ports) {
    long h = srcHi * 0x9E37_79B9_7F4A_7C15L;
    h = (h ^ srcLo) * 0x9E37_79B9_7F4A_7C15L;
    h = (h ^ dstHi) * 0x9E37_79B9_7F4A_7C15L;
    h = (h ^ dstLo) * 0x9E37_79B9_7F4A_7C15L;
    h = (h ^ ports) * 0x9E37_79B9_7F4A_7C15L;
    int x = (int) (h ^ (h >>> 32));
    return x == 0 ? 1 : x;
  }

  /** The direction with this key, or null; does not change the use order. */
  TcpStream find(long srcHi, long srcLo, long dstHi, long dstLo, int ports) {
    int h = hash(srcHi, srcLo, dstHi, dstLo, ports);
    int[] hs = hashes;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      int x = hs[i];
      if (x == 0) {
        return null;
      }
      if (x == h) {
        TcpStream s = slots[i];
        if (s.srcLo == srcLo && s.dstLo == dstLo && s.ports == ports && s.srcHi == srcHi && s.dstHi == dstHi) {
          return s;
        }
      }
    }
  }

  /** Makes {@code s}, which is in the table, the most recently used. */
  void touch(TcpStream s) {
    int id = s.id;
    if (id == newest) {
      return;
    }
    unlink(id);
    append(id);
  }

  /** Adds a direction whose key is not in the table yet, as the most recently used, and links it with its reverse. */
  void add(TcpStream s) {
    if (2 * (size + 1) > slots.length) {
      grow();
    }
    place(s);
    size++;
    int id = freeCount > 0 ? freeIds[--freeCount] : idsUsed++;
    s.id = id;
    byId[id] = s;
    append(id);
    if (s.srcHi == s.dstHi && s.srcLo == s.dstLo && s.srcPort == s.dstPort) {
      s.peer = s;
    } else {
      TcpStream r = find(s.dstHi, s.dstLo, s.srcHi, s.srcLo, TcpStream.ports(s.dstPort, s.srcPort));
      s.peer = r;
      if (r != null) {
        r.peer = s;
      }
    }
  }

  /** Removes {@code s}, which is in the table; its reverse direction forgets it. */
  void remove(TcpStream s) {
    int i = s.hash & mask;
    while (slots[i] != s) {
      i = (i + 1) & mask;
    }
    shiftBack(i);
    size--;
    unlink(s.id);
    byId[s.id] = null;
    freeIds[freeCount++] = s.id;
    s.id = -1;
    if (s.peer != null && s.peer != s) {
      s.peer.peer = null;
    }
    s.peer = null;
  }

  /** The least recently used direction, or null when empty. */
  TcpStream eldest() {
    return eldest < 0 ? null : byId[eldest];
  }

  /** The direction used next after {@code s}, which is in the table, or null if {@code s} is the most recent. */
  TcpStream newer(TcpStream s) {
    int n = newer[s.id];
    return n < 0 ? null : byId[n];
  }

  int size() {
    return size;
  }

  /** Forgets every direction. */
  void clear() {
    for (int id = eldest; id >= 0; id = newer[id]) {
      byId[id].peer = null;
      byId[id].id = -1;
    }
    eldest = -1;
    newest = -1;
    Arrays.fill(slots, null);
    Arrays.fill(hashes, 0);
    Arrays.fill(byId, null);
    size = 0;
    freeCount = 0;
    idsUsed = 0;
  }

  private void place(TcpStream s) {
    int i = s.hash & mask;
    while (hashes[i] != 0) {
      i = (i + 1) & mask;
    }
    hashes[i] = s.hash;
    slots[i] = s;
  }

  /** Empties slot {@code i} and moves later entries of its probe run back, so every entry stays reachable from its home slot. */
  private void shiftBack(int i) {
    int hole = i;
    for (int j = (hole + 1) & mask; hashes[j] != 0; j = (j + 1) & mask) {
      int home = hashes[j] & mask;
      // move j into the hole unless its home lies cyclically in (hole, j]
      if (((j - home) & mask) >= ((j - hole) & mask)) {
        hashes[hole] = hashes[j];
        slots[hole] = slots[j];
        hole = j;
      }
    }
    hashes[hole] = 0;
    slots[hole] = null;
  }

  private void grow() {
    int capacity = slots.length * 2;
    slots = new TcpStream[capacity];
    hashes = new int[capacity];
    mask = capacity - 1;
    for (int id = eldest; id >= 0; id = newer[id]) {
      place(byId[id]);
    }
    byId = Arrays.copyOf(byId, capacity / 2);
    older = Arrays.copyOf(older, capacity / 2);
    newer = Arrays.copyOf(newer, capacity / 2);
    freeIds = Arrays.copyOf(freeIds, capacity / 2);
  }

  private void append(int id) {
    older[id] = newest;
    newer[id] = -1;
    if (newest < 0) {
      eldest = id;
    } else {
      newer[newest] = id;
    }
    newest = id;
  }

  private void unlink(int id) {
    int o = older[id];
    int n = newer[id];
    if (o < 0) {
      eldest = n;
    } else {
      newer[o] = n;
    }
    if (n < 0) {
      newest = o;
    } else {
      older[n] = o;
    }
  }
}
