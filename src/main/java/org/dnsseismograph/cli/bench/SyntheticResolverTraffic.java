package org.dnsseismograph.cli.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.wire.CaptureFormat;
import org.dnsseismograph.wire.FrameBuilder;
import org.dnsseismograph.wire.IpAddress;
import org.dnsseismograph.wire.LinkType;
import org.dnsseismograph.wire.PcapWriter;

/**
 * Writes a large, realistic and deterministic capture of one recursive resolver's traffic, both
 * sides, for benchmarks: clients asking at a steady rate with a slow swell, cache hits answered at
 * once, misses sent upstream to the servers of six zones, some NXDOMAIN (with their zone's SOA), a
 * few dropped queries, about 1 % over TCP with full handshakes — and one outage of a zone's three
 * servers during which the resolver's upstream queries go unanswered, clients get SERVFAIL and stubs
 * retry with new ids and ports. The same plan and seed always give the same bytes.
 */
public final class SyntheticResolverTraffic {
  /**
   * Raised whenever a change makes the same plan write other bytes, so that a capture kept from an
   * older generator is written again rather than timed: 2 gave the name errors their zone's SOA.
   */
  static final int GENERATION = 2;

  private static final IpAddress RESOLVER = IpAddress.parse("10.0.0.53");
  private static final Zone[] ZONES = {
    new Zone("example.net", 0.30, "192.0.2.1", "192.0.2.2", "192.0.2.3"),
    new Zone("shop.example", 0.20, "198.51.100.1", "198.51.100.2"),
    new Zone("media.test", 0.15, "203.0.113.1", "203.0.113.2"),
    new Zone("bank.test", 0.15, "203.0.113.11", "203.0.113.12"),
    new Zone("news.test", 0.12, "203.0.113.21", "203.0.113.22"),
    new Zone("mail.test", 0.08, "203.0.113.31"),
  };
  private static final long MS = TimeUnits.NANOS_PER_MILLI;
  private static final long SECOND = TimeUnits.NANOS_PER_SECOND;
  /** Packets one client query makes on average (measured on this generator), to size the run. */
  private static final double PACKETS_PER_QUERY = 2.75;

  /**
   * What to generate.
   *
   * @param packets how many frames to write
   * @param seed the random seed
   * @param startNanos the first query's time, epoch ns
   * @param queriesPerSecond the clients' mean query rate
   * @param outageLengthNanos how long the first zone's servers are dark, in the middle of the run (0: none)
   */
  public record Plan(long packets, long seed, long startNanos, double queriesPerSecond, long outageLengthNanos) {
    public static Plan of(long packets) {
      return new Plan(packets, 2010, TimeUnits.parseInstant("2010-02-01T20:00:00Z"), 2000, 20 * SECOND);
    }
  }

  /**
   * What was generated: the ground truth a benchmark or a detector test can check against.
   *
   * @param packets frames written
   * @param clientQueries client queries begun (retries included)
   * @param outageStartNanos the first dark moment, or 0
   * @param outageEndNanos the first answer again, or 0
   * @param darkZone the zone whose servers went dark
   * @param darkServers its servers
   */
  public record Truth(long packets, long clientQueries, long outageStartNanos, long outageEndNanos, String darkZone,
      List<IpAddress> darkServers) {}

  private record Zone(String name, double weight, String... servers) {}

  private record Packet(long time, long order, byte[] frame) implements Comparable<Packet> {
    @Override
    public int compareTo(Packet o) {
      int c = Long.compare(time, o.time);
      return c != 0 ? c : Long.compare(order, o.order);
    }
  }

  private final Plan plan;
  private final SplittableRandom random;
  private final FrameBuilder frames = new FrameBuilder(LinkType.ETHERNET);
  private final PriorityQueue<Packet> pending = new PriorityQueue<>();
  private final long outageStart;
  private final long outageEnd;
  private long order;
  private long clientQueries;

