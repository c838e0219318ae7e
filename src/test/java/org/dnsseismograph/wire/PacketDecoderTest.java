package org.dnsseismograph.wire;

import org.dnsseismograph.testsupport.Tshark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.dnsseismograph.common.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PacketDecoderTest {
  static final IpAddress CLIENT4 = IpAddress.parse("192.0.2.10");
  static final IpAddress SERVER4 = IpAddress.parse("198.51.100.53");
  static final IpAddress CLIENT6 = IpAddress.parse("2001:db8::10");
  static final IpAddress SERVER6 = IpAddress.parse("2001:db8:53::1");
  static final byte[] QUERY = "\u1234\u0100 a DNS query of sorts".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

  @ParameterizedTest
  @EnumSource(value = LinkType.class, names = {"IPV4"}, mode = EnumSource.Mode.EXCLUDE)
  void everyLinkTypeCarriesIpv6UdpToTheSink(LinkType link) {
    assertOneQuery(link, CLIENT6, SERVER6);
  }

  @ParameterizedTest
  @EnumSource(value = LinkType.class, names = {"IPV6"}, mode = EnumSource.Mode.EXCLUDE)
  void everyLinkTypeCarriesIpv4UdpToTheSink(LinkType link) {
    assertOneQuery(link, CLIENT4, SERVER4);
  }

  private static void assertOneQuery(LinkType link, IpAddress client, IpAddress server) {
    DecoderRun run = new DecoderRun().frame(link, new FrameBuilder(link).udp(client, 40_000, server, 53, QUERY));
    assertEquals(1, run.out.messages.size());
    Collected.Message m = run.out.messages.get(0);
    assertEquals(new Collected.Message(DecoderRun.START, 1, Transport.UDP, client, server, 40_000, 53, QUERY, QUERY.length),
        new Collected.Message(m.timestampNanos(), m.frameNumber(), m.transport(), m.source(), m.destination(), m.srcPort(),
            m.dstPort(), QUERY, m.originalLength()));
    assertArrayEquals(QUERY, m.bytes());
    assertEquals(0, run.skips.total());
  }

  @ParameterizedTest
  @ValueSource(ints = {0x8100, 0x88A8, 0x9100})
  void vlanTagsOfEveryKindAreSkipped(int tagProtocol) {
    FrameBuilder qinq = new FrameBuilder(LinkType.ETHERNET).withVlan(tagProtocol, 100).withVlan(0x8100, 11);
    FrameBuilder single = new FrameBuilder(LinkType.ETHERNET).withVlan(tagProtocol, 7);
    DecoderRun run = new DecoderRun()
        .frame(LinkType.ETHERNET, qinq.udp(CLIENT4, 1000, SERVER4, 53, QUERY))
        .frame(LinkType.ETHERNET, single.udp(CLIENT6, 1000, SERVER6, 53, QUERY));
    assertEquals(2, run.out.messages.size());
  }

  @Test
  void bsdNullIsReadInEitherHostByteOrder() {
    byte[] ip = FrameBuilder.ipPacket(CLIENT4, SERVER4, 17, FrameBuilder.udpSegment(CLIENT4, 1, SERVER4, 53, QUERY), 1);
    byte[] bigEndianHost = ByteBuffer.allocate(4 + ip.length).putInt(2).put(ip).array();
    byte[] ip6 = FrameBuilder.ipPacket(CLIENT6, SERVER6, 17, FrameBuilder.udpSegment(CLIENT6, 1, SERVER6, 53, QUERY), 1);
    byte[] freeBsdInet6 = ByteBuffer.allocate(4 + ip6.length).putInt(Integer.reverseBytes(28)).put(ip6).array();
    DecoderRun run = new DecoderRun().frame(LinkType.NULL, bigEndianHost).frame(LinkType.NULL, freeBsdInet6);
    assertEquals(2, run.out.messages.size());
  }

  @Test
  void ipv4OptionsAreStepped() {
    byte[] udp = FrameBuilder.udpSegment(CLIENT4, 1, SERVER4, 53, QUERY);
    byte[] plain = FrameBuilder.ipPacket(CLIENT4, SERVER4, 17, udp, 1);
    ByteBuffer withOptions = ByteBuffer.allocate(plain.length + 8);
    withOptions.put((byte) 0x47).put(plain[1]).putShort((short) (plain.length + 8)).put(plain, 4, 16);
    withOptions.put(new byte[] {7, 7, 4, 0, 0, 0, 0, 0}).put(plain, 20, plain.length - 20);
    DecoderRun run = new DecoderRun().frame(LinkType.RAW, withOptions.array());
    assertEquals(1, run.out.messages.size());
    assertArrayEquals(QUERY, run.out.messages.get(0).bytes());
  }

  @Test
  void ipv6ExtensionHeadersAreWalkedToTheUdpHeader() {
    byte[] udp = FrameBuilder.udpSegment(CLIENT6, 1, SERVER6, 53, QUERY);
    ByteBuffer chain = ByteBuffer.allocate(8 + 16 + 8 + 12 + udp.length);
    chain.put((byte) 60).put((byte) 0).put(new byte[6]);                 // hop-by-hop, 8 bytes, next: destination options
    chain.put((byte) 43).put((byte) 1).put(new byte[14]);                // destination options, 16 bytes, next: routing
    chain.put((byte) 51).put((byte) 0).put(new byte[6]);                 // routing, 8 bytes, next: AH
    chain.put((byte) 17).put((byte) 1).put(new byte[10]);                // AH, (1 + 2) * 4 = 12 bytes, next: UDP
    chain.put(udp);
    ByteBuffer ip = ByteBuffer.allocate(40 + chain.capacity());
    ip.putInt(0x6000_0000).putShort((short) chain.capacity()).put((byte) 0).put((byte) 64);
    ip.put(CLIENT6.toBytes()).put(SERVER6.toBytes()).put(chain.array());
    DecoderRun run = new DecoderRun().frame(LinkType.IPV6, ip.array());
    assertEquals(1, run.out.messages.size());
    assertArrayEquals(QUERY, run.out.messages.get(0).bytes());
  }

  @Test
  void trafficOnOtherPortsIsIgnoredWithoutCountingAndMorePortsCanBeAdded() {
    FrameBuilder eth = new FrameBuilder(LinkType.ETHERNET);
    byte[] mdns = eth.udp(CLIENT4, 5353, SERVER4, 5353, QUERY);
    DecoderRun standard = new DecoderRun().frame(LinkType.ETHERNET, mdns);
    assertEquals(0, standard.out.messages.size());
    assertEquals(0, standard.skips.total());
    DecoderRun extended = new DecoderRun(DecodeOptions.defaults().withPorts(DnsPorts.DEFAULT.plus(5353))).frame(LinkType.ETHERNET, mdns);
    assertEquals(1, extended.out.messages.size());
  }

  @Test
  void aFrameCutByTheSnapLengthOffersWhatWasCapturedWithTheLengthOnTheWire() {
    byte[] frame = new FrameBuilder(LinkType.ETHERNET).udp(CLIENT4, 1, SERVER4, 53, QUERY);
    DecoderRun run = new DecoderRun().snapped(LinkType.ETHERNET.code(), frame, frame.length - 10);
    Collected.Message m = run.out.messages.get(0);
    assertArrayEquals(Arrays.copyOf(QUERY, QUERY.length - 10), m.bytes());
    assertEquals(QUERY.length, m.originalLength());
  }

  @Test
  void aUdpLengthBeyondTheIpPayloadIsReadAsTheIpPayloadAndOneBelowTheHeaderIsCounted() {
    byte[] udp = FrameBuilder.udpSegment(CLIENT4, 1, SERVER4, 53, QUERY);
    byte[] tooLong = udp.clone();
    tooLong[4] = 0x10;
    byte[] tooShort = udp.clone();
    tooShort[4] = 0;
    tooShort[5] = 4;
    DecoderRun run = new DecoderRun()
        .frame(LinkType.IPV4, FrameBuilder.ipPacket(CLIENT4, SERVER4, 17, tooLong, 1))
        .frame(LinkType.IPV4, FrameBuilder.ipPacket(CLIENT4, SERVER4, 17, tooShort, 2));
    assertEquals(1, run.out.messages.size());
    assertArrayEquals(QUERY, run.out.messages.get(0).bytes());
    assertEquals(List.of(new Skipped(WireSkip.UDP_BAD_LENGTH, 1, 2)), run.skips.snapshot());
  }

  @Test
  void brokenHeadersAreCountedByReasonAndFrame() {
    byte[] eth = new FrameBuilder(LinkType.ETHERNET).udp(CLIENT4, 1, SERVER4, 53, QUERY);
    byte[] badVersion = eth.clone();
    badVersion[14] = 0x55;
    byte[] empty = new FrameBuilder(LinkType.ETHERNET).udp(CLIENT4, 1, SERVER4, 53, new byte[0]);
    DecoderRun run = new DecoderRun()
        .frame(LinkType.ETHERNET, Arrays.copyOf(eth, 10))
        .frame(LinkType.ETHERNET, Arrays.copyOf(eth, 14 + 12))
        .frame(LinkType.ETHERNET, badVersion)
        .frame(105, eth)
        .frame(LinkType.ETHERNET, Arrays.copyOf(eth, 14 + 20 + 6))
        .frame(LinkType.ETHERNET, empty)
        .frame(LinkType.LINUX_SLL2, new byte[12]);
    assertEquals(0, run.out.messages.size());
    assertEquals(List.of(new Skipped(WireSkip.LINK_TRUNCATED, 2, 1), new Skipped(WireSkip.IP_TRUNCATED, 1, 2),
        new Skipped(WireSkip.IP_MALFORMED, 1, 3), new Skipped(WireSkip.LINK_UNSUPPORTED, 1, 4),
        new Skipped(WireSkip.UDP_TRUNCATED, 1, 5), new Skipped(WireSkip.UDP_EMPTY, 1, 6)), run.skips.snapshot());
  }

  @Test
  void theUdpPathAllocatesNothingPerPacket() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    byte[] frame = new FrameBuilder(LinkType.ETHERNET).udp(CLIENT6, 40_000, SERVER6, 53, QUERY);
    long[] count = new long[1];
    PacketDecoder decoder = new PacketDecoder(DecodeOptions.defaults(), new SkipCounter(), p -> count[0] += p.length);
    RawFrame f = new RawFrame();
    f.buffer = ByteBuffer.wrap(frame);
    f.capturedLength = frame.length;
    f.originalLength = frame.length;
    f.linkType = 1;
    for (int i = 0; i < 200_000; i++) {
      f.frameNumber = i;
      decoder.decode(f);
    }
    long thread = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(thread);
    for (int i = 0; i < 1_000_000; i++) {
      f.frameNumber = i;
      f.timestampNanos = i;
      decoder.decode(f);
    }
    long allocated = threads.getThreadAllocatedBytes(thread) - before;
    assertTrue(allocated < 100_000, () -> allocated + " bytes allocated for a million packets");
    assertEquals(1_200_000L * QUERY.length, count[0]);
  }

  /** FrameBuilder's frames are what tshark, the peer, also decodes as DNS on every link type. */
  @Test
  void tsharkDecodesTheBuiltFramesOfEveryLinkTypeAsWeDo(@TempDir Path dir) throws IOException {
    assumeTrue(Tshark.available());
    byte[] dns = {0x12, 0x34, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1};
    for (LinkType link : LinkType.values()) {
      Path file = dir.resolve(link + ".pcap");
      IpAddress c = link == LinkType.IPV6 ? CLIENT6 : CLIENT4;
      IpAddress s = link == LinkType.IPV6 ? SERVER6 : SERVER4;
      try (PcapWriter w = PcapWriter.create(file, CaptureFormat.PCAP_MICRO, link.code(), 65_535)) {
        FrameBuilder b = new FrameBuilder(link);
        for (byte[] f : List.of(b.udp(c, 1000, s, 53, dns), b.tcp(c, 1001, s, 53, 7, 0, FrameBuilder.SYN, new byte[0]),
            b.tcp(c, 1001, s, 53, 8, 1, FrameBuilder.PSH, tcpFramed(dns, dns)))) {
          w.write(DecoderRun.START, f, 0, f.length, f.length);
        }
      }
      long[] ours = new long[1];
      CaptureScanner.scan(List.of(file), DecodeOptions.defaults(), p -> ours[0]++, Progress.NONE);
      long theirs = Tshark.occurrences(Tshark.fields(file, List.of(), "dns", "dns.id"));
      assertEquals(3, ours[0], link.toString());
      assertEquals(theirs, ours[0], link.toString());
    }
  }

  static byte[] tcpFramed(byte[]... messages) {
    ByteBuffer b = ByteBuffer.allocate(Arrays.stream(messages).mapToInt(m -> m.length + 2).sum());
    for (byte[] m : messages) {
      b.putShort((short) m.length).put(m);
    }
    return b.array();
  }
}
