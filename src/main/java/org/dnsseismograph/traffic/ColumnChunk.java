package org.dnsseismograph.traffic;

/**
 * A fixed number of transaction rows as primitive columns: 35 bytes per row (time 8, latency 4,
 * qname/client/server ids 4 each, ports, qtype and id 2 each, rcode 2, flags 1): the sealed
 * storage of {@link TransactionColumns}. Rows arrive packed from {@link ReorderStage}. Rows are
 * written by one thread; a published row is never written again.
 */
final class ColumnChunk {
  static final int OUTCOME_BITS = 0x07;
  static final int TRANSPORT_SHIFT = 3;
  static final int TC = 0x20;
  static final int AA = 0x40;
  static final int RD = 0x80;

  final long[] time;
  /** Microseconds, capped at {@link Integer#MAX_VALUE}; -1 unless answered. */
  final int[] latencyMicros;

  final int[] qnameId;
  final int[] clientId;
  final int[] serverId;
  final char[] clientPort;
  final char[] serverPort;
  final char[] qtype;
  final char[] id;
  /** -1 without a response. */
  final short[] rcode;
  /** Outcome ordinal (3 bits), transport ordinal (2 bits), TC, AA, RD. */
  final byte[] flags;

  ColumnChunk(int rows) {
    time = new long[rows];
    latencyMicros = new int[rows];
    qnameId = new int[rows];
    clientId = new int[rows];
    serverId = new int[rows];
    clientPort = new char[rows];
    serverPort = new char[rows];
    qtype = new char[rows];
    id = new char[rows];
    rcode = new short[rows];
    flags = new byte[rows];
  }

  /** Packs a transaction and its dictionary ids into {@link ReorderStage}'s five words. */
  static long word1(int qname, int client) {
    return (long) qname << 32 | (client & 0xFFFF_FFFFL);
  }

  static long word2(int server, Transaction t) {
    int latency = t.latencyNanos < 0 ? -1 : (int) Math.min(Integer.MAX_VALUE, t.latencyNanos / 1000);
    return (long) server << 32 | (latency & 0xFFFF_FFFFL);
  }

  static long word3(Transaction t) {
    return (long) (t.clientPort & 0xFFFF) << 48 | (long) (t.serverPort & 0xFFFF) << 32 | (long) (t.qtype & 0xFFFF) << 16 | (t.id & 0xFFFF);
  }

  static long word4(Transaction t) {
    int flags = t.outcome.ordinal() | (t.transport.ordinal() << TRANSPORT_SHIFT) | (t.tc ? TC : 0) | (t.aa ? AA : 0) | (t.rd ? RD : 0);
    return (long) (t.rcode & 0xFFFF) << 8 | (flags & 0xFF);
  }

  /** Writes row {@code i} from packed words {@code w[base, base + 5)}. */
  void setPacked(int i, long[] w, int base) {
    time[i] = w[base];
    long w1 = w[base + 1];
    long w2 = w[base + 2];
    long w3 = w[base + 3];
    long w4 = w[base + 4];
    qnameId[i] = (int) (w1 >>> 32);
    clientId[i] = (int) w1;
    serverId[i] = (int) (w2 >>> 32);
    latencyMicros[i] = (int) w2;
    clientPort[i] = (char) (w3 >>> 48);
    serverPort[i] = (char) (w3 >>> 32);
    qtype[i] = (char) (w3 >>> 16);
    id[i] = (char) w3;
    rcode[i] = (short) (w4 >>> 8);
    flags[i] = (byte) w4;
  }
}