  private SyntheticResolverTraffic(Plan plan) {
    this.plan = plan;
    this.random = new SplittableRandom(plan.seed());
    long duration = (long) (plan.packets() / PACKETS_PER_QUERY / plan.queriesPerSecond() * SECOND);
    this.outageStart = plan.outageLengthNanos() == 0 ? 0 : plan.startNanos() + duration * 45 / 100;
    this.outageEnd = plan.outageLengthNanos() == 0 ? 0 : outageStart + plan.outageLengthNanos();
  }

  /** What wrote a capture of {@code plan}: this generator's generation and the plan, on one line. */
  static String stamp(Plan plan) {
    return "SyntheticResolverTraffic generation " + GENERATION + ", " + plan;
  }

  /** Writes the capture (classic pcap, microseconds, Ethernet). */
  public static Truth write(Path file, Plan plan, Progress progress) throws IOException {
    return new SyntheticResolverTraffic(plan).run(file, progress);
  }

  private Truth run(Path file, Progress progress) throws IOException {
    long written = 0;
    try (PcapWriter out = PcapWriter.create(file, CaptureFormat.PCAP_MICRO, LinkType.ETHERNET.code(), 65535)) {
      long t = plan.startNanos();
      while (written < plan.packets()) {
        t += nextGap(t);
        clientQuery(t, client(), 0);
        while (!pending.isEmpty() && pending.peek().time() <= t && written < plan.packets()) {
          Packet p = pending.poll();
          out.write(p.time(), p.frame(), 0, p.frame().length, p.frame().length);
          written++;
        }
        if ((written & 0xFFFF) == 0) {
          progress.update(written, plan.packets());
          progress.checkCancelled();
        }
      }
    }
    Zone dark = ZONES[0];
    return new Truth(written, clientQueries, outageStart, outageEnd, plan.outageLengthNanos() == 0 ? null : dark.name() + ".",
        plan.outageLengthNanos() == 0 ? List.of() : List.of(dark.servers()).stream().map(IpAddress::parse).toList());
  }

  /** Exponential gaps around a mean rate that swells by ±20 % over an hour. */
  private long nextGap(long t) {
    double hours = (t - plan.startNanos()) / 3600e9;
    double rate = plan.queriesPerSecond() * (1 + 0.2 * Math.sin(2 * Math.PI * hours));
    return Math.max(1, (long) (-Math.log(1 - random.nextDouble()) / rate * SECOND));
  }

  private IpAddress client() {
    int i = random.nextInt(5000);
    return IpAddress.ofIpv4((10 << 24) | (1 << 16) | ((i / 250) << 8) | (i % 250 + 1));
  }

  private void clientQuery(long t, IpAddress client, int attempt) {
    clientQueries++;
    Zone zone = zone();
    String qname = "w" + random.nextInt(50_000) + "." + zone.name();
    int qtype = random.nextInt(4) == 0 ? DnsMessageBytes.AAAA : DnsMessageBytes.A;
    int id = random.nextInt(65536);
    int port = 1024 + random.nextInt(64512);
    byte[] query = DnsMessageBytes.query(id, qname, qtype, true);
    boolean tcp = random.nextInt(100) == 0;
    if (random.nextInt(300) == 0) {
      send(t, client, port, RESOLVER, 53, query, tcp);
      return;
    }
    boolean miss = random.nextInt(10) < 3;
    boolean dark = miss && zone == ZONES[0] && t >= outageStart && t < outageEnd;
    long answered;
    int rcode = random.nextInt(20) == 0 ? DnsMessageBytes.NXDOMAIN : DnsMessageBytes.NOERROR;
    if (dark) {
      upstreamUnanswered(t, zone, qname, qtype);
      answered = t + 3 * SECOND;
      rcode = DnsMessageBytes.SERVFAIL;
      if (attempt < 2 && random.nextInt(10) < 7) {
        clientQuery(t + SECOND + random.nextLong(200 * MS), client, attempt + 1);
      }
    } else if (miss) {
      answered = upstreamAnswered(t, zone, qname, qtype, rcode) + 100_000;
    } else {
      answered = t + 100_000 + random.nextLong(700_000);
    }
    byte[] response = DnsMessageBytes.response(id, qname, qtype, rcode, false, true);
    if (tcp) {
      tcpExchange(t, answered, client, port, query, response);
    } else {
      add(t, frames.udp(client, port, RESOLVER, 53, query));
      add(answered, frames.udp(RESOLVER, 53, client, port, response));
    }
  }

