package org.dnsseismograph.wire;

import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * Reassembles fragmented IPv4 and IPv6 datagrams, keyed as the RFCs say (IPv4: addresses,
 * protocol, id; IPv6: addresses, id). Memory is bounded by {@link DecodeOptions#maxFragmentBytes()}
 * (the oldest incomplete datagram is dropped first) and time by {@link
 * DecodeOptions#fragmentTimeoutNanos()} in capture time, measured from a datagram's first
 * fragment. Drops are counted. Not thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc791">RFC 791</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8200#section-4.5">RFC 8200 section 4.5</a>
 */
final class FragmentReassembler {
  /** Receives each completed datagram; the buffer holds the payload at {@code [0, length)}. */
  interface Datagrams {
    void ipv4Datagram(int protocol, ByteBuffer payload, int length);

    void ipv6Datagram(int nextHeader, ByteBuffer payload, int length);
  }

  private static final long IPV6_MARK = 1L << 40;

  private final LinkedHashMap<AddressKey, FragmentedDatagram> pending = new LinkedHashMap<>();
  private final AddressKey probe = new AddressKey();
  private final long timeout;
  private final long maxBytes;
  private final SkipCounter skips;
  private final Datagrams out;
  private long heldBytes;
  private long oldestFirstSeen = Long.MAX_VALUE;

  FragmentReassembler(DecodeOptions options, SkipCounter skips, Datagrams out) {
    this.timeout = options.fragmentTimeoutNanos();
    this.maxBytes = options.maxFragmentBytes();
    this.skips = skips;
    this.out = out;
  }

  /** One IPv4 fragment: {@code captured} bytes at {@code index} of a fragment {@code wireLength} long. */
  void ipv4(PacketContext ctx, int id, int protocol, int offset, boolean more, ByteBuffer b, int index, int captured, int wireLength) {
    probe.set(ctx.srcHi, ctx.srcLo, ctx.dstHi, ctx.dstLo, ((long) protocol << 16) | id);
    FragmentedDatagram d = fragment(ctx, offset, more, b, index, captured, wireLength, protocol);
    if (d != null) {
      out.ipv4Datagram(protocol, d.payload(), d.length());
    }
  }

  /** One IPv6 fragment, its bytes starting after the fragment header. */
  void ipv6(PacketContext ctx, int id, int nextHeader, int offset, boolean more, ByteBuffer b, int index, int captured, int wireLength) {
    probe.set(ctx.srcHi, ctx.srcLo, ctx.dstHi, ctx.dstLo, IPV6_MARK | (id & 0xFFFF_FFFFL));
    FragmentedDatagram d = fragment(ctx, offset, more, b, index, captured, wireLength, offset == 0 ? nextHeader : -1);
    if (d != null) {
      out.ipv6Datagram(d.protocol, d.payload(), d.length());
    }
  }

  /** Adds a fragment under {@link #probe}; returns the datagram when this fragment completed it. */
  private FragmentedDatagram fragment(PacketContext ctx, int offset, boolean more, ByteBuffer b, int index, int captured,
      int wireLength, int protocol) {
    FragmentedDatagram d = pending.get(probe);
    if (d != null && ctx.timestampNanos - d.firstSeen > timeout) {
      drop(d, WireSkip.FRAGMENT_TIMEOUT, ctx.frameNumber);
      d = null;
    }
    int end = offset + wireLength;
    if (captured < wireLength || end > FragmentedDatagram.MAX_LENGTH) {
      // bytes missing from the capture, or a datagram beyond 64 KiB: it can never be whole
      skips.count(WireSkip.FRAGMENT_MALFORMED, ctx.frameNumber);
      if (d != null) {
        remove(d);
      }
      return null;
    }
    if (d == null) {
      d = new FragmentedDatagram(probe.copy(), ctx.timestampNanos);
      pending.put(d.key, d);
      heldBytes += d.cost();
      oldestFirstSeen = Math.min(oldestFirstSeen, d.firstSeen);
    }
    makeRoom(d, d.costAfter(end) - d.cost(), ctx.frameNumber);
    long before = d.cost();
    if (!d.add(offset, end, !more, b, index)) {
      skips.count(WireSkip.FRAGMENT_MALFORMED, ctx.frameNumber);
      remove(d);
      return null;
    }
    heldBytes += d.cost() - before;
    if (protocol >= 0) {
      d.protocol = protocol;
    }
    if (!d.complete()) {
      return null;
    }
    remove(d);
    if (d.protocol < 0) {
      // every fragment arrived except what names the upper layer: cannot happen with a valid first fragment
      skips.count(WireSkip.FRAGMENT_MALFORMED, ctx.frameNumber);
      return null;
    }
    return d;
  }

  /** Drops the oldest other datagrams until {@code growth} more bytes fit. */
  private void makeRoom(FragmentedDatagram keep, long growth, long frameNumber) {
    Iterator<FragmentedDatagram> it = pending.values().iterator();
    while (heldBytes + growth > maxBytes && it.hasNext()) {
      FragmentedDatagram oldest = it.next();
      if (oldest == keep) {
        continue;
      }
      it.remove();
      heldBytes -= oldest.cost();
      skips.count(WireSkip.FRAGMENT_EVICTED, frameNumber);
    }
    refreshOldest();
  }

  /** Drops datagrams whose first fragment is older than the timeout; cheap when none is. */
  void expire(long now, long frameNumber) {
    if (pending.isEmpty() || now - oldestFirstSeen <= timeout) {
      return;
    }
    Iterator<FragmentedDatagram> it = pending.values().iterator();
    while (it.hasNext()) {
      FragmentedDatagram d = it.next();
      if (now - d.firstSeen > timeout) {
        it.remove();
        heldBytes -= d.cost();
        skips.count(WireSkip.FRAGMENT_TIMEOUT, frameNumber);
      }
    }
    refreshOldest();
  }

  /** Counts every datagram still incomplete at the end of the input. */
  void finish(long frameNumber) {
    for (int i = pending.size(); i > 0; i--) {
      skips.count(WireSkip.FRAGMENT_INCOMPLETE, frameNumber);
    }
    pending.clear();
    heldBytes = 0;
    oldestFirstSeen = Long.MAX_VALUE;
  }

  private void drop(FragmentedDatagram d, WireSkip reason, long frameNumber) {
    skips.count(reason, frameNumber);
    remove(d);
  }

  private void remove(FragmentedDatagram d) {
    pending.remove(d.key);
    heldBytes -= d.cost();
    refreshOldest();
  }

  private void refreshOldest() {
    // insertion order is capture order, so the first entry is the oldest (time may step back a
    // little between merged files; expire() then looks at every entry anyway)
    oldestFirstSeen = pending.isEmpty() ? Long.MAX_VALUE : pending.values().iterator().next().firstSeen;
  }

  /** Bytes currently held, for tests of the memory bound. */
  long heldBytes() {
    return heldBytes;
  }

  /** Datagrams currently incomplete. */
  int pendingCount() {
    return pending.size();
  }
}
