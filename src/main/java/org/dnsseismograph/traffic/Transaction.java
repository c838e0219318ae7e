package org.dnsseismograph.traffic;

import java.nio.charset.StandardCharsets;
import org.dnsseismograph.dns.DnsMessageView;
import org.dnsseismograph.dns.WireNameText;
import org.dnsseismograph.wire.IpAddress;
import org.dnsseismograph.wire.Transport;

/**
 * One DNS transaction as {@link QueryResponseMatcher} closes it: a query and its response, a query
 * alone, or a response alone. A reused flyweight: valid only during the {@link
 * TransactionSink#onTransaction} call that receives it; copy what you keep. Not thread-safe.
 *
 * <p>Times are epoch nanoseconds UTC as captured. The client is the side that sent the query (for
 * a response alone: the response's destination); the server the side that answered. Query-side
 * fields ({@link #opcode}, {@link #rd}) come from the query, or from the response when there was no
 * query; response-side fields are {@link #NONE} / false when there was no response. The question
 * ({@link #qname()}, {@link #qtype}) is the query's; for a response alone, the response's (empty when
 * it had none).
 */
public final class Transaction {
  /** Value of the time, latency, frame and rcode fields that do not apply. */
  public static final int NONE = -1;

  /** Value of the time fields that do not apply. */
  public static final long NO_TIME = Long.MIN_VALUE;

  /** {@link #nameSlot}: the name is in {@link #qnameWire}; or it was left in a slot now freed. */
  private static final int NAME_COPIED = -1;
  private static final int NAME_GONE = -2;

  public Outcome outcome;
  /** Capture time of the query, or {@link #NO_TIME} for a response alone. */
  public long queryTimeNanos;
  /** Capture time of the response, or {@link #NO_TIME} when unanswered. */
  public long responseTimeNanos;
  /** {@code responseTime - queryTime} (never negative), or {@link #NONE} unless answered. */
  public long latencyNanos;
  /** 1-based frame numbers of the query and the response, 0 when absent. */
  public long queryFrame;

  public long responseFrame;
  public Transport transport;
  public long clientHi;
  public long clientLo;
  public int clientPort;
  public long serverHi;
  public long serverLo;
  public int serverPort;
  /** The DNS message id. */
  public int id;
  /**
   * The question name in uncompressed wire form, ASCII letters lower-cased, as {@link
   * DnsMessageView#qnameWire()}: its first {@link #qnameOctets} bytes; none without a question.
   */
  final byte[] qnameWire = new byte[WireNameText.WIRE_CAPACITY];

  int qnameOctets;
  private final WireNameText text = new WireNameText();
  /**
   * The pending slot the name's bytes are still to be copied from ({@link #nameInSlot}), or one of
   * the two values below: most transactions are counted without their name ever being read, and
   * copying it cost about a twentieth of the whole capture pass.
   */
  private int nameSlot = NAME_COPIED;
  private PendingQueries nameSource;

  public int qtype;
  public int opcode;
  /** Recursion desired, as the client asked. */
  public boolean rd;
  /** The full (extended) rcode of the response, or {@link #NONE}. */
  public int rcode;

  public boolean tc;
  public boolean aa;
  public boolean ra;
  /** Answer and authority record counts of the response, 0 when none. */
  public int anCount;

  public int nsCount;

  public TransactionKind kind() {
    return outcome.kind();
  }

  /** The time this transaction is filed under: the query's, or the response's when there was none. */
  public long timeNanos() {
    return queryTimeNanos != NO_TIME ? queryTimeNanos : responseTimeNanos;
  }

  /** The client address (allocates). */
  public IpAddress client() {
    return new IpAddress(clientHi, clientLo);
  }

  /** The server address (allocates). */
  public IpAddress server() {
    return new IpAddress(serverHi, serverLo);
  }

  /**
   * The question name in lower-case presentation format, as {@link DnsMessageView#qname()}: the
   * first {@link #qnameLength()} bytes; empty without a question. Written on first use (counting
   * never needs it); this transaction's array, overwritten with the next one.
   */
  public byte[] qname() {
    return text().bytes();
  }

  /** Characters of {@link #qname()}. */
  public int qnameLength() {
    return text().length();
  }

  /** {@link DnsMessageView#nameHash} of {@link #qname()}, 0 without a question. */
  public long qnameHash() {
    return text().hash();
  }

  /** The question name as a String (allocates). */
  public String qnameString() {
    return new String(qname(), 0, qnameLength(), StandardCharsets.US_ASCII);
  }

  /** Forgets the text of the previous name: to be called whenever {@link #qnameWire} changes. */
  void nameChanged() {
    nameSlot = NAME_COPIED;
    text.forget();
  }

  /**
   * The name (of {@link #qnameOctets} octets) lies in pending slot {@code slot} of {@code source},
   * which stays there until {@link #handedOn()}: it is copied only if read before then.
   */
  void nameInSlot(PendingQueries source, int slot) {
    if (nameSource != source) {
      // the same table transaction after transaction: a reference store costs a GC write barrier
      nameSource = source;
    }
    nameSlot = slot;
    text.forget();
  }

  /** The sink's call is over and the slot may go: the name no longer lies anywhere to be read. */
  void handedOn() {
    if (nameSlot >= 0) {
      nameSlot = NAME_GONE;
    }
  }

  private WireNameText text() {
    if (!text.isWritten()) {
      text.write(qnameWire(), qnameOctets);
    }
    return text;
  }

  /**
   * The question name in lower-case uncompressed wire form: the first {@link #qnameOctets} bytes,
   * the rest of the first 32 zero; none without a question. Copied out of the pending slot on first
   * use; this transaction's array, overwritten with the next one.
   */
  byte[] qnameWire() {
    if (nameSlot != NAME_COPIED) {
      if (nameSlot == NAME_GONE) {
        throw new IllegalStateException("a transaction's name is read after the call that received it");
      }
      nameSource.copyName(nameSlot, qnameOctets, qnameWire);
      nameSlot = NAME_COPIED;
    }
    return qnameWire;
  }

  /** Clears the response-side fields. */
  void clearResponse() {
    responseTimeNanos = NO_TIME;
    responseFrame = 0;
    latencyNanos = NONE;
    rcode = NONE;
    tc = false;
    aa = false;
    ra = false;
    anCount = 0;
    nsCount = 0;
  }

  /** Copies the response-side fields of a response message. */
  void setResponse(long timeNanos, long frame, DnsMessageView v) {
    responseTimeNanos = timeNanos;
    responseFrame = frame;
    rcode = v.rcode;
    tc = v.tc;
    aa = v.aa;
    ra = v.ra;
    anCount = v.anCount;
    nsCount = v.nsCount;
  }

  @Override
  public String toString() {
    return outcome + " " + transport + " " + client() + "#" + clientPort + " -> " + server() + "#" + serverPort + " id " + id + " " + qnameString() + "/" + qtype
        + " rcode " + rcode + " latency " + latencyNanos + "ns";
  }
}
