package org.dnsseismograph.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.dnsseismograph.wire.CaptureFormat;
import org.dnsseismograph.wire.FrameBuilder;
import org.dnsseismograph.wire.IpAddress;
import org.dnsseismograph.wire.LinkType;
import org.dnsseismograph.wire.PcapWriter;

/**
 * Writes a deterministic capture of a recursive resolver at work, both sides, as real frames
 * (Ethernet, IPv4, UDP and some TCP, nanosecond pcap): stub clients looking names up (Poisson
 * arrivals, retrying like real stubs with a new id and source port after 1, 1 and 2 s or after a
 * SERVFAIL), the resolver answering some from cache and asking the authoritative servers for the
 * rest (round-robin over a zone's servers, the next one 400 ms after a silent one, SERVFAIL after
 * three), the servers answering with authority after a fixed latency each, a root and a TLD server
 * handing out referrals with glue first, and NXDOMAIN with SOA for one zone. Servers can be made
 * dark, partly dark or slow for spans of time; the {@link Truth} records every upstream query with
 * its answer time, so tests know to the nanosecond what a detector should find. Small test
 * fixtures only: the large capture the benchmark times comes from {@code seismograph bench}
 * ({@code cli/bench/SyntheticResolverTraffic}; see {@code bench/detect-vs-series}).
 */
final class SyntheticCapture {
  static final long MS = 1_000_000L;
  static final long S = 1_000_000_000L;
  static final IpAddress RESOLVER = IpAddress.parse("10.0.0.53");
  static final IpAddress ROOT = IpAddress.parse("198.41.0.4");
  static final IpAddress TLD = IpAddress.parse("192.5.6.30");

  /** What the generator did, for the tests' expectations. */
  static final class Truth {
    final Map<IpAddress, List<long[]>> upstream = new HashMap<>();
    long clientQueries;
    long frames;

    /** Every query to {@code server}: {query time, response time or -1}. */
    List<long[]> of(IpAddress server) {
      return upstream.getOrDefault(server, List.of());
    }
  }

  private record Frame(long time, long seq, byte[] bytes) {}

  private record Attempt(long time, long seq, int client, String qname, int qtype, int number, int kind) {}

  private static final int UNIQUE = 0;
  private static final int CACHED = 1;
  private static final int NX = 2;

