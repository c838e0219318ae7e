package org.dnsseismograph.analysis;

import java.util.Arrays;
import org.dnsseismograph.dns.DnsMessageView;
import org.dnsseismograph.dns.ResponseSectionScanner;
import org.dnsseismograph.dns.ResponseSections;
import org.dnsseismograph.dns.ScanResult;
import org.dnsseismograph.wire.DnsPayload;
import org.dnsseismograph.wire.IpAddress;

/**
 * Learns the {@link ZoneMap} from the responses authoritative servers send to the resolvers:
 *
 * <ul>
 *   <li>a referral (AA clear, NS records in the authority section, no answer) names the delegated
 *       zone's name servers and, with glue, their addresses; the server that sent it serves the
 *       most specific known zone above the delegated one (or, knowing none, its parent);
 *   <li>an authoritative answer (AA set) shows its server serving the owner of an NS or SOA record
 *       in the answer, the owner of the SOA record of a negative answer, the owner of NS records in
 *       its authority section, and otherwise the most specific known zone that holds the question.
 * </ul>
 *
 * Reading a response's sections costs more than the header scan, so an authoritative answer is read
 * only while its server is not yet known to serve a zone holding the question, and a server whose
 * answers taught nothing {@value #FRUITLESS_LIMIT} times in a row is not read again (referrals
 * always are). Confined to the aggregating thread.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc1034#section-4.3.2">RFC 1034 §4.3.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2308#section-2">RFC 2308 §2</a>
 */
final class ZoneLearner {
  static final int FRUITLESS_LIMIT = 64;
  private static final int TYPE_NS = 2;
  private static final int TYPE_SOA = 6;

  private final ZoneMap zones;
  private final ResponseSectionScanner scanner = new ResponseSectionScanner();
  private final ResponseSections sections = new ResponseSections();
  private int[] fruitless = new int[16];
  private long reads;

  ZoneLearner(ZoneMap zones) {
    this.zones = zones;
  }

  /** Learns from one well-formed response that {@code server} sent to a resolver. */
  void learn(int server, DnsPayload p, DnsMessageView v) {
    boolean referral = !v.aa && v.nsCount > 0 && v.anCount == 0;
    int f = fruitless(server);
    if (!referral && (!v.aa || !v.hasQuestion || f >= FRUITLESS_LIMIT || zones.zoneOf(server, v.qname(), v.qnameLength(), v.qnameHash()) >= 0)) {
      return;
    }
    ScanResult r = scanner.scan(p.buffer, p.offset, p.length, sections);
    reads++;
    if (r == ScanResult.TOO_SHORT) {
      return;
    }
    boolean learned = referral ? referral(server) : authoritative(server, v);
    fruitless[server] = learned ? 0 : f + 1;
  }

  private int fruitless(int server) {
    if (server >= fruitless.length) {
      fruitless = Arrays.copyOf(fruitless, Math.max(server + 1, fruitless.length * 2));
    }
    return fruitless[server];
  }

  private boolean referral(int server) {
    glue();
    if (sections.delegationCount() == 0) {
      return false;
    }
    for (int i = 0; i < sections.delegationCount(); i++) {
      zones.nameServer(sections.delegationZone(i).toString(), sections.delegationServer(i).toString());
    }
    String delegated = sections.delegationZone(0).toString();
    int above = zones.longestCovering(delegated, true);
    if (above < 0) {
      String parent = ZoneNames.parent(delegated);
      if (parent == null) {
        return true;
      }
      above = zones.zone(parent);
    }
    zones.serves(server, above);
    return true;
  }

  private boolean authoritative(int server, DnsMessageView v) {
    glue();
    boolean learned = false;
    for (int i = 0; i < sections.answerCount(); i++) {
      int type = sections.answerType(i);
      if (type == TYPE_NS || type == TYPE_SOA) {
        learned |= zones.serves(server, zones.zone(sections.answerOwner(i).toString()));
      }
    }
    if (sections.hasSoa()) {
      learned |= zones.serves(server, zones.zone(sections.soaOwner().toString()));
    }
    for (int i = 0; i < sections.delegationCount(); i++) {
      String zone = sections.delegationZone(i).toString();
      learned |= zones.serves(server, zones.zone(zone));
      zones.nameServer(zone, sections.delegationServer(i).toString());
    }
    if (zones.zoneOf(server, v.qname(), v.qnameLength()) < 0) {
      int known = zones.longestCovering(v.qnameString(), false);
      if (known >= 0) {
        learned |= zones.serves(server, known);
      }
    }
    return learned;
  }

  private void glue() {
    for (int g = 0; g < sections.glueCount(); g++) {
      zones.hostAddress(sections.glueName(g).toString(), new IpAddress(sections.glueAddressHi(g), sections.glueAddressLo(g)));
    }
  }

  /** Responses whose sections were read. */
  long reads() {
    return reads;
  }
}
