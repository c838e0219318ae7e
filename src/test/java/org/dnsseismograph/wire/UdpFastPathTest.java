package org.dnsseismograph.wire;

import static org.dnsseismograph.wire.PacketDecoderTest.CLIENT4;
import static org.dnsseismograph.wire.PacketDecoderTest.CLIENT6;
import static org.dnsseismograph.wire.PacketDecoderTest.QUERY;
import static org.dnsseismograph.wire.PacketDecoderTest.SERVER4;
import static org.dnsseismograph.wire.PacketDecoderTest.SERVER6;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast path must be invisible: an IP packet in an Ethernet frame (which may take {@link
 * UdpFastPath}) decodes to the same payloads and the same counted skips as the same packet as raw
 * IP (which always takes the general path), for well-formed packets, damaged header fields, and
 * every length the capture could have cut the frame to.
 */
class UdpFastPathTest {
  private static final FrameBuilder ETHERNET = new FrameBuilder(LinkType.ETHERNET);

  static Stream<Arguments> packets() {
    byte[] v4 = FrameBuilder.ipPacket(CLIENT4, SERVER4, 17, FrameBuilder.udpSegment(CLIENT4, 40_000, SERVER4, 53, QUERY), 7);
    byte[] v6 = FrameBuilder.ipPacket(CLIENT6, SERVER6, 17, FrameBuilder.udpSegment(CLIENT6, 40_000, SERVER6, 53, QUERY), 7);
    byte[] v4Other = FrameBuilder.ipPacket(CLIENT4, SERVER4, 17, FrameBuilder.udpSegment(CLIENT4, 40_000, SERVER4, 123, QUERY), 7);
    byte[] v6Other = FrameBuilder.ipPacket(CLIENT6, SERVER6, 17, FrameBuilder.udpSegment(CLIENT6, 40_000, SERVER6, 123, QUERY), 7);
    int udpLength4 = 20 + 4;
    int udpLength6 = 40 + 4;
    List<Arguments> cases = new ArrayList<>();
    for (int length : new int[] {0, 7, 8, 9, 8 + QUERY.length - 1, 0x1000}) {
      cases.add(Arguments.of("IPv4 UDP length " + length, with(v4, b -> b.putShort(udpLength4, (short) length))));
      cases.add(Arguments.of("IPv6 UDP length " + length, with(v6, b -> b.putShort(udpLength6, (short) length))));
    }
    for (int total : new int[] {19, 20, 27, 28, 29, v4.length + 100}) {
      cases.add(Arguments.of("IPv4 total length " + total, with(v4, b -> b.putShort(2, (short) total))));
      cases.add(Arguments.of("IPv4 other port, total length " + total, with(v4Other, b -> b.putShort(2, (short) total))));
    }
    for (int payload : new int[] {0, 3, 4, 7, 8, 9, v6.length}) {
      cases.add(Arguments.of("IPv6 payload length " + payload, with(v6, b -> b.putShort(4, (short) payload))));
      cases.add(Arguments.of("IPv6 other port, payload length " + payload, with(v6Other, b -> b.putShort(4, (short) payload))));
    }
    cases.add(Arguments.of("IPv4", v4));
    cases.add(Arguments.of("IPv6", v6));
    cases.add(Arguments.of("IPv4 other port", v4Other));
    cases.add(Arguments.of("IPv6 other port", v6Other));
    cases.add(Arguments.of("IPv4 don't fragment", with(v4, b -> b.putShort(6, (short) 0x4000))));
    cases.add(Arguments.of("IPv4 more fragments", with(v4, b -> b.putShort(6, (short) 0x2000))));
    cases.add(Arguments.of("IPv4 fragment offset", with(v4, b -> b.putShort(6, (short) 0x0001))));
    cases.add(Arguments.of("IPv4 header with options", with(v4, b -> b.put(0, (byte) 0x46))));
    cases.add(Arguments.of("IPv4 header length below 20", with(v4, b -> b.put(0, (byte) 0x44))));
    cases.add(Arguments.of("IPv4 TCP", with(v4, b -> b.put(9, (byte) 6))));
    cases.add(Arguments.of("IPv6 TCP", with(v6, b -> b.put(6, (byte) 6))));
    cases.add(Arguments.of("IPv6 hop-by-hop", with(v6, b -> b.put(6, (byte) 0))));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("packets")
  void anEthernetFrameDecodesAsItsRawIpPacketDoesAtEveryCapturedLength(String name, byte[] packet) {
    for (int captured = 0; captured <= packet.length; captured++) {
      byte[] ip = Arrays.copyOf(packet, captured);
      DecoderRun viaEthernet = new DecoderRun().frame(LinkType.ETHERNET, ethernet(ip, (packet[0] & 0xF0) == 0x60)).finish();
      DecoderRun viaRawIp = new DecoderRun().frame(LinkType.RAW, ip).finish();
      assertEquals(described(viaRawIp), described(viaEthernet), name + " cut to " + captured);
    }
  }

  @Test
  void theCommonFramesTakeTheFastPathAndTaggedOnesDoNot() {
    UdpFastPath fast = new UdpFastPath(DnsPorts.DEFAULT, new DnsEmitter(p -> { }));
    byte[] v4 = ETHERNET.udp(CLIENT4, 40_000, SERVER4, 53, QUERY);
    byte[] v6 = ETHERNET.udp(CLIENT6, 53, SERVER6, 40_000, QUERY);
    byte[] tagged = new FrameBuilder(LinkType.ETHERNET).withVlan(0x8100, 7).udp(CLIENT4, 40_000, SERVER4, 53, QUERY);
    assertTrue(fast.ethernet(ByteBuffer.wrap(v4), 0, v4.length, 0, 1));
    assertTrue(fast.ethernet(ByteBuffer.wrap(v6), 0, v6.length, 0, 2));
    assertFalse(fast.ethernet(ByteBuffer.wrap(tagged), 0, tagged.length, 0, 3));
  }

  /** An untagged Ethernet frame around {@code ip}, which may be cut too short to tell its version. */
  private static byte[] ethernet(byte[] ip, boolean v6) {
    return ByteBuffer.allocate(14 + ip.length).put(new byte[12]).putShort((short) (v6 ? 0x86DD : 0x0800)).put(ip).array();
  }

  private static byte[] with(byte[] packet, Consumer<ByteBuffer> change) {
    ByteBuffer b = ByteBuffer.wrap(packet.clone());
    change.accept(b);
    return b.array();
  }

  /** The emitted payloads (bytes shown) and the skips, comparable across runs. */
  private static List<String> described(DecoderRun run) {
    List<String> out = new ArrayList<>();
    for (Collected.Message m : run.out.messages) {
      out.add(m.frameNumber() + " " + m.transport() + " " + m.source() + ":" + m.srcPort() + " > " + m.destination() + ":"
          + m.dstPort() + " " + Arrays.toString(m.bytes()) + " of " + m.originalLength());
    }
    out.add(run.skips.snapshot().toString());
    return out;
  }
}
