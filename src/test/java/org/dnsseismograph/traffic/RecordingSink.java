package org.dnsseismograph.traffic;

import java.util.ArrayList;
import java.util.List;
import org.dnsseismograph.wire.Transport;

/** Copies every transaction it receives into a value, in order. */
public final class RecordingSink implements TransactionSink {

  /** An immutable copy of one transaction. */
  public record Seen(Outcome outcome, long queryTime, long responseTime, long latency, long queryFrame, long responseFrame, Transport transport, String client,
      int clientPort, String server, int serverPort, int id, String qname, long qnameHash, int qtype, int opcode, boolean rd, int rcode, boolean tc, boolean aa,
      int anCount, int nsCount) {}

  public final List<Seen> seen = new ArrayList<>();

  @Override
  public void onTransaction(Transaction t) {
    seen.add(new Seen(t.outcome, t.queryTimeNanos, t.responseTimeNanos, t.latencyNanos, t.queryFrame, t.responseFrame, t.transport, t.client().toString(),
        t.clientPort, t.server().toString(), t.serverPort, t.id, t.qnameString(), t.qnameHash(), t.qtype, t.opcode, t.rd, t.rcode, t.tc, t.aa, t.anCount,
        t.nsCount));
  }

  public List<Outcome> outcomes() {
    return seen.stream().map(Seen::outcome).toList();
  }

  public Seen last() {
    return seen.get(seen.size() - 1);
  }
}
