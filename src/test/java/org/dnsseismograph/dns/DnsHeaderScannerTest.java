package org.dnsseismograph.dns;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link DnsHeaderScanner} on crafted messages: every field, every error path, the validity contract. */
class DnsHeaderScannerTest {
  private static final int A = 1;
  private static final int NS = 2;
  private static final int IN = 1;
  private static final byte[] NO_DATA = new byte[0];

  private final DnsHeaderScanner scanner = new DnsHeaderScanner();
  private final DnsMessageView view = new DnsMessageView();

  private ScanResult scan(byte[] m) {
    return scanner.scan(ByteBuffer.wrap(m), 0, m.length, view);
  }

  /** A query for www.Example.com A, RD set, with EDNS: payload 1232, DO, no options. */
  static byte[] query() {
    return Wire.header(0x1234, 0x0100, 1, 0, 0, 1).name("www", "Example", "com").typeClass(A, IN)
        .opt(1232, 0, 0, true, NO_DATA).build();
  }

  /** Its answer: QR AA RD RA, NOERROR, two A records and one NS, owners compressed, EDNS 4096. */
  static byte[] response() {
    return Wire.header(0x1234, 0x8580, 1, 2, 1, 1).name("www", "example", "com").typeClass(A, IN)
        .pointer(12).record(A, IN, 300, new byte[] {(byte) 192, 0, 2, 1})
        .pointer(12).record(A, IN, 300, new byte[] {(byte) 192, 0, 2, 2})
        .pointer(16).record(NS, IN, 3600, new Wire().label("ns1".getBytes()).pointer(16).build())
        .opt(4096, 0, 0, false, NO_DATA).build();
  }

  @Test
  void readsEveryFieldOfAQueryWithEdns() {
    assertEquals(ScanResult.OK, scan(query()));
    assertAll(
        () -> assertEquals(0x1234, view.id),
        () -> assertFalse(view.qr),
        () -> assertEquals(0, view.opcode),
        () -> assertTrue(view.rd),
        () -> assertFalse(view.aa || view.tc || view.ra || view.ad || view.cd),
        () -> assertEquals(0, view.rcode),
        () -> assertEquals(List.of(1, 0, 0, 1), List.of(view.qdCount, view.anCount, view.nsCount, view.arCount)),
        () -> assertTrue(view.hasQuestion),
        () -> assertEquals("www.example.com", view.qnameString()),
        () -> assertEquals(DnsjavaOracle.nameHash("www.example.com"), view.qnameHash()),
        () -> assertEquals(A, view.qtype),
        () -> assertEquals(IN, view.qclass),
        () -> assertTrue(view.edns),
        () -> assertEquals(0, view.ednsVersion),
        () -> assertTrue(view.dnssecOk),
        () -> assertEquals(1232, view.udpPayloadSize));
  }

  @Test
  void readsAResponseWithCompressedRecords() {
    assertEquals(ScanResult.OK, scan(response()));
    assertAll(
        () -> assertTrue(view.qr && view.aa && view.rd && view.ra),
        () -> assertFalse(view.tc),
        () -> assertEquals(List.of(1, 2, 1, 1), List.of(view.qdCount, view.anCount, view.nsCount, view.arCount)),
        () -> assertEquals("www.example.com", view.qnameString()),
        () -> assertTrue(view.edns),
        () -> assertFalse(view.dnssecOk),
        () -> assertEquals(4096, view.udpPayloadSize));
  }

  @Test
  void combinesTheHeaderRcodeWithTheExtendedRcode() {
    byte[] m = Wire.header(7, 0x8003, 1, 0, 0, 1).name("a").typeClass(A, IN).opt(512, 1, 0, false, NO_DATA).build();
    assertEquals(ScanResult.OK, scan(m));
    assertEquals(3, view.headerRcode);
    assertEquals(0x13, view.rcode, "extended rcode 1 is bits 4 to 11, header 3 bits 0 to 3");
    assertEquals("BADMODE", RcodeNames.name(view.rcode));
  }

