package org.dnsseismograph.dns;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Throughput of the DNS decoders on one thread, as messages per second: {@link DnsHeaderScanner} on
 * a typical EDNS query and response and on every message of a real capture, {@link
 * ResponseSectionScanner} on the same response, and {@link DnsDecoder} (dnsjava) for scale. A
 * benchmark, not a test: run by hand, {@code java -cp <test classpath>
 * org.dnsseismograph.dns.DnsScannerBenchmark [seconds-per-case [case]]}, where case is one of query,
 * response, alternating, capture, sections, dnsjava (all by default; one case per JVM keeps the JIT's
 * profile of one case from shaping another's code). The real capture needs tshark. Each case runs a
 * warm-up of the same length first; the best of three rounds is printed.
 */
final class DnsScannerBenchmark {
  private static final String REAL_CAPTURE = "pktvisor-dns_udp_tcp_random.pcap";

  private DnsScannerBenchmark() {}

  /** What dig sends: www.example.com A, RD and AD, EDNS 1232 with a client cookie. */
  static byte[] typicalQuery() {
    return Wire.header(0x5a17, 0x0120, 1, 0, 0, 1).name("www", "example", "com").typeClass(1, 1)
        .opt(1232, 0, 0, false, HexFormat.of().parseHex("000a0008" + "0123456789abcdef")).build();
  }

  /** Its answer: a CNAME and two A records, compressed, EDNS 1232 with DO and the cookie echoed. */
  static byte[] typicalResponse() {
    return Wire.header(0x5a17, 0x8180, 1, 3, 0, 1).name("www", "example", "com").typeClass(1, 1)
        .pointer(12).record(5, 1, 300, new Wire().label("cdn".getBytes()).pointer(16).build())
        .pointer(45).record(1, 1, 60, new byte[] {93, (byte) 184, (byte) 215, 14})
        .pointer(45).record(1, 1, 60, new byte[] {93, (byte) 184, (byte) 215, 15})
        .opt(1232, 0, 0, true, HexFormat.of().parseHex("000a0018" + "0123456789abcdef" + "00".repeat(16))).build();
  }

  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2;
    String only = args.length > 1 ? args[1] : "";
    List<byte[]> real = new ArrayList<>();
    TsharkDns.messages(TsharkDns.captures().resolve(REAL_CAPTURE)).forEach(m -> real.add(m.wire()));
    Corpus query = Corpus.of(List.of(typicalQuery()));
    Corpus response = Corpus.of(List.of(typicalResponse()));
    Corpus both = Corpus.of(List.of(typicalQuery(), typicalResponse()));
    Corpus captured = Corpus.of(real);
    DnsHeaderScanner scanner = new DnsHeaderScanner();
    DnsMessageView view = new DnsMessageView();
    ResponseSectionScanner sectionScanner = new ResponseSectionScanner();
    ResponseSections sections = new ResponseSections();
    DnsDecoder decoder = new DnsDecoder();
    byte[] r = typicalResponse();
    Map<String, Work> cases = new LinkedHashMap<>();
    cases.put("query", n -> scanAll(scanner, view, query, n));
    cases.put("response", n -> scanAll(scanner, view, response, n));
    cases.put("alternating", n -> scanAll(scanner, view, both, n));
    cases.put("capture", n -> scanAll(scanner, view, captured, n));
    cases.put("sections", n -> sectionsAll(sectionScanner, sections, response, n));
    cases.put("dnsjava", n -> {
      long sum = 0;
      for (long i = 0; i < n; i++) {
        sum += decoder.decode(r).sections().size();
      }
      return sum;
    });
    Map<String, String> titles = Map.of(
        "query", "header scanner, typical EDNS query (" + query.lengths[0] + " B)",
        "response", "header scanner, typical EDNS response (" + response.lengths[0] + " B)",
        "alternating", "header scanner, query and response alternating",
        "capture", "header scanner, the " + real.size() + " messages of " + REAL_CAPTURE,
        "sections", "section scanner, typical EDNS response",
        "dnsjava", "dnsjava DnsDecoder, typical EDNS response");
    cases.forEach((name, work) -> {
      if (only.isEmpty() || only.equals(name)) {
        report(titles.get(name), seconds, work);
      }
    });
  }

  /** Messages packed into one buffer, with their offsets and lengths. */
  record Corpus(ByteBuffer buffer, int[] offsets, int[] lengths) {
    static Corpus of(List<byte[]> messages) {
      int total = messages.stream().mapToInt(m -> m.length).sum();
      ByteBuffer b = ByteBuffer.allocate(total);
      int[] offsets = new int[messages.size()];
      int[] lengths = new int[messages.size()];
      for (int i = 0; i < messages.size(); i++) {
        offsets[i] = b.position();
        lengths[i] = messages.get(i).length;
        b.put(messages.get(i));
      }
      return new Corpus(b, offsets, lengths);
    }
  }

  private static long scanAll(DnsHeaderScanner scanner, DnsMessageView view, Corpus c, long n) {
    long sum = 0;
    int k = 0;
    for (long i = 0; i < n; i++) {
      scanner.scan(c.buffer, c.offsets[k], c.lengths[k], view);
      sum += view.qnameOctets() + view.rcode + view.udpPayloadSize;
      if (++k == c.offsets.length) {
        k = 0;
      }
    }
    return sum;
  }

  private static long sectionsAll(ResponseSectionScanner scanner, ResponseSections out, Corpus c, long n) {
    long sum = 0;
    for (long i = 0; i < n; i++) {
      scanner.scan(c.buffer, c.offsets[0], c.lengths[0], out);
      sum += out.answerCount() + out.answerOwner(0).hash();
    }
    return sum;
  }

  interface Work {
    long run(long iterations);
  }

  /**
   * Calibrates a batch to about 0.1 s, runs for the warm-up, then three timed rounds; prints the best
   * round by wall time and by the thread's CPU time (the second is steadier on a shared machine).
   */
  private static void report(String what, double seconds, Work work) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long batch = 1000;
    long sink = 0;
    while (true) {
      long t0 = System.nanoTime();
      sink += work.run(batch);
      if (System.nanoTime() - t0 > 100_000_000L) {
        break;
      }
      batch *= 2;
    }
    long rounds = Math.max(1, (long) (seconds * 10));
    for (long i = 0; i < rounds; i++) {
      sink += work.run(batch);
    }
    double bestWall = 0;
    double bestCpu = 0;
    for (int round = 0; round < 3; round++) {
      long w0 = System.nanoTime();
      long c0 = mx.getCurrentThreadCpuTime();
      for (long i = 0; i < rounds; i++) {
        sink += work.run(batch);
      }
      bestCpu = Math.max(bestCpu, rounds * batch / ((mx.getCurrentThreadCpuTime() - c0) / 1e9));
      bestWall = Math.max(bestWall, rounds * batch / ((System.nanoTime() - w0) / 1e9));
    }
    System.out.printf(Locale.ROOT, "%-66s %7.2f M msg/s wall %7.2f M msg/s cpu  %6.1f ns/msg  (checksum %x)%n",
        what, bestWall / 1e6, bestCpu / 1e6, 1e9 / bestCpu, sink);
  }
}