  private Zone zone() {
    double r = random.nextDouble();
    for (Zone z : ZONES) {
      r -= z.weight();
      if (r < 0) {
        return z;
      }
    }
    return ZONES[ZONES.length - 1];
  }

  private long upstreamAnswered(long t, Zone zone, String qname, int qtype, int rcode) {
    IpAddress server = IpAddress.parse(zone.servers()[random.nextInt(zone.servers().length)]);
    int id = random.nextInt(65536);
    int port = 1024 + random.nextInt(64512);
    long sent = t + 200_000;
    long back = sent + 10 * MS + random.nextLong(50 * MS);
    add(sent, frames.udp(RESOLVER, port, server, 53, DnsMessageBytes.query(id, qname, qtype, false)));
    add(back, frames.udp(server, 53, RESOLVER, port, DnsMessageBytes.response(id, qname, qtype, rcode, true, true)));
    return back;
  }

  /** The resolver tries each server of the dark zone once, a second apart; nobody answers. */
  private void upstreamUnanswered(long t, Zone zone, String qname, int qtype) {
    for (int i = 0; i < zone.servers().length; i++) {
      IpAddress server = IpAddress.parse(zone.servers()[i]);
      byte[] q = DnsMessageBytes.query(random.nextInt(65536), qname, qtype, false);
      add(t + 200_000 + i * SECOND, frames.udp(RESOLVER, 1024 + random.nextInt(64512), server, 53, q));
    }
  }

  private void send(long t, IpAddress client, int port, IpAddress server, int serverPort, byte[] query, boolean tcp) {
    if (tcp) {
      tcpExchange(t, -1, client, port, query, null);
    } else {
      add(t, frames.udp(client, port, server, serverPort, query));
    }
  }

  /** A whole TCP connection: handshake, the length-framed query, the response (if any), FINs. */
  private void tcpExchange(long t, long answered, IpAddress client, int port, byte[] query, byte[] response) {
    int c = random.nextInt();
    int s = random.nextInt();
    int ack = FrameBuilder.ACK;
    add(t, frames.tcp(client, port, RESOLVER, 53, c, 0, FrameBuilder.SYN, new byte[0]));
    add(t + 50_000, frames.tcp(RESOLVER, 53, client, port, s, c + 1, FrameBuilder.SYN | ack, new byte[0]));
    add(t + 100_000, frames.tcp(client, port, RESOLVER, 53, c + 1, s + 1, ack, new byte[0]));
    byte[] q = framed(query);
    add(t + 120_000, frames.tcp(client, port, RESOLVER, 53, c + 1, s + 1, FrameBuilder.PSH | ack, q));
    int cNext = c + 1 + q.length;
    int sNext = s + 1;
    long end = t + 200_000;
    if (response != null) {
      byte[] r = framed(response);
      long at = Math.max(answered, t + 150_000);
      add(at, frames.tcp(RESOLVER, 53, client, port, sNext, cNext, FrameBuilder.PSH | ack, r));
      sNext += r.length;
      end = at + 50_000;
    }
    add(end, frames.tcp(client, port, RESOLVER, 53, cNext, sNext, FrameBuilder.FIN | ack, new byte[0]));
    add(end + 50_000, frames.tcp(RESOLVER, 53, client, port, sNext, cNext + 1, FrameBuilder.FIN | ack, new byte[0]));
    add(end + 100_000, frames.tcp(client, port, RESOLVER, 53, cNext + 1, sNext + 1, ack, new byte[0]));
  }

  private static byte[] framed(byte[] message) {
    byte[] b = new byte[message.length + 2];
    b[0] = (byte) (message.length >>> 8);
    b[1] = (byte) message.length;
    System.arraycopy(message, 0, b, 2, message.length);
    return b;
  }

  private void add(long time, byte[] frame) {
    pending.add(new Packet(time, order++, frame));
  }
}
