package org.dnsseismograph.wire;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Issue 2's reference point, so that it can be measured on this host in the same run as {@code
 * seismograph bench}: a JDK-only memory-mapped reader of a classic pcap file that parses Ethernet
 * (one 802.1Q tag), IPv4/IPv6 and UDP, and for UDP port 53 the DNS header and the first qname's
 * labels, and nothing else: no validation of the rest of the message, no TCP, no fragments, no
 * matching, no series. Its speed is a ceiling for what a Java pass can do on a file here, not a
 * comparison of equals. A measurement, not a test: {@code java -cp target/test-classes
 * org.dnsseismograph.wire.ReferenceReaderBenchmark FILE [RUNS]}; each run is timed from the
 * file's opening, and the process's own start-up is timed by the caller ({@code /usr/bin/time}).
 */
public final class ReferenceReaderBenchmark {
  private static final long WINDOW = 1L << 30;
  private static final int RECORD_HEADER = 16;

  private ReferenceReaderBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    for (int run = 1; run <= runs; run++) {
      long start = System.nanoTime();
      long[] counts = read(file);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(Locale.ROOT, "run %d: %,d packets, %,d DNS over UDP, %.2f s, %.2f M packets/s (checksum %x)%n", run, counts[0], counts[1],
          seconds, counts[0] / seconds / 1e6, counts[2]);
    }
  }

  /** Packets, DNS messages over UDP, and a checksum of what was parsed (so that nothing is optimised away). */
  static long[] read(Path file) throws IOException {
    long[] counts = new long[3];
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      MappedByteBuffer head = ch.map(FileChannel.MapMode.READ_ONLY, 0, 24);
      ByteOrder order = head.getInt(0) == 0xa1b2c3d4 || head.getInt(0) == 0xa1b23c4d ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
      long base = 24;
      long size = ch.size();
      while (base < size) {
        MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_ONLY, base, Math.min(WINDOW, size - base));
        m.order(order);
        int used = readWindow(m, counts);
        if (used == 0) {
          break;
        }
        base += used;
      }
    }
    return counts;
  }

  /** Reads the whole records of one window; the bytes they take. */
  private static int readWindow(MappedByteBuffer m, long[] counts) {
    int p = 0;
    int limit = m.limit();
    while (p + RECORD_HEADER <= limit) {
      int captured = m.getInt(p + 8);
      int frame = p + RECORD_HEADER;
      if (captured < 0 || frame + captured > limit) {
        break;
      }
      counts[0]++;
      readFrame(m, frame, frame + captured, counts);
      p = frame + captured;
    }
    return p;
  }

  private static void readFrame(MappedByteBuffer m, int frame, int end, long[] counts) {
    if (frame + 14 > end) {
      return;
    }
    int ip = frame + 14;
    int type = u16(m, frame + 12);
    if (type == 0x8100 && ip + 4 <= end) {
      type = u16(m, ip + 2);
      ip += 4;
    }
    int protocol;
    int udp;
    if (type == 0x0800 && ip + 20 <= end) {
      protocol = m.get(ip + 9) & 0xFF;
      udp = ip + (m.get(ip) & 0xF) * 4;
    } else if (type == 0x86DD && ip + 40 <= end) {
      protocol = m.get(ip + 6) & 0xFF;
      udp = ip + 40;
    } else {
      return;
    }
    if (protocol != 17 || udp + 8 > end) {
      return;
    }
    int sport = u16(m, udp);
    int dport = u16(m, udp + 2);
    int dns = udp + 8;
    if ((sport == 53 || dport == 53) && dns + 12 <= end) {
      counts[1]++;
      counts[2] += m.getLong(dns) + qnameHash(m, dns + 12, end) + sport + dport;
    }
  }

  private static long qnameHash(MappedByteBuffer m, int start, int end) {
    long h = 0;
    int q = start;
    while (q < end) {
      int length = m.get(q) & 0xFF;
      if (length == 0 || length >= 0x40 || q + 1 + length > end) {
        break;
      }
      for (int i = 1; i <= length; i++) {
        h = h * 31 + (m.get(q + i) | 0x20);
      }
      q += 1 + length;
    }
    return h;
  }

  private static int u16(MappedByteBuffer m, int p) {
    return Short.toUnsignedInt(m.order() == ByteOrder.BIG_ENDIAN ? m.getShort(p) : Short.reverseBytes(m.getShort(p)));
  }
}
