package org.dnsseismograph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.testsupport.Captures;
import org.dnsseismograph.testsupport.Tshark;
import org.dnsseismograph.wire.IpAddress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Role detection on every real capture: the resolvers {@link RoleScan} finds are those the rule
 * finds in what tshark decodes from the same file. The rule, restated here: count per address the
 * QUERY-opcode queries it receives on a DNS port (and how many ask for recursion), the queries it
 * sends to port 53 other than SOA, AXFR and IXFR (and how many do not ask for recursion), and the
 * responses it sends from a DNS port (and how many offer recursion). A resolver receives queries,
 * at least half of them recursive, and sends queries; when no address does both, the client side
 * of one (recursive queries in, mostly RA answers out) or the upstream side (only non-recursive
 * queries out, none in).
 *
 * <p>The one file where the peers must differ: {@value #FUZZED}, whose fuzzed frames tshark and our
 * wire layer read differently (tshark drops frames 7 and 423 as malformed because their IP header
 * claims more bytes than were captured, where we read the datagram that is there; frame 450 has
 * extraneous data after its UDP payload). It is checked for what both agree on.
 */
class RoleScanTsharkTest {
  private static final String FUZZED = "ndpi-fuzz-2006-06-26-2594.pcap";

  @BeforeAll
  static void tsharkIsInstalled() {
    assumeTrue(Tshark.available(), "tshark is the trusted peer; install it (Debian package tshark)");
  }

  static List<Path> captures() throws IOException {
    List<Path> all = new ArrayList<>(Captures.captures());
    all.add(CaptureLoaderTest.DEMO);
    return all;
  }

  @ParameterizedTest
  @MethodSource("captures")
  void theResolversFoundAreThoseTheRuleFindsInTsharksDecoding(Path file) throws IOException {
    List<String> ours = RoleScan.resolvers(List.of(file), Captures.optionsFor(file), Progress.NONE).stream()
        .map(r -> r.address() + " " + r.basis()).sorted().toList();
    List<String> peer = peer(file);

    if (file.getFileName().toString().equals(FUZZED)) {
      List<String> shared = peer.stream().filter(ours::contains).toList();
      assertEquals(peer.size() - 1, shared.size(), "all but 192.168.67.1 (frame 450) agree: " + peer + " vs " + ours);
      return;
    }
    assertEquals(peer, ours);
  }

  private static List<String> peer(Path file) throws IOException {
    List<String> options = new ArrayList<>(Captures.tsharkDecodeAs(file));
    options.addAll(List.of("-o", "tcp.reassemble_out_of_order:TRUE", "-E", "occurrence=a", "-E", "aggregator=,"));
    String ports = Captures.usesPort53000(file) ? "53, 53000" : "53";
    Map<String, long[]> evidence = new HashMap<>();
    int messages = 0;
    for (String line : Tshark.fields(file, options, "dns && !icmp && !icmpv6 && !_ws.malformed && (udp.port in {" + ports + "} || tcp.port in {"
        + ports + "})", "ip.src", "ipv6.src", "ip.dst", "ipv6.dst", "udp.srcport", "tcp.srcport", "udp.dstport", "tcp.dstport",
        "dns.flags.response", "dns.flags.opcode", "dns.flags.recdesired", "dns.flags.recavail", "dns.qry.type")) {
      String[] f = line.split("\t", -1);
      String src = last(f[0].isEmpty() ? f[1] : f[0]);
      String dst = last(f[2].isEmpty() ? f[3] : f[2]);
      int sport = Integer.parseInt(last(f[4].isEmpty() ? f[5] : f[4]));
      int dport = Integer.parseInt(last(f[6].isEmpty() ? f[7] : f[6]));
      String[] qr = f[8].split(",");
      for (int i = 0; i < qr.length && messages < RoleScan.PREFIX_MESSAGES; i++, messages++) {
        observe(evidence, src, dst, sport, dport, ports, flag(qr[i]), Integer.parseInt(nth(f[9], i)), flag(nth(f[10], i)), flag(nth(f[11], i)),
            f[12].isEmpty() ? -1 : Integer.parseInt(nth(f[12], i)));
      }
    }
    List<String> both = collect(evidence, "BOTH_SIDES");
    if (!both.isEmpty()) {
      return both;
    }
    List<String> one = new ArrayList<>(collect(evidence, "CLIENT_SIDE"));
    one.addAll(collect(evidence, "UPSTREAM_SIDE"));
    return one.stream().sorted().toList();
  }

  private static void observe(Map<String, long[]> evidence, String src, String dst, int sport, int dport, String ports, boolean response, int opcode,
      boolean rd, boolean ra, int qtype) {
    if (opcode != 0) {
      return;
    }
    boolean dnsDst = ports.contains(Integer.toString(dport)) && (dport == 53 || dport == 53000);
    boolean dnsSrc = sport == 53 || sport == 53000 && ports.contains("53000");
    if (response) {
      if (dnsSrc) {
        long[] e = evidence.computeIfAbsent(canonical(src), k -> new long[6]);
        e[4]++;
        e[5] += ra ? 1 : 0;
      }
      return;
    }
    if (dnsDst) {
      long[] e = evidence.computeIfAbsent(canonical(dst), k -> new long[6]);
      e[0]++;
      e[1] += rd ? 1 : 0;
    }
    if (dport == 53 && qtype != 6 && qtype != 251 && qtype != 252) {
      long[] e = evidence.computeIfAbsent(canonical(src), k -> new long[6]);
      e[2]++;
      e[3] += rd ? 0 : 1;
    }
  }

  private static List<String> collect(Map<String, long[]> evidence, String basis) {
    List<String> out = new ArrayList<>();
    evidence.forEach((address, e) -> {
      boolean in = e[1] > 0 && 2 * e[1] >= e[0];
      boolean match = switch (basis) {
        case "BOTH_SIDES" -> in && e[2] > 0;
        case "CLIENT_SIDE" -> in && 2 * e[5] >= e[4];
        default -> e[0] == 0 && e[2] > 0 && 2 * e[3] > e[2];
      };
      if (match) {
        out.add(address + " " + basis);
      }
    });
    return out.stream().sorted().toList();
  }

  private static String canonical(String address) {
    return IpAddress.parse(address).toString();
  }

  private static String last(String list) {
    String[] v = list.split(",");
    return v[v.length - 1];
  }

  private static String nth(String list, int i) {
    String[] v = list.split(",");
    return v[Math.min(i, v.length - 1)];
  }

  private static boolean flag(String v) {
    return v.equals("1") || v.equalsIgnoreCase("true");
  }
}
