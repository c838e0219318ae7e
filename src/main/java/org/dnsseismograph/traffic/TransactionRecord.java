package org.dnsseismograph.traffic;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.dnsseismograph.wire.Transport;

/**
 * A transaction as a run of longs, so that another thread can rebuild it: the fields {@link
 * TransactionColumns} keeps (outcome, times, latency, transport, addresses, ports, id, question,
 * rcode, flags RD, TC and AA) and the question's wire name, at most {@link #MAX_WORDS} words.
 * Frames, opcode, RA and record counts are not carried. Stateless and thread-safe.
 */
public final class TransactionRecord {
  private static final int FIXED = 9;
  /** Most words a record takes: the fixed fields and a name of 255 octets. */
  public static final int MAX_WORDS = FIXED + 32;

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final Outcome[] OUTCOMES = Outcome.values();
  private static final Transport[] TRANSPORTS = Transport.values();

  private TransactionRecord() {}

  /** Writes {@code t} into {@code dst} from {@code at} on; returns the words written. */
  public static int encode(Transaction t, long[] dst, int at) {
    dst[at] = t.queryTimeNanos;
    dst[at + 1] = t.responseTimeNanos;
    dst[at + 2] = t.latencyNanos;
    dst[at + 3] = t.clientHi;
    dst[at + 4] = t.clientLo;
    dst[at + 5] = t.serverHi;
    dst[at + 6] = t.serverLo;
    dst[at + 7] = ColumnChunk.word3(t);
    dst[at + 8] = (long) t.outcome.ordinal() | (long) t.transport.ordinal() << 8 | (long) (t.rcode + 1 & 0xFFFF) << 16 | (t.rd ? 1L : 0) << 32
        | (t.tc ? 1L : 0) << 33 | (t.aa ? 1L : 0) << 34 | (long) t.qnameOctets << 40;
    int words = (t.qnameOctets + 7) >>> 3;
    for (int i = 0; i < words; i++) {
      dst[at + FIXED + i] = (long) LONGS.get(t.qnameWire, 8 * i);
    }
    return FIXED + words;
  }

  /** Rebuilds into {@code t} the transaction {@link #encode} wrote at {@code at}. */
  public static void decode(long[] src, int at, Transaction t) {
    t.queryTimeNanos = src[at];
    t.responseTimeNanos = src[at + 1];
    t.latencyNanos = src[at + 2];
    t.clientHi = src[at + 3];
    t.clientLo = src[at + 4];
    t.serverHi = src[at + 5];
    t.serverLo = src[at + 6];
    long w3 = src[at + 7];
    t.clientPort = (int) (w3 >>> 48);
    t.serverPort = (int) (w3 >>> 32) & 0xFFFF;
    t.qtype = (int) (w3 >>> 16) & 0xFFFF;
    t.id = (int) w3 & 0xFFFF;
    long w8 = src[at + 8];
    t.outcome = OUTCOMES[(int) w8 & 0xFF];
    t.transport = TRANSPORTS[(int) (w8 >>> 8) & 0xFF];
    t.rcode = ((int) (w8 >>> 16) & 0xFFFF) - 1;
    t.rd = (w8 >>> 32 & 1) != 0;
    t.tc = (w8 >>> 33 & 1) != 0;
    t.aa = (w8 >>> 34 & 1) != 0;
    t.qnameOctets = (int) (w8 >>> 40) & 0xFFFF;
    int words = (t.qnameOctets + 7) >>> 3;
    for (int i = 0; i < words; i++) {
      LONGS.set(t.qnameWire, 8 * i, src[at + FIXED + i]);
    }
    t.nameChanged();
  }
}
