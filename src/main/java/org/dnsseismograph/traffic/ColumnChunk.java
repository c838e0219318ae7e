package org.dnsseismograph.traffic;

/**
 * A fixed number of transaction rows as primitive columns: 35 bytes per row (time 8, latency 4,
 * qname/client/server ids 4 each, ports, qtype and id 2 each, rcode 2, flags 1). Used for the
 * sealed chunks of {@link TransactionColumns} and for its reorder staging. Rows are written by one
 * thread; a published row is never written again.
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

  /** Writes row {@code i} from a transaction and its dictionary ids. */
  void set(int i, Transaction t, int qname, int client, int server) {
    time[i] = t.timeNanos();
    latencyMicros[i] = t.latencyNanos < 0 ? -1 : (int) Math.min(Integer.MAX_VALUE, t.latencyNanos / 1000);
    qnameId[i] = qname;
    clientId[i] = client;
    serverId[i] = server;
    clientPort[i] = (char) t.clientPort;
    serverPort[i] = (char) t.serverPort;
    qtype[i] = (char) t.qtype;
    id[i] = (char) t.id;
    rcode[i] = (short) t.rcode;
    flags[i] = (byte) (t.outcome.ordinal() | (t.transport.ordinal() << TRANSPORT_SHIFT) | (t.tc ? TC : 0) | (t.aa ? AA : 0) | (t.rd ? RD : 0));
  }

  /** Copies row {@code i} of this chunk to row {@code j} of {@code to}. */
  void copyRow(int i, ColumnChunk to, int j) {
    to.time[j] = time[i];
    to.latencyMicros[j] = latencyMicros[i];
    to.qnameId[j] = qnameId[i];
    to.clientId[j] = clientId[i];
    to.serverId[j] = serverId[i];
    to.clientPort[j] = clientPort[i];
    to.serverPort[j] = serverPort[i];
    to.qtype[j] = qtype[i];
    to.id[j] = id[i];
    to.rcode[j] = rcode[i];
    to.flags[j] = flags[i];
  }
}
