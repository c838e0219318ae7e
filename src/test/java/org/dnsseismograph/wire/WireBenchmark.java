package org.dnsseismograph.wire;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * Measures reading and decoding speed on small UDP DNS frames from a memory-mapped file: generates
 * a deterministic capture with {@link PcapWriter} and {@link FrameBuilder} (queries and
 * responses, 90% IPv4 and 10% IPv6, some non-DNS traffic), then times {@link FrameReader} alone
 * and reader plus {@link PacketDecoder}, several rounds each. A measurement, not a test:
 * {@code java -cp target/classes:target/test-classes org.dnsseismograph.wire.WireBenchmark [frames] [file]}.
 */
public final class WireBenchmark {
  private WireBenchmark() {}

  public static void main(String[] args) throws IOException {
    int frames = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
    Path file = Path.of(args.length > 1 ? args[1] : "/tmp/wire-benchmark.pcap");
    long t0 = System.nanoTime();
    generate(file, frames);
    System.out.printf("generated %,d frames, %,d bytes in %.1f s%n", frames, Files.size(file), (System.nanoTime() - t0) / 1e9);
    double[] read = new double[7];
    double[] decode = new double[7];
    for (int round = 0; round < read.length; round++) {
      read[round] = readOnly(file, frames);
      decode[round] = readAndDecode(file, frames);
    }
    report("read only", read);
    report("read + decode", decode);
  }

  private static void report(String what, double[] rates) {
    double[] warm = Arrays.copyOfRange(rates, 2, rates.length);
    Arrays.sort(warm);
    System.out.printf("%-14s median %.1f M frames/s, best %.1f (rounds: %s)%n", what, warm[warm.length / 2] / 1e6,
        warm[warm.length - 1] / 1e6, Arrays.toString(Arrays.stream(rates).map(r -> Math.round(r / 1e5) / 10.0).toArray()));
  }

  static void generate(Path file, int frames) throws IOException {
    Random random = new Random(7);
    FrameBuilder eth = new FrameBuilder(LinkType.ETHERNET);
    IpAddress resolver4 = IpAddress.parse("192.0.2.53");
    IpAddress resolver6 = IpAddress.parse("2001:db8::53");
    long time = 1_700_000_000_000_000_000L;
    try (PcapWriter w = PcapWriter.create(file, CaptureFormat.PCAP_MICRO, 1, 65_535)) {
      for (int i = 0; i < frames; i++) {
        boolean v6 = random.nextInt(10) == 0;
        IpAddress client = v6 ? IpAddress.of(ByteBuffer.allocate(16).putLong(0x2001_0db8_0000_0001L).putLong(random.nextInt(50_000)).array())
            : IpAddress.ofIpv4(0x0A00_0000 | random.nextInt(1 << 16));
        IpAddress server = v6 ? resolver6 : resolver4;
        int port = 1024 + random.nextInt(60_000);
        byte[] message = TcpConversation.query(random.nextInt(65_536), "host" + random.nextInt(1000) + ".example.com");
        byte[] frame;
        if (random.nextInt(50) == 0) {
          frame = eth.udp(client, port, server, 123, message);
        } else if ((i & 1) == 0) {
          frame = eth.udp(client, port, server, 53, message);
        } else {
          message[2] |= (byte) 0x80;
          frame = eth.udp(server, 53, client, port, message);
        }
        time += 1_000 + random.nextInt(20_000);
        w.write(time, frame, 0, frame.length, frame.length);
      }
    }
  }

  private static double readOnly(Path file, int expected) throws IOException {
    long start = System.nanoTime();
    long n = 0;
    long bytes = 0;
    try (FrameReader r = CaptureFiles.open(file, new SkipCounter())) {
      RawFrame f = new RawFrame();
      while (r.next(f)) {
        n++;
        bytes += f.capturedLength;
      }
    }
    check(n == expected && bytes > 0, "read " + n);
    return n / ((System.nanoTime() - start) / 1e9);
  }

  private static double readAndDecode(Path file, int expected) throws IOException {
    long start = System.nanoTime();
    long n = 0;
    long[] messages = new long[2];
    SkipCounter skips = new SkipCounter();
    PacketDecoder decoder = new PacketDecoder(DecodeOptions.defaults(), skips, p -> {
      messages[0]++;
      messages[1] += p.buffer.get(p.offset + 2);
    });
    try (FrameReader r = CaptureFiles.open(file, skips)) {
      RawFrame f = new RawFrame();
      while (r.next(f)) {
        decoder.decode(f);
        n++;
      }
    }
    decoder.finish();
    check(n == expected && messages[0] > expected * 0.9 && skips.total() == 0, "decoded " + messages[0]);
    return n / ((System.nanoTime() - start) / 1e9);
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException("benchmark run went wrong: " + what);
    }
  }
}
