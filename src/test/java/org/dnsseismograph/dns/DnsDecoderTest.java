package org.dnsseismograph.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link DnsDecoder}: complete and partial decodes, text fields, and no exception for any bytes. */
class DnsDecoderTest {
  private final DnsDecoder decoder = new DnsDecoder();

  @Test
  void decodesAResponseIntoHeaderSectionsAndRecordText() {
    DecodedMessage d = decoder.decode(DnsHeaderScannerTest.response());
    assertTrue(d.complete());
    assertTrue(d.message().isPresent());
    DecodedHeader h = d.header().orElseThrow();
    assertEquals(0x1234, h.id());
    assertTrue(h.response());
    assertEquals("QUERY", h.opcode());
    assertEquals("NOERROR", h.rcode());
    assertEquals(List.of("qr", "aa", "rd", "ra"), h.flags());
    assertEquals(List.of(1, 2, 1, 1), List.of(h.questions(), h.answers(), h.authority(), h.additional()));
    assertEquals(List.of("QUESTIONS", "ANSWERS", "AUTHORITY RECORDS", "ADDITIONAL RECORDS"),
        d.sections().stream().map(DecodedSection::name).toList());
    assertEquals(new DecodedRecord("www.example.com.", "", "IN", "A", ""), d.sections().get(0).records().get(0));
    assertEquals(new DecodedRecord("www.example.com.", "300", "IN", "A", "192.0.2.2"),
        d.sections().get(1).records().get(1));
    assertEquals(new DecodedRecord("example.com.", "3600", "IN", "NS", "ns1.example.com."),
        d.sections().get(2).records().get(0));
    assertEquals(new DecodedRecord(".", "", "udp=4096", "OPT", ""), d.sections().get(3).records().get(0));
    assertEquals(new DecodedEdns(0, 4096, false, 0, List.of()), d.edns().orElseThrow());
  }

  @Test
  void namesTheExtendedRcodeOfTheZeekCapture() {
    TsharkDns.Msg response = TsharkDns.messages(TsharkDns.captures().resolve("zeek-dns_extended_rcode.pcap")).stream()
        .filter(m -> (m.wire()[2] & 0x80) != 0).findFirst().orElseThrow();
    DecodedMessage d = decoder.decode(response.wire());
    assertEquals("BADVERS", d.header().orElseThrow().rcode(), "tshark: ext_rcode 0x01, flags.rcode 0");
    assertEquals(1, d.edns().orElseThrow().extendedRcode());
  }

  @Test
  void showsEdnsOptionsOfTheNsidCapture() {
    TsharkDns.Msg response = TsharkDns.messages(TsharkDns.captures().resolve("ndpi-dns-google-nsid.pcapng")).stream()
        .filter(m -> (m.wire()[2] & 0x80) != 0).findFirst().orElseThrow();
    List<String> options = decoder.decode(response.wire()).edns().orElseThrow().options();
    assertEquals(1, options.size());
    assertTrue(options.get(0).contains("NSID"), options.get(0));
  }

  @Test
  void aMalformedMessageKeepsItsHeaderAndTheRecordsBeforeTheProblem() {
    byte[] full = DnsHeaderScannerTest.response();
    byte[] cut = Arrays.copyOf(full, full.length - 30);
    DecodedMessage d = decoder.decode(cut);
    assertFalse(d.complete());
    assertTrue(d.message().isEmpty());
    assertEquals(0x1234, d.header().orElseThrow().id());
    assertFalse(d.header().orElseThrow().flags().contains("tc"), "the TC bit set for the second parse is not shown");
    assertEquals(1, d.sections().get(0).records().size());
    assertEquals(1, d.sections().get(1).records().size(), "the first answer was read, the second was cut");
    assertEquals(2, d.sections().get(1).count());
    assertTrue(d.error().orElseThrow().endsWith(", in ANSWERS record 2 of 2"), d.error().orElseThrow());
  }

  @Test
  void aTruncatedResponseThatDnsjavaForgivesIsStillReportedIncomplete() {
    byte[] full = DnsHeaderScannerTest.response();
    byte[] cut = Arrays.copyOf(full, full.length - 30);
    cut[2] |= 0x02;
    DecodedMessage d = decoder.decode(cut);
    assertEquals("truncated (TC): 2 of 5 records could be read", d.error().orElseThrow());
    assertTrue(d.header().orElseThrow().flags().contains("tc"));
    assertTrue(d.message().isEmpty());
  }

  @Test
  void aMessageShorterThanTheHeaderHasOnlyAnError() {
    DecodedMessage d = decoder.decode(HexFormat.of().parseHex("0102030405"));
    assertTrue(d.header().isEmpty());
    assertTrue(d.sections().isEmpty());
    assertEquals("message of 5 bytes is shorter than the 12-byte header", d.error().orElseThrow());
  }

  @Test
  void namesTheSectionsOfAnUpdate() {
    byte[] update = Wire.header(5, 0x2800, 1, 0, 1, 0).name("example").typeClass(6, 1)
        .name("host", "example").record(1, 1, 60, new byte[] {10, 0, 0, 1}).build();
    DecodedMessage d = decoder.decode(update);
    assertTrue(d.complete(), d.error().orElse(""));
    assertEquals("UPDATE", d.header().orElseThrow().opcode());
    assertEquals(List.of("ZONE", "PREREQUISITES", "UPDATE RECORDS", "ADDITIONAL RECORDS"),
        d.sections().stream().map(DecodedSection::name).toList());
  }

  @Test
  void decodesEveryCapturedMessageWithoutThrowingAndCompleteExactlyWhenDnsjavaAcceptsIt() {
    int messages = 0;
    for (var file : TsharkDns.captureFiles()) {
      for (TsharkDns.Msg m : TsharkDns.messages(file)) {
        DecodedMessage d = decoder.decode(m.wire());
        DnsjavaOracle dnsjava = DnsjavaOracle.of(m.wire());
        assertEquals(dnsjava.accepts(), d.complete(), m.where() + ": " + d.error().orElse(""));
        assertEquals(m.wire().length >= 12, d.header().isPresent(), m.where());
        messages++;
      }
    }
    assertTrue(messages > 10_000, messages + " messages");
  }
}
