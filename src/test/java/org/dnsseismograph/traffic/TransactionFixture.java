package org.dnsseismograph.traffic;

import org.dnsseismograph.wire.IpAddress;
import org.dnsseismograph.wire.Transport;

/**
 * Fills one reused {@link Transaction} as the matcher would hand it on: a query answered 3 ms later,
 * an unanswered query, or a response alone, from UDP port 40000 to port 53, id 77, qtype A.
 */
final class TransactionFixture {
  private static final long MS = 1_000_000L;

  private final Transaction t = new Transaction();

  /** The transaction at {@code time} (the query's, or the response's for a response alone). */
  Transaction tx(long time, Outcome outcome, String qname, String client, String server, int rcode) {
    IpAddress c = IpAddress.parse(client);
    IpAddress s = IpAddress.parse(server);
    t.outcome = outcome;
    boolean responseOnly = outcome.kind() == TransactionKind.RESPONSE_ONLY;
    t.queryTimeNanos = responseOnly ? Transaction.NO_TIME : time;
    t.responseTimeNanos = outcome.kind() == TransactionKind.UNANSWERED ? Transaction.NO_TIME : time + (responseOnly ? 0 : 3 * MS);
    t.latencyNanos = outcome == Outcome.ANSWERED ? 3 * MS : Transaction.NONE;
    t.transport = Transport.UDP;
    t.clientHi = c.hi();
    t.clientLo = c.lo();
    t.clientPort = 40000;
    t.serverHi = s.hi();
    t.serverLo = s.lo();
    t.serverPort = 53;
    t.id = 77;
    byte[] wire = qname.isEmpty() ? new byte[0] : CraftedMessage.wireName(qname);
    System.arraycopy(wire, 0, t.qnameWire, 0, wire.length);
    t.qnameOctets = wire.length;
    t.nameChanged();
    t.qtype = 1;
    t.rcode = outcome.kind() == TransactionKind.UNANSWERED ? Transaction.NONE : rcode;
    t.tc = rcode == 0 && qname.startsWith("tc");
    t.aa = true;
    t.rd = true;
    return t;
  }

  /** An answered query of {@code qname} from 192.0.2.10 to 198.51.100.1, NOERROR. */
  Transaction answered(long time, String qname) {
    return tx(time, Outcome.ANSWERED, qname, "192.0.2.10", "198.51.100.1", 0);
  }
}
