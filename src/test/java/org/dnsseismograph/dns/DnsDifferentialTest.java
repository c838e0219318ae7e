package org.dnsseismograph.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every DNS message tshark finds in every test capture, {@link DnsHeaderScanner} agrees with
 * dnsjava on every field it reports, and with tshark's own decoded fields; both accept or both
 * reject, except at the places listed in {@link #EXPECTED_DIVERGENCES}, each with its reason. The
 * messages come from tshark ({@code dns_raw}), not from our wire code.
 */
class DnsDifferentialTest {
  /**
   * Every message on which the scanner and dnsjava must disagree about acceptance: file, frame,
   * message in frame, kind, why. Kinds: RDATA (dnsjava parses each record's data; the scanner skips
   * it), TSIG_POSITION (dnsjava wants TSIG last), OPT_RULE (the scanner applies RFC 6891 §6.1.1: one
   * OPT, owned by the root; dnsjava takes any), POINTER_HOPS (the scanner's bound of 128 pointers
   * per name; dnsjava has none).
   * The test fails when a listed divergence does not happen, too.
   */
  private static final String EXPECTED_DIVERGENCES = """
      ndpi-fuzz-2006-06-26-2594.pcap | 18 | 0 | RDATA | PTR target 9localhost then 0x4F: label type 0x40
      ndpi-fuzz-2006-06-26-2594.pcap | 345 | 0 | RDATA | PTR target starts with 0x50: label type 0x40
      ndpi-fuzz-2006-06-26-2594.pcap | 684 | 0 | RDATA | a type corrupted to A6 (38) over 6 bytes that are no A6
      """;

  /** Captures in which tshark finds no DNS message, and why. */
  private static final Map<String, String> NO_DNS = Map.of(
      "entrada-sidnlabs-test-tcp-all-malformed-packets.dups.pcap",
      "TCP port-53 traffic that tshark does not decode as DNS (SOURCES.md: 0 DNS frames)");

  static Stream<Named<Path>> captures() {
    return TsharkDns.captureFiles().stream().map(p -> Named.of(p.getFileName().toString(), p));
  }

  @ParameterizedTest
  @MethodSource("captures")
  void scannerAndDnsjavaAgreeOnEveryMessage(Path file) {
    List<TsharkDns.Msg> messages = TsharkDns.messages(file);
    String name = file.getFileName().toString();
    assertEquals(NO_DNS.containsKey(name), messages.isEmpty(), name + ": DNS messages found by tshark");
    DnsHeaderScanner scanner = new DnsHeaderScanner();
    DnsMessageView view = new DnsMessageView();
    Set<String> divergences = new TreeSet<>();
    List<String> failures = new ArrayList<>();
    for (TsharkDns.Msg m : messages) {
      ScanResult result = scanner.scan(ByteBuffer.wrap(m.wire()), 0, m.wire().length, view);
      DnsjavaOracle dnsjava = DnsjavaOracle.of(m.wire());
      for (String mismatch : dnsjava.mismatches(m.wire(), result, view)) {
        failures.add(m.where() + ": " + mismatch);
      }
      String divergence = dnsjava.divergence(result);
      if (divergence != null) {
        divergences.add(m.file() + " | " + m.frame() + " | " + m.index() + " | " + divergence);
      }
    }
    assertEquals(expected(name), divergences, name + ": divergences between scanner and dnsjava");
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  @ParameterizedTest
  @MethodSource("captures")
  void scannerAgreesWithTsharksDecodedFields(Path file) {
    DnsHeaderScanner scanner = new DnsHeaderScanner();
    DnsMessageView view = new DnsMessageView();
    List<String> failures = new ArrayList<>();
    for (TsharkDns.Msg m : TsharkDns.messages(file)) {
      ScanResult result = scanner.scan(ByteBuffer.wrap(m.wire()), 0, m.wire().length, view);
      for (String mismatch : TsharkFields.mismatches(m.dns(), result, view)) {
        failures.add(m.where() + ": " + mismatch);
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  private static Set<String> expected(String file) {
    Map<String, String> byKey = new TreeMap<>();
    for (String line : EXPECTED_DIVERGENCES.strip().split("\n")) {
      String[] f = line.split("\\|");
      if (f.length >= 4 && f[0].strip().equals(file)) {
        byKey.put(f[0].strip() + " | " + f[1].strip() + " | " + f[2].strip() + " | " + f[3].strip(), line);
      }
    }
    return new TreeSet<>(byKey.keySet());
  }

  /** tshark's fields for one DNS layer, compared with a scan. */
  static final class TsharkFields {
    /** tshark names an UPDATE's sections zone, prerequisites, updates (RFC 2136 §2.2). */
    private static final int UPDATE = 5;

    private TsharkFields() {}

    static List<String> mismatches(JsonNode dns, ScanResult result, DnsMessageView v) {
      List<String> out = new ArrayList<>();
      if (result == ScanResult.TOO_SHORT) {
        return out;
      }
      JsonNode flags = dns.path("dns.flags_tree");
      require(out, "dns.id", dns.get("dns.id"), v.id);
      require(out, "dns.flags.response", flags.get("dns.flags.response"), v.qr ? 1 : 0);
      require(out, "dns.flags.opcode", flags.get("dns.flags.opcode"), v.opcode);
      require(out, "dns.flags.truncated", flags.get("dns.flags.truncated"), v.tc ? 1 : 0);
      if (v.qr) {
        require(out, "dns.flags.rcode", flags.get("dns.flags.rcode"), v.headerRcode);
      }
      boolean update = v.opcode == UPDATE;
      String questions = update ? "dns.count.zones" : "dns.count.queries";
      require(out, questions, dns.get(questions), v.qdCount);
      String answers = update ? "dns.count.prerequisites" : "dns.count.answers";
      require(out, answers, dns.get(answers), v.anCount);
      String authority = update ? "dns.count.updates" : "dns.count.auth_rr";
      require(out, authority, dns.get(authority), v.nsCount);
      require(out, "dns.count.add_rr", dns.get("dns.count.add_rr"), v.arCount);
      if (v.hasQuestion) {
        question(out, dns, v);
      }
      edns(out, dns, result, v);
      return out;
    }

    private static void question(List<String> out, JsonNode dns, DnsMessageView v) {
      JsonNode queries = dns.get(v.opcode == UPDATE ? "Zone" : "Queries");
      if (queries == null || !queries.elements().hasNext()) {
        out.add("tshark shows no query; the scanner read " + v.qnameString());
        return;
      }
      JsonNode q = queries.elements().next();
      String tsharkName = DnsjavaOracle.lowerAscii(TsharkNames.collapse(q.path("dns.qry.name").asText()));
      String ours = DnsjavaOracle.lowerAscii(TsharkNames.render(v.qnameString()));
      if (!tsharkName.equals(ours)) {
        out.add("dns.qry.name: tshark " + tsharkName + ", scanner " + v.qnameString()
            + " (as tshark prints it: " + ours + ")");
      }
      require(out, "dns.qry.type", q.get("dns.qry.type"), v.qtype);
      require(out, "dns.qry.class", q.get("dns.qry.class"), v.qclass);
    }

    private static void edns(List<String> out, JsonNode dns, ScanResult result, DnsMessageView v) {
      JsonNode opt = null;
      for (JsonNode rr : dns.path("Additional records")) {
        if (rr.path("dns.resp.type").asText().equals("41")) {
          opt = rr;
          break;
        }
      }
      if (v.edns && opt == null) {
        out.add("tshark shows no OPT record; the scanner read one");
      } else if (!v.edns && opt != null && result == ScanResult.OK) {
        out.add("tshark shows an OPT record; the scanner read none");
      } else if (v.edns) {
        require(out, "dns.rr.udp_payload_size", opt.get("dns.rr.udp_payload_size"), v.udpPayloadSize);
        require(out, "dns.resp.edns0_version", opt.get("dns.resp.edns0_version"), v.ednsVersion);
        require(out, "dns.resp.z.do", opt.path("dns.resp.z_tree").get("dns.resp.z.do"), v.dnssecOk ? 1 : 0);
        require(out, "dns.resp.ext_rcode", opt.get("dns.resp.ext_rcode"), v.rcode >>> 4);
      }
    }

    /** tshark must show the field, with the scanner's value. */
    private static void require(List<String> out, String field, JsonNode tshark, int scanner) {
      if (tshark == null) {
        out.add(field + ": tshark does not show it; scanner " + scanner);
      } else if (Integer.decode(tshark.asText()) != scanner) {
        out.add(field + ": tshark " + tshark.asText() + ", scanner " + scanner);
      }
    }
  }
}
