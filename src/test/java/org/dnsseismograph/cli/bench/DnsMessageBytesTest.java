package org.dnsseismograph.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** The generated messages as dnsjava, an independent decoder, reads them. */
class DnsMessageBytesTest {
  @Test
  void aNameErrorCarriesItsZonesSoaInTheAuthoritySectionAsRfc2308Asks() throws IOException {
    Message m = new Message(DnsMessageBytes.response(4711, "w123.example.test", DnsMessageBytes.A, DnsMessageBytes.NXDOMAIN, true, true));

    assertEquals(Rcode.NXDOMAIN, m.getRcode());
    assertEquals(0, m.getSection(Section.ANSWER).size());
    List<Record> authority = m.getSection(Section.AUTHORITY);
    assertEquals(1, authority.size(), authority.toString());
    SOARecord soa = (SOARecord) authority.get(0);
    assertEquals(Name.fromString("example.test."), soa.getName());
    assertEquals(Name.fromString("ns1.example.test."), soa.getHost());
    assertEquals(Name.fromString("hostmaster.example.test."), soa.getAdmin());
    // the negative-caching TTL is the smaller of the record's TTL and its minimum field (RFC 2308 §3)
    assertEquals(300, Math.min(soa.getTTL(), soa.getMinimum()));
    assertTrue(m.getOPT() != null, "EDNS stays on the response");
    assertEquals(Name.fromString("w123.example.test."), m.getQuestion().getName());
  }

  @Test
  void anAnswerAndAServerFailureHaveNoAuthoritySection() throws IOException {
    Message answer = new Message(DnsMessageBytes.response(1, "w9.shop.test", DnsMessageBytes.A, DnsMessageBytes.NOERROR, false, true));
    Message failure = new Message(DnsMessageBytes.response(2, "w9.shop.test", DnsMessageBytes.AAAA, DnsMessageBytes.SERVFAIL, false, true));

    assertEquals(0, answer.getSection(Section.AUTHORITY).size());
    assertEquals(Type.A, answer.getSection(Section.ANSWER).get(0).getType());
    assertEquals(Name.fromString("w9.shop.test."), ((ARecord) answer.getSection(Section.ANSWER).get(0)).getName());
    assertEquals(0, failure.getSection(Section.AUTHORITY).size());
    assertEquals(0, failure.getSection(Section.ANSWER).size());
  }
}
