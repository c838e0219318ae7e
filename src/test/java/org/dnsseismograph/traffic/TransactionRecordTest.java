package org.dnsseismograph.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.dnsseismograph.wire.IpAddress;
import org.dnsseismograph.wire.Transport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransactionRecordTest {

  /** Every field the columns keep comes back, at the ends of its range: a 255-octet name, rcode NONE and 4095, ports 0 and 65535. */
  @ParameterizedTest
  @CsvSource(textBlock = """
      ANSWERED,             UDP, 2001:db8::1, 0,     65535, 0,     65535, 4095, 3, true,  false, true
      TIMED_OUT,            TCP, 192.0.2.7,   65535, 0,     65535, 0,     -1,   63, false, true,  false
      UNSOLICITED_RESPONSE, UDP, ::,          53,    53,    1,     1,     0,    1,  true,  true,  true
      """)
  void aTransactionComesBackFieldForField(Outcome outcome, Transport transport, String client, int clientPort, int serverPort, int qtype, int id,
      int rcode, int labels, boolean rd, boolean tc, boolean aa) {
    Transaction t = new Transaction();
    IpAddress c = IpAddress.parse(client);
    t.outcome = outcome;
    t.transport = transport;
    t.queryTimeNanos = outcome == Outcome.UNSOLICITED_RESPONSE ? Transaction.NO_TIME : -5;
    t.responseTimeNanos = Long.MAX_VALUE;
    t.latencyNanos = Transaction.NONE;
    t.clientHi = c.hi();
    t.clientLo = c.lo();
    t.serverHi = ~c.hi();
    t.serverLo = ~c.lo();
    t.clientPort = clientPort;
    t.serverPort = serverPort;
    t.qtype = qtype;
    t.id = id;
    t.rcode = rcode;
    t.rd = rd;
    t.tc = tc;
    t.aa = aa;
    // labels of 3 octets ("x9z") each: 4 octets per label and the root, so 63 labels are 253 octets
    String name = "x9z.".repeat(labels);
    byte[] wire = CraftedMessage.wireName(name.substring(0, name.length() - 1));
    System.arraycopy(wire, 0, t.qnameWire, 0, wire.length);
    t.qnameOctets = wire.length;
    t.nameChanged();

    long[] words = new long[3 + TransactionRecord.MAX_WORDS];
    int n = TransactionRecord.encode(t, words, 3);
    assertEquals(9 + (wire.length + 7) / 8, n);
    Transaction back = new Transaction();
    TransactionRecord.decode(words, 3, back);
    assertEquals(t.toString(), back.toString());
    assertEquals(t.queryTimeNanos, back.queryTimeNanos);
    assertEquals(t.responseTimeNanos, back.responseTimeNanos);
    assertEquals(t.qnameString(), back.qnameString());
    assertEquals(t.qnameHash(), back.qnameHash());
    assertEquals(rd, back.rd);
    assertEquals(tc, back.tc);
    assertEquals(aa, back.aa);
  }
}