  @Test
  void readsBadversFromTheZeekExtendedRcodeCapture() {
    TsharkDns.Msg response = TsharkDns.messages(TsharkDns.captures().resolve("zeek-dns_extended_rcode.pcap")).stream()
        .filter(m -> (m.wire()[2] & 0x80) != 0).findFirst().orElseThrow();
    assertEquals(ScanResult.OK, scan(response.wire()));
    assertEquals(0, view.headerRcode, "tshark: dns.flags.rcode 0");
    assertEquals(16, view.rcode, "tshark: dns.resp.ext_rcode 0x01, so 1 << 4");
    assertEquals("BADVERS", RcodeNames.name(view.rcode));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 11})
  void messagesShorterThanTheHeaderAreTooShortAndLeaveNothing(int length) {
    scan(response());
    byte[] m = new byte[length];
    Arrays.fill(m, (byte) 0xFF);
    assertEquals(ScanResult.TOO_SHORT, scan(m));
    assertEquals(0, view.id);
    assertFalse(view.qr || view.hasQuestion || view.edns);
    assertEquals(0, view.qnameLength());
  }

  static Stream<Arguments> malformedMessages() {
    byte[] l63 = "x".repeat(63).getBytes();
    return Stream.of(
        bad("pointer to itself", question().pointer(12).typeClass(A, IN), ScanResult.POINTER_LOOP),
        bad("label, then pointer to its start", question().label("a".getBytes()).pointer(12).typeClass(A, IN),
            ScanResult.POINTER_LOOP),
        bad("forward pointer", question().pointer(20).typeClass(A, IN).u32(0), ScanResult.FORWARD_POINTER),
        bad("label type 0x40", question().u8(0x41).u8('a').u8(0).typeClass(A, IN), ScanResult.BAD_LABEL_TYPE),
        bad("label type 0x80", question().u8(0x81).u8('a').u8(0).typeClass(A, IN), ScanResult.BAD_LABEL_TYPE),
        bad("4 labels of 63 octets (257 octets)", question().label(l63).label(l63).label(l63).label(l63).u8(0)
            .typeClass(A, IN), ScanResult.NAME_TOO_LONG),
        Arguments.of("129 chained pointers", chainMessage(129), ScanResult.TOO_MANY_POINTERS),
        bad("question name cut", question().u8(3).u8('w'), ScanResult.TRUNCATED_QUESTION),
        bad("question without its root label", question().label("w".getBytes()), ScanResult.TRUNCATED_QUESTION),
        bad("pointer cut after its first byte", question().u8(0xC0), ScanResult.TRUNCATED_QUESTION),
        bad("qtype cut", question().name("a").u16(A).u8(0), ScanResult.TRUNCATED_QUESTION),
        bad("second question missing", Wire.header(1, 0, 2, 0, 0, 0).name("a").typeClass(A, IN),
            ScanResult.TRUNCATED_QUESTION),
        bad("answer missing", Wire.header(1, 0x8000, 1, 1, 0, 0).name("a").typeClass(A, IN), ScanResult.TRUNCATED_RECORD),
        bad("record fixed part cut", answer().name("a").u16(A).u16(IN).u32(1).u8(0), ScanResult.TRUNCATED_RECORD),
        bad("record data cut", answer().name("a").u16(A).u16(IN).u32(1).u16(4).u8(1), ScanResult.TRUNCATED_RECORD),
        bad("answer owner points forward", answer().pointer(40).record(A, IN, 1, new byte[4]), ScanResult.FORWARD_POINTER),
        bad("OPT owned by a.", additional().name("a").record(41, 512, 0, NO_DATA), ScanResult.BAD_OPT),
        bad("OPT option overruns its data", additional().opt(512, 0, 0, false, HexFormat.of().parseHex("000a0008aabbccdd")),
            ScanResult.BAD_OPT),
        bad("OPT option header cut", additional().opt(512, 0, 0, false, HexFormat.of().parseHex("000a00")),
            ScanResult.BAD_OPT),
        bad("two OPT records", Wire.header(1, 0, 0, 0, 0, 2).opt(512, 0, 0, false, NO_DATA).opt(1232, 0, 0, false, NO_DATA),
            ScanResult.DUPLICATE_OPT));
  }

  private static Wire question() {
    return Wire.header(1, 0, 1, 0, 0, 0);
  }

  private static Wire answer() {
    return Wire.header(1, 0x8000, 0, 1, 0, 0);
  }

  private static Wire additional() {
    return Wire.header(1, 0, 0, 0, 0, 1);
  }

  private static Arguments bad(String what, Wire message, ScanResult expected) {
    return Arguments.of(what, message.build(), expected);
  }

  /**
   * A message whose second answer's owner is a chain of {@code hops} pointers, each to the one
   * before; the chain lives in the first answer's data (NULL type), where nothing else reads it.
   */
  static byte[] chainMessage(int hops) {
    Wire w = Wire.header(1, 0x8000, 1, 2, 0, 0).name("a").typeClass(A, IN).pointer(12);
    int dataStart = w.size() + 10;
    Wire chain = new Wire().pointer(12);
    for (int i = 1; i < hops - 1; i++) {
      chain.pointer(dataStart + 2 * (i - 1));
    }
    int last = dataStart + 2 * (hops - 2);
    return w.record(10, IN, 1, chain.build()).pointer(last).record(A, IN, 1, new byte[4]).build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedMessages")
  void malformedMessagesAreRejectedWithTheirReasonAndKeepTheirHeader(String what, byte[] message, ScanResult expected) {
    assertEquals(expected, scan(message), what);
    assertEquals(1, view.id);
    assertEquals(DnsjavaOracle.header(message).getCount(0), view.qdCount);
  }

  @Test
  void aNameOfExactly255OctetsIsAccepted() {
    byte[] l63 = "x".repeat(63).getBytes();
    byte[] m = Wire.header(1, 0, 1, 0, 0, 0).label(l63).label(l63).label(l63).label("y".repeat(61).getBytes()).u8(0)
        .typeClass(A, IN).build();
    assertEquals(ScanResult.OK, scan(m), "3 x 64 + 62 + 1 = 255 octets");
    assertEquals(3 * 63 + 61 + 3, view.qnameLength(), "labels and three dots");
  }

  @Test
  void aChainOf128PointersIsAcceptedAnd129IsNot() {
    assertEquals(ScanResult.OK, scan(chainMessage(128)));
    assertEquals(ScanResult.TOO_MANY_POINTERS, scan(chainMessage(129)));
    assertTrue(DnsjavaOracle.of(chainMessage(129)).accepts(), "dnsjava has no such bound: a named divergence");
  }

  @ParameterizedTest
  @ValueSource(ints = {13, 14})
  void aPointerToANameSeenBeforeStillCountsItsOctets(int prefix) {
    byte[] l60 = "y".repeat(60).getBytes();
    Wire w = Wire.header(1, 0x8000, 1, 2, 0, 0).label(l60).label(l60).label(l60).label("z".repeat(56).getBytes()).u8(0)
        .typeClass(A, IN);
    w.pointer(12).record(A, IN, 1, new byte[4]);
    byte[] m = w.label("p".repeat(prefix).getBytes()).pointer(12).record(A, IN, 1, new byte[4]).build();
    boolean fits = 3 * 61 + 57 + 1 + 1 + prefix <= 255;
    assertEquals(fits ? ScanResult.OK : ScanResult.NAME_TOO_LONG, scan(m), "241 octets seen in the question, "
        + (1 + prefix) + " in front");
    assertEquals(fits, DnsjavaOracle.of(m).accepts());
  }

  @Test
  void whatOneMessageTaughtTheScannerDoesNotCarryOverToTheNext() {
    byte[] first = Wire.header(1, 0x8000, 1, 1, 0, 0).name("a", "b").typeClass(A, IN).pointer(14)
        .record(A, IN, 1, new byte[4]).build();
    assertEquals(ScanResult.OK, scan(first));
    byte[] second = Wire.header(2, 0x8000, 1, 1, 0, 0).u8(1).u8('a').u8(0x41).u8('b').u8(0).typeClass(A, IN)
        .pointer(14).record(A, IN, 1, new byte[4]).build();
    assertEquals(ScanResult.BAD_LABEL_TYPE, scan(second), "offset 14 held b. in the first message, 0x41 here");
  }

  @Test
  void everyPrefixOfAResponseIsTruncatedAtTheRightPlaceAndKeepsTheHeader() {
    byte[] full = response();
    int questionEnd = 12 + 17 + 4;
    for (int n = 12; n < full.length; n++) {
      byte[] prefix = Arrays.copyOf(full, n);
      ScanResult r = scan(prefix);
      assertEquals(n < questionEnd ? ScanResult.TRUNCATED_QUESTION : ScanResult.TRUNCATED_RECORD, r, "prefix of " + n);
      assertEquals(0x1234, view.id);
      assertEquals(n >= questionEnd, view.hasQuestion, "prefix of " + n);
      assertFalse(DnsjavaOracle.of(prefix).accepts(), "dnsjava on prefix of " + n);
    }
  }

  @Test
  void aBrokenAnswerAfterAGoodQuestionKeepsTheQuestion() {
    byte[] m = Wire.header(9, 0x8000, 1, 1, 0, 0).name("Mail", "example").typeClass(15, IN).u8(0x80).build();
    assertEquals(ScanResult.BAD_LABEL_TYPE, scan(m));
    assertTrue(view.hasQuestion);
    assertEquals("mail.example", view.qnameString());
    assertEquals(15, view.qtype);
  }

  @Test
  void aSecondOptKeepsTheFirstOnesFields() {
    byte[] m = Wire.header(1, 0x8001, 0, 0, 0, 2).opt(1400, 2, 0, true, NO_DATA).opt(512, 0, 0, false, NO_DATA).build();
    assertEquals(ScanResult.DUPLICATE_OPT, scan(m));
    assertTrue(view.edns);
    assertEquals(1400, view.udpPayloadSize);
    assertEquals(0x21, view.rcode);
  }

  @Test
  void anOptRecordOutsideTheAdditionalSectionIsAnOrdinaryRecord() {
    byte[] m = Wire.header(1, 0x8000, 0, 1, 0, 0).opt(1400, 2, 0, true, NO_DATA).build();
    assertEquals(ScanResult.OK, scan(m));
    assertFalse(view.edns);
    assertEquals(0, view.rcode);
  }

  @Test
  void rootIsADot() {
    assertEquals(ScanResult.OK, scan(Wire.header(1, 0, 1, 0, 0, 0).u8(0).typeClass(NS, IN).build()));
    assertEquals(".", view.qnameString());
  }

  static Stream<Arguments> escapes() {
    return Stream.of(
        Arguments.of("414243", "abc"),
        Arguments.of("612e62", "a\\.b"),
        Arguments.of("20", "\\032"),
        Arguments.of("00", "\\000"),
        Arguments.of("7f", "\\127"),
        Arguments.of("ff", "\\255"),
        Arguments.of("40242228293b5c", "\\@\\$\\\"\\(\\)\\;\\\\"),
        Arguments.of("2d5f2a2f", "-_*/"),
        Arguments.of("c3a9", "\\195\\169"));
  }

  @ParameterizedTest
  @MethodSource("escapes")
  void escapesOddBytesAsDnsjavaDocumentsIt(String labelHex, String text) {
    scan(Wire.header(1, 0, 1, 0, 0, 0).label(HexFormat.of().parseHex(labelHex)).u8(0).typeClass(A, IN).build());
    assertEquals(text, view.qnameString());
    assertEquals(DnsjavaOracle.nameHash(text), view.qnameHash());
  }

  /** Names whose text ends on, before and after the 8-character words the text is gathered in. */
  static Stream<Arguments> namesAcrossWordBoundaries() {
    return Stream.of(
        Arguments.of("a", "a"),
        Arguments.of("AbCdEfG", "abcdefg"),
        Arguments.of("ABCDEFGH", "abcdefgh"),
        Arguments.of("Abc.DEFGH", "abc.defgh"),
        Arguments.of("ABCDEFGH.IJKLMNOP", "abcdefgh.ijklmnop"),
        Arguments.of("x.y.z.w.v.u.t.s.r", "x.y.z.w.v.u.t.s.r"),
        Arguments.of("host-12_3.Example.NET", "host-12_3.example.net"),
        Arguments.of("Z".repeat(63) + ".Com", "z".repeat(63) + ".com"),
        Arguments.of("abcdefgh.ij@k", "abcdefgh.ij\\@k"),
        Arguments.of("abcdefghijklmno\u0000.x", "abcdefghijklmno\\000.x"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("namesAcrossWordBoundaries")
  void writesTheTextAndHashOfNamesOfEveryLength(String labels, String text) {
    scan(Wire.header(1, 0, 1, 0, 0, 0).name(labels.split("\\.")).typeClass(A, IN).build());
    assertEquals(text, view.qnameString());
    assertEquals(text.length(), view.qnameLength());
    assertEquals(DnsjavaOracle.nameHash(text), view.qnameHash());
  }

  @Test
  void escapesEveryByteValueExactlyAsDnsjava() {
    for (int start = 0; start < 256; start += 32) {
      byte[] label = new byte[32];
      for (int i = 0; i < 32; i++) {
        label[i] = (byte) (start + i);
      }
      byte[] m = Wire.header(1, 0, 1, 0, 0, 0).label(label).name("Tld").typeClass(A, IN).build();
      assertEquals(ScanResult.OK, scan(m));
      DnsjavaOracle dnsjava = DnsjavaOracle.of(m);
      assertEquals(List.of(), dnsjava.mismatches(m, ScanResult.OK, view), "bytes " + start + " to " + (start + 31));
    }
  }

  @Test
  void oddBytesAgreeWithTsharksRenderingOfTheSameMessages(@TempDir Path dir) throws IOException {
    List<byte[]> messages = new ArrayList<>();
    for (int start = 0; start < 256; start += 32) {
      byte[] label = new byte[32];
      for (int i = 0; i < 32; i++) {
        label[i] = (byte) (start + i);
      }
      messages.add(Wire.header(start, 0x0100, 1, 0, 0, 0).label(label).name("Tld").typeClass(A, IN).build());
    }
    Path pcap = RawIpPcap.write(dir.resolve("odd-bytes.pcap"), messages);
    List<TsharkDns.Msg> seen = TsharkDns.messages(pcap);
    assertEquals(messages.size(), seen.size());
    for (TsharkDns.Msg m : seen) {
      assertEquals(ScanResult.OK, scan(m.wire()));
      assertEquals(List.of(), DnsDifferentialTest.TsharkFields.mismatches(m.dns(), ScanResult.OK, view), m.where());
    }
  }

  @Test
  void readsAtAnOffsetOfADirectLittleEndianBufferWithoutMovingIt() {
    byte[] m = response();
    ByteBuffer buf = ByteBuffer.allocateDirect(m.length + 20).order(ByteOrder.LITTLE_ENDIAN);
    buf.put(7, m);
    buf.position(3).limit(m.length + 10);
    assertEquals(ScanResult.OK, scanner.scan(buf, 7, m.length, view));
    assertEquals("www.example.com", view.qnameString());
    assertEquals(0x1234, view.id);
    assertEquals(4096, view.udpPayloadSize);
    assertEquals(3, buf.position());
    assertEquals(m.length + 10, buf.limit());
  }

  @Test
  void rejectsARangeOutsideTheBufferAsTheCallersBug() {
    ByteBuffer buf = ByteBuffer.wrap(query());
    assertThrows(IndexOutOfBoundsException.class, () -> scanner.scan(buf, 1, buf.capacity(), view));
    assertThrows(IndexOutOfBoundsException.class, () -> scanner.scan(buf, -1, 4, view));
  }

  @Test
  void scanningAllocatesNothing() {
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    ByteBuffer q = ByteBuffer.wrap(query());
    ByteBuffer r = ByteBuffer.wrap(response());
    int scans = 200_000;
    for (int i = 0; i < scans; i++) {
      scanner.scan(q, 0, q.capacity(), view);
      scanner.scan(r, 0, r.capacity(), view);
    }
    long before = mx.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < scans; i++) {
      scanner.scan(q, 0, q.capacity(), view);
      scanner.scan(r, 0, r.capacity(), view);
    }
    long allocated = mx.getCurrentThreadAllocatedBytes() - before;
    assertTrue(allocated < 16 * 1024, allocated + " bytes allocated by " + 2 * scans + " scans");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 7, 8, 9, 15, 16, 17, 63})
  void hashesANameTheSameInATightArrayAsInTheViewsBuffer(int length) {
    byte[] tight = new byte[length];
    for (int i = 0; i < length; i++) {
      tight[i] = (byte) ('a' + i % 26);
    }
    String text = new String(tight, java.nio.charset.StandardCharsets.US_ASCII);
    byte[] roomy = Arrays.copyOf(tight, 1016);
    Arrays.fill(roomy, length, roomy.length, (byte) 'x');
    assertAll(
        () -> assertEquals(DnsjavaOracle.nameHash(text), DnsMessageView.nameHash(tight, length)),
        () -> assertEquals(DnsjavaOracle.nameHash(text), DnsMessageView.nameHash(roomy, length)));
  }
}
