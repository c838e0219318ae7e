package org.dnsseismograph.wire;

import java.nio.ByteBuffer;
import java.util.ArrayList;

/**
 * TCP segments that arrived ahead of a hole, copied and kept in sequence order until the hole is
 * filled or given up. Sequence numbers compare relative to the stream's next expected number, so
 * wrap-around at 2^32 is harmless. Not thread-safe.
 */
final class OutOfOrderSegments {
  /** What one held segment costs besides its bytes, so many tiny segments are bounded too. */
  static final int SEGMENT_OVERHEAD = 64;

  /** One held segment: {@code data} are its captured bytes, {@code wireLength} its length on the wire. */
  record Segment(int seq, byte[] data, int wireLength) {
    ByteBuffer buffer() {
      return ByteBuffer.wrap(data);
    }
  }

  private final ArrayList<Segment> segments = new ArrayList<>();
  private long cost;

  /** Holds a copy of a segment that starts after {@code nextSeq}. */
  void add(int nextSeq, int seq, ByteBuffer b, int index, int captured, int wireLength) {
    byte[] copy = new byte[captured];
    if (captured > 0) {
      b.get(index, copy);
    }
    int rel = seq - nextSeq;
    int i = segments.size();
    while (i > 0 && segments.get(i - 1).seq() - nextSeq > rel) {
      i--;
    }
    segments.add(i, new Segment(seq, copy, wireLength));
    cost += captured + SEGMENT_OVERHEAD;
  }

  boolean isEmpty() {
    return segments.isEmpty();
  }

  Segment first() {
    return segments.get(0);
  }

  Segment removeFirst() {
    Segment s = segments.remove(0);
    cost -= s.data().length + SEGMENT_OVERHEAD;
    return s;
  }

  /** Bytes held, counting a fixed overhead per segment. */
  long cost() {
    return cost;
  }

  void clear() {
    segments.clear();
    cost = 0;
  }
}
