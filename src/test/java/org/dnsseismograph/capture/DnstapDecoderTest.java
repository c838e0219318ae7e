package org.dnsseismograph.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.dnsseismograph.wire.DnsPayload;
import org.dnsseismograph.wire.IpAddress;
import org.dnsseismograph.wire.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DnstapDecoderTest {
  private static final byte[] QUERY = {0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1};
  private static final byte[] RESPONSE = {0x12, 0x34, (byte) 0x81, (byte) 0x83, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1};

  /** A Dnstap envelope (type MESSAGE unless overridden) around a Message written by {@code message}. */
  private static byte[] dnstap(int envelopeType, Consumer<CodedOutputStream> message) {
    try {
      ByteArrayOutputStream inner = new ByteArrayOutputStream();
      if (message != null) {
        CodedOutputStream m = CodedOutputStream.newInstance(inner);
        message.accept(m);
        m.flush();
      }
      ByteArrayOutputStream outer = new ByteArrayOutputStream();
      CodedOutputStream d = CodedOutputStream.newInstance(outer);
      d.writeBytes(1, ByteString.copyFromUtf8("test-server"));
      if (message != null) {
        d.writeBytes(14, ByteString.copyFrom(inner.toByteArray()));
      }
      d.writeEnum(15, envelopeType);
      d.flush();
      return outer.toByteArray();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static Consumer<CodedOutputStream> fields(Field... fields) {
    return out -> {
      for (Field f : fields) {
        try {
          f.write(out);
        } catch (IOException e) {
          throw new AssertionError(e);
        }
      }
    };
  }

  @FunctionalInterface
  private interface Field {
    void write(CodedOutputStream out) throws IOException;
  }

  private static Field type(int t) {
    return o -> o.writeEnum(1, t);
  }

  private static Field bytes(int field, byte[] b) {
    return o -> o.writeBytes(field, ByteString.copyFrom(b));
  }

  private static Field varint(int field, long v) {
    return o -> o.writeUInt64(field, v);
  }

  private static Field fixed32(int field, int v) {
    return o -> o.writeFixed32(field, v);
  }

  private static final Field V4_QUERY_ADDRESS = bytes(4, new byte[] {(byte) 192, 0, 2, 1});
  private static final Field V4_RESPONSE_ADDRESS = bytes(5, new byte[] {(byte) 192, 0, 2, 53});

  static Stream<Arguments> unusableFrames() {
    return Stream.of(
        Arguments.of("empty frame", new byte[0], DnstapSkip.NOT_A_MESSAGE),
        Arguments.of("not protobuf", new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}, DnstapSkip.PROTOBUF_MALFORMED),
        Arguments.of("field number 0", new byte[] {0x00, 0x01}, DnstapSkip.PROTOBUF_MALFORMED),
        Arguments.of("length past the end", new byte[] {0x72, 0x7F, 0x08}, DnstapSkip.PROTOBUF_MALFORMED),
        Arguments.of("envelope type other than MESSAGE", dnstap(2, fields(type(5), bytes(10, QUERY), varint(8, 1_700_000_000L))), DnstapSkip.NOT_A_MESSAGE),
        Arguments.of("MESSAGE without its message", dnstap(1, null), DnstapSkip.NOT_A_MESSAGE),
        Arguments.of("message type the schema lacks", dnstap(1, fields(type(99), bytes(10, QUERY), varint(8, 1_700_000_000L))), DnstapSkip.UNKNOWN_TYPE),
        Arguments.of("query without query_message", dnstap(1, fields(type(5), bytes(14, RESPONSE), varint(8, 1_700_000_000L))), DnstapSkip.NO_DNS_MESSAGE),
        Arguments.of("response without response_time", dnstap(1, fields(type(6), bytes(14, RESPONSE), varint(8, 1_700_000_000L))), DnstapSkip.NO_TIME),
        Arguments.of("nanoseconds beyond a second", dnstap(1, fields(type(5), bytes(10, QUERY), varint(8, 1_700_000_000L), fixed32(9, 1_000_000_000))),
            DnstapSkip.NO_TIME),
        Arguments.of("seconds beyond 2262", dnstap(1, fields(type(5), bytes(10, QUERY), varint(8, Long.MAX_VALUE))), DnstapSkip.NO_TIME),
        Arguments.of("five-byte address", dnstap(1, fields(type(5), bytes(4, new byte[5]), bytes(10, QUERY), varint(8, 1_700_000_000L))),
            DnstapSkip.BAD_ADDRESS));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unusableFrames")
  void unusableFramesAreSkippedWithTheirReason(String what, byte[] frame, DnstapSkip expected) {
    assertEquals(expected, new DnstapDecoder().decode(frame, 0, frame.length, new DnstapMessage()));
  }

  @Test
  void aClientResponseBecomesAPayloadFromTheServerToTheClientAtItsResponseTime() {
    byte[] frame = dnstap(1, fields(type(6), varint(2, 1), varint(3, 1), V4_QUERY_ADDRESS, V4_RESPONSE_ADDRESS, varint(6, 40000), varint(7, 53),
        varint(8, 1_700_000_000L), fixed32(9, 1), varint(12, 1_700_000_001L), fixed32(13, 250_000_000), bytes(14, RESPONSE)));
    DnstapMessage m = new DnstapMessage();
    assertNull(new DnstapDecoder().decode(frame, 0, frame.length, m));
    DnsPayload p = new DnsPayload();
    m.toPayload(p, ByteBuffer.wrap(frame), 7);

    assertEquals(DnstapType.CLIENT_RESPONSE, m.type);
    assertEquals(MessageRole.CLIENT, m.type.role());
    assertEquals(1_700_000_001_250_000_000L, p.timestampNanos);
    assertEquals(IpAddress.parse("192.0.2.53"), p.source());
    assertEquals(53, p.srcPort);
    assertEquals(IpAddress.parse("192.0.2.1"), p.destination());
    assertEquals(40000, p.dstPort);
    assertEquals(Transport.UDP, p.transport);
    assertEquals(7, p.frameNumber);
    byte[] dns = new byte[p.length];
    p.buffer.get(p.offset, dns);
    assertEquals(ByteString.copyFrom(RESPONSE), ByteString.copyFrom(dns));
    assertEquals("test-server", m.identity());
  }

  @Test
  void aResolverQueryOverIpv6AndDotIsAStreamFromTheResolverToTheServer() {
    byte[] resolver = IpAddress.parse("2001:db8::1").toBytes();
    byte[] server = IpAddress.parse("2001:db8::53").toBytes();
    byte[] frame = dnstap(1, fields(type(3), varint(2, 2), varint(3, 3), bytes(4, resolver), bytes(5, server), varint(6, 12345), varint(7, 853),
        varint(8, 1_700_000_000L), bytes(10, QUERY)));
    DnstapMessage m = new DnstapMessage();
    assertNull(new DnstapDecoder().decode(frame, 0, frame.length, m));
    DnsPayload p = new DnsPayload();
    m.toPayload(p, ByteBuffer.wrap(frame), 1);

    assertEquals(MessageRole.UPSTREAM, m.type.role());
    assertEquals(IpAddress.parse("2001:db8::1"), p.source());
    assertEquals(IpAddress.parse("2001:db8::53"), p.destination());
    assertEquals(853, p.dstPort);
    assertEquals(Transport.TCP, p.transport);
    assertEquals(1_700_000_000_000_000_000L, p.timestampNanos);
  }

  @Test
  void fieldsTheSchemaMayAddAreSkipped() {
    byte[] frame = dnstap(1, fields(varint(99, 7), bytes(100, new byte[] {1, 2, 3}), o -> o.writeFixed64(101, 5), type(5), varint(16, 2),
        bytes(11, new byte[] {0}), bytes(10, QUERY), varint(8, 1_700_000_000L)));
    DnstapMessage m = new DnstapMessage();
    assertNull(new DnstapDecoder().decode(frame, 0, frame.length, m));
    assertEquals(DnstapType.CLIENT_QUERY, m.type);
    assertEquals(QUERY.length, m.queryMessageLength);
  }

  @Test
  void everyPrefixOfARealFrameIsDecodedOrRefusedWithoutThrowing() throws IOException {
    byte[] real = DnstapFileReaderTest.firstDataFrame();
    DnstapDecoder decoder = new DnstapDecoder();
    DnstapMessage m = new DnstapMessage();
    assertNull(decoder.decode(real, 0, real.length, m));
    int refused = 0;
    for (int n = 0; n < real.length; n++) {
      byte[] prefix = java.util.Arrays.copyOf(real, n);
      if (decoder.decode(prefix, 0, n, m) != null) {
        refused++;
      }
    }
    // A prefix that ends exactly between two trailing fields can still be a complete message; most cannot.
    assertTrue(refused > real.length / 2, refused + " of " + real.length + " prefixes refused");
  }
}