  private final SyntheticScenario sc;
  private final SplittableRandom random;
  private final FrameBuilder eth = new FrameBuilder(LinkType.ETHERNET);
  private final PriorityQueue<Frame> frames = new PriorityQueue<>((a, b) -> a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq));
  private final PriorityQueue<Attempt> attempts = new PriorityQueue<>((a, b) -> a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq));
  private final Map<String, Integer> roundRobin = new HashMap<>();
  private final Truth truth = new Truth();
  private long seq;
  private long names;

  private SyntheticCapture(SyntheticScenario scenario) {
    this.sc = scenario;
    this.random = new SplittableRandom(scenario.seed);
  }

  /** Writes the scenario's capture to {@code file}. */
  static Truth write(Path file, SyntheticScenario scenario) throws IOException {
    SyntheticCapture g = new SyntheticCapture(scenario);
    try (PcapWriter w = PcapWriter.create(file, CaptureFormat.PCAP_NANO, 1, 65_535)) {
      g.run(w);
    }
    return g.truth;
  }

  private void run(PcapWriter w) throws IOException {
    warmUp(sc.start);
    long t = sc.start + 50 * MS;
    long end = sc.start + sc.duration;
    while (true) {
      t += (long) (-Math.log(1 - random.nextDouble()) / (sc.lookupsPerSecond * sc.shapeMax) * S);
      while (!attempts.isEmpty() && attempts.peek().time <= t) {
        Attempt a = attempts.poll();
        flush(w, a.time);
        attempt(a);
      }
      if (t >= end) {
        break;
      }
      flush(w, t);
      if (random.nextDouble() * sc.shapeMax < sc.shape.applyAsDouble((double) (t - sc.start) / S)) {
        lookup(t);
      }
    }
    flush(w, Long.MAX_VALUE);
  }

  private void flush(PcapWriter w, long until) throws IOException {
    while (!frames.isEmpty() && frames.peek().time <= until) {
      Frame f = frames.poll();
      w.write(f.time, f.bytes, 0, f.bytes.length, f.bytes.length);
      truth.frames++;
    }
  }

  private void emit(long time, byte[] frame) {
    frames.add(new Frame(time, seq++, frame));
  }

  /** A frame between the resolver and a server: left out of a client-side-only capture. */
  private void emitUpstream(long time, byte[] frame) {
    if (!sc.clientSideOnly) {
      emit(time, frame);
    }
  }

  /** The resolver learns the zones: the root refers it to the TLD, the TLD to each zone's servers. */
  private void warmUp(long t) {
    IpAddress tldHost = TLD;
    upstream(t, ROOT, "net", DnsWire.NS, (id, q) -> DnsWire.referral(id, q, DnsWire.NS, "net", List.of("a.nic.net"), List.of(tldHost)), 2 * MS);
    long at = t + 10 * MS;
    for (SyntheticScenario.Zone z : sc.zones) {
      List<String> ns = new ArrayList<>();
      for (int i = 0; i < z.servers().size(); i++) {
        ns.add("ns" + (i + 1) + "." + z.name());
      }
      upstream(at, TLD, z.name(), DnsWire.NS, (id, q) -> DnsWire.referral(id, q, DnsWire.NS, z.name(), ns, z.servers()), 3 * MS);
      at += 5 * MS;
    }
  }

  /** One upstream exchange that is always answered (the warm-up). */
  private void upstream(long t, IpAddress server, String qname, int qtype, java.util.function.BiFunction<Integer, String, byte[]> answer, long latency) {
    int id = random.nextInt(65536);
    int port = 1024 + random.nextInt(60000);
    emitUpstream(t, eth.udp(RESOLVER, port, server, 53, DnsWire.query(id, qname, qtype, false)));
    emitUpstream(t + latency, eth.udp(server, 53, RESOLVER, port, answer.apply(id, qname)));
  }

  private void lookup(long t) {
    truth.clientQueries++;
    int client = random.nextInt(sc.clients);
    int qtype = random.nextInt(4) == 0 ? DnsWire.AAAA : DnsWire.A;
    double r = random.nextDouble();
    if (r < sc.cachedShare) {
      attempt(new Attempt(t, seq++, client, "www." + zone(random.nextDouble()).name(), qtype, 1, CACHED));
    } else if (r < sc.cachedShare + sc.nxShare) {
      attempt(new Attempt(t, seq++, client, "q" + Long.toHexString(++names) + ".nosuch.net", qtype, 1, NX));
    } else {
      attempt(new Attempt(t, seq++, client, "q" + Long.toHexString(++names) + "." + zone(random.nextDouble()).name(), qtype, 1, UNIQUE));
    }
  }

  private SyntheticScenario.Zone zone(double r) {
    double acc = 0;
    for (SyntheticScenario.Zone z : sc.zones) {
      acc += z.share();
      if (r < acc) {
        return z;
      }
    }
    return sc.zones.get(sc.zones.size() - 1);
  }

  /** One client attempt: the query, the resolver's work, its answer, and the client's retry if it needs one. */
  private void attempt(Attempt a) {
    IpAddress client = IpAddress.ofIpv4(0x0A01_0000 | a.client + 10);
    int port = 1024 + random.nextInt(60000);
    int id = random.nextInt(65536);
    boolean tcp = random.nextDouble() < sc.tcpShare;
    ClientLeg leg = new ClientLeg(this::emit, eth, RESOLVER, client, port, id, a.qname, a.qtype, tcp);
    leg.query(a.time);
    if (random.nextDouble() < sc.resolverDrops) {
      retry(a, a.time + timeout(a.number));
      return;
    }
    long answered;
    int rcode;
    if (a.kind == CACHED) {
      answered = a.time + 100_000;
      rcode = 0;
    } else {
      List<IpAddress> servers = a.kind == NX ? List.of(TLD) : zoneOf(a.qname).servers();
      answered = ask(a.time + 300_000, servers, a.qname, a.qtype, a.kind == NX ? "net" : zoneOf(a.qname).name(), a.kind == NX);
      rcode = answered < 0 ? 2 : a.kind == NX ? 3 : 0;
      if (answered < 0) {
        answered = a.time + 300_000 + Math.min(3, servers.size()) * 400 * MS;
      }
    }
    long reply = answered + 200_000;
    leg.answer(reply, rcode);
    if (reply - a.time > timeout(a.number)) {
      retry(a, a.time + timeout(a.number));
    } else if (rcode == 2) {
      retry(a, reply + 250 * MS);
    }
  }

  private static long timeout(int attempt) {
    return attempt >= 3 ? 2 * S : S;
  }

  private void retry(Attempt a, long at) {
    if (a.number < 3) {
      attempts.add(new Attempt(at, seq++, a.client, a.qname, a.qtype, a.number + 1, a.kind));
    }
  }

  private SyntheticScenario.Zone zoneOf(String qname) {
    for (SyntheticScenario.Zone z : sc.zones) {
      if (qname.endsWith("." + z.name())) {
        return z;
      }
    }
    throw new IllegalStateException(qname);
  }

  /**
   * The resolver asks the servers in turn, 400 ms apart, until one answers (at most three tries);
   * returns the time of the answer, or -1.
   */
  private long ask(long t, List<IpAddress> servers, String qname, int qtype, String zone, boolean nx) {
    int first = roundRobin.merge(zone, 1, Integer::sum);
    for (int k = 0; k < Math.min(3, servers.size()); k++) {
      IpAddress server = servers.get((first + k) % servers.size());
      long at = t + k * 400 * MS;
      int id = random.nextInt(65536);
      int port = 1024 + random.nextInt(60000);
      emitUpstream(at, eth.udp(RESOLVER, port, server, 53, DnsWire.query(id, qname, qtype, false)));
      long answer = answerTime(server, at);
      truth.upstream.computeIfAbsent(server, x -> new ArrayList<>()).add(new long[] {at, answer});
      if (answer >= 0) {
        byte[] msg = nx ? DnsWire.nxdomain(id, qname, qtype, zone)
            : DnsWire.answer(id, qname, qtype, true, false, List.of(IpAddress.ofIpv4(0xC000_0200 | (int) (names & 0xFF))));
        emitUpstream(answer, eth.udp(server, 53, RESOLVER, port, msg));
        if (answer - at <= 3 * S) {
          return answer;
        }
      }
    }
    return -1;
  }

  /** When {@code server} answers a query that reaches it at {@code t}: -1 for never. */
  private long answerTime(IpAddress server, long t) {
    long offset = t - sc.start;
    for (SyntheticScenario.Dark d : sc.dark) {
      if (d.server().equals(server) && offset >= d.fromOffset() && offset < d.toOffset() && random.nextDouble() >= d.answerProbability()) {
        return -1;
      }
    }
    if (sc.upstreamLoss > 0 && random.nextDouble() < sc.upstreamLoss) {
      return -1;
    }
    long latency = (1 + (server.lo() & 3)) * MS;
    for (SyntheticScenario.Slow s : sc.slow) {
      if (s.server().equals(server) && offset >= s.fromOffset() && offset < s.toOffset()) {
        latency = s.delay();
      }
    }
    return t + latency;
  }
}
