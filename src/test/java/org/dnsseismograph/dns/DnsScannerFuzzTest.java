package org.dnsseismograph.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Arbitrary bytes through both scanners and the decoder: nothing throws, nothing hangs, and what the
 * scanners accept dnsjava accepts with the same fields (or it rejects only record data the scanners
 * skip, as {@link DnsjavaOracle#divergence} checks). In {@code mvn test} this runs the seed corpus
 * (real messages from the test captures, written by {@link SeedCorpusWriter}, plus crafted edge
 * cases) in {@code src/test/resources/org/dnsseismograph/dns/DnsScannerFuzzTestInputs/}; with
 * {@code JAZZER_FUZZ=1} it fuzzes.
 */
class DnsScannerFuzzTest {
  private final DnsHeaderScanner headerScanner = new DnsHeaderScanner();
  private final ResponseSectionScanner sectionScanner = new ResponseSectionScanner();
  private final DnsMessageView view = new DnsMessageView();
  private final ResponseSections sections = new ResponseSections();
  private final DnsDecoder decoder = new DnsDecoder();

  @FuzzTest(maxDuration = "5m")
  void scannersNeverThrowAndAgreeWithDnsjava(byte[] message) {
    ScanResult header = headerScanner.scan(ByteBuffer.wrap(message), 0, message.length, view);
    DnsjavaOracle dnsjava = DnsjavaOracle.of(message);
    assertEquals(List.of(), dnsjava.mismatches(message, header, view));
    String divergence = dnsjava.divergence(header);
    assertFalse(divergence != null && divergence.startsWith("UNEXPLAINED"), divergence);
    assertSameScanInsideALargerBuffer(message, header);

    ScanResult section = sectionScanner.scan(ByteBuffer.wrap(message), 0, message.length, sections);
    String sectionDivergence = dnsjava.divergence(section);
    assertTrue(sectionDivergence == null || ResponseSectionScannerTest.SECTION_DIVERGENCES.contains(sectionDivergence),
        "section scanner " + section + ": " + sectionDivergence);
    if (section == ScanResult.OK && dnsjava.accepts()) {
      assertEquals(SectionsOracle.expected(dnsjava.strict()), SectionsOracle.describe(sections));
    }

    DecodedMessage decoded = decoder.decode(message);
    assertEquals(dnsjava.accepts(), decoded.complete());
  }

  /** The same bytes at an offset of a direct buffer, between garbage: the same result and fields. */
  private void assertSameScanInsideALargerBuffer(byte[] message, ScanResult expected) {
    String qname = view.hasQuestion ? view.qnameString() : null;
    int rcode = view.rcode;
    ByteBuffer big = ByteBuffer.allocateDirect(message.length + 10);
    for (int i = 0; i < big.capacity(); i++) {
      big.put(i, (byte) 0xC0);
    }
    big.put(5, message);
    assertEquals(expected, headerScanner.scan(big, 5, message.length, view));
    assertEquals(qname, view.hasQuestion ? view.qnameString() : null);
    assertEquals(rcode, view.rcode);
    if (message.length < DnsHeaderScanner.HEADER_LENGTH) {
      assertNull(qname);
    }
  }
}
