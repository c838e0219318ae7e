package org.dnsseismograph.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.dnsseismograph.wire.IpAddress;
import org.junit.jupiter.api.Test;

/** {@link ResponseSectionScanner} on crafted referrals and answers, and against dnsjava on every captured message. */
class ResponseSectionScannerTest {
  private static final int A = 1;
  private static final int NS = 2;
  private static final int CNAME = 5;
  private static final int SOA = 6;
  private static final int AAAA = 28;
  private static final int IN = 1;

  /**
   * Where the section scanner may part from dnsjava, as the header scanner does: it skips the data
   * of records other than NS, A and AAAA (RDATA), has no TSIG rule, applies RFC 6891's OPT rules,
   * and bounds pointer hops.
   */
  static final Set<String> SECTION_DIVERGENCES = Set.of("RDATA", "TSIG_POSITION", "OPT_RULE", "POINTER_HOPS");

  private final ResponseSectionScanner scanner = new ResponseSectionScanner();
  private final ResponseSections out = new ResponseSections();

  private ScanResult scan(byte[] m) {
    return scanner.scan(ByteBuffer.wrap(m), 0, m.length, out);
  }

  /** A referral for www.example.com from a TLD server: two NS, glue A and AAAA for the first. */
  static byte[] referral() {
    Wire w = Wire.header(77, 0x8000, 1, 0, 2, 3).name("www", "Example", "com").typeClass(A, IN);
    w.pointer(16).record(NS, IN, 172800, new Wire().label("ns1".getBytes()).pointer(16).build());
    w.pointer(16).record(NS, IN, 172800, new Wire().name("ns2", "other", "net").build());
    int ns1 = 12 + 21 + 12;
    w.pointer(ns1).record(A, IN, 172800, new byte[] {(byte) 192, 0, 2, 53});
    w.pointer(ns1).record(AAAA, IN, 172800, IpAddress.parse("2001:db8::53").toBytes());
    return w.opt(1232, 0, 0, false, new byte[0]).build();
  }

  @Test
  void readsTheDelegationAndGlueOfAReferral() {
    assertEquals(ScanResult.OK, scan(referral()));
    assertFalse(out.authoritative());
    assertEquals(0, out.answerCount());
    assertEquals(2, out.delegationCount());
    assertEquals("example.com", out.delegationZone(0).toString());
    assertEquals("ns1.example.com", out.delegationServer(0).toString());
    assertEquals("example.com", out.delegationZone(1).toString());
    assertEquals("ns2.other.net", out.delegationServer(1).toString());
    assertEquals(2, out.glueCount());
    assertEquals("ns1.example.com", out.glueName(0).toString());
    assertEquals(IpAddress.parse("192.0.2.53"), new IpAddress(out.glueAddressHi(0), out.glueAddressLo(0)));
    assertEquals(IpAddress.parse("2001:db8::53"), new IpAddress(out.glueAddressHi(1), out.glueAddressLo(1)));
    assertTrue(out.glueName(0).contentEquals(out.delegationServer(0)));
    assertFalse(out.hasSoa());
    assertEquals(0, out.omitted());
  }

  @Test
  void readsTheSoaOwnerOfAnAuthoritativeNegativeAnswer() {
    byte[] m = Wire.header(5, 0x8403, 1, 0, 1, 0).name("nope", "example", "com").typeClass(A, IN)
        .pointer(17).record(SOA, IN, 3600,
            new Wire().name("ns1").name("hostmaster").u32(1).u32(2).u32(3).u32(4).u32(5).build())
        .build();
    assertEquals(ScanResult.OK, scan(m));
    assertTrue(out.authoritative());
    assertTrue(out.hasSoa());
    assertEquals("example.com", out.soaOwner().toString());
  }

  @Test
  void readsTheOwnersAndTypesOfAnAnswerChain() {
    byte[] m = Wire.header(5, 0x8400, 1, 2, 0, 0).name("WWW", "example", "com").typeClass(A, IN)
        .pointer(12).record(CNAME, IN, 60, new Wire().label("web".getBytes()).pointer(16).build())
        .name("web", "example", "com").record(A, IN, 60, new byte[] {10, 0, 0, 1})
        .build();
    assertEquals(ScanResult.OK, scan(m));
    assertEquals(2, out.answerCount());
    assertEquals("www.example.com", out.answerOwner(0).toString());
    assertEquals(CNAME, out.answerType(0));
    assertEquals("web.example.com", out.answerOwner(1).toString());
    assertEquals(A, out.answerType(1));
  }

  @Test
  void keepsAtMostTheCapacityAndCountsTheRest() {
    Wire w = Wire.header(1, 0x8000, 0, 0, 20, 0);
    for (int i = 0; i < 20; i++) {
      w.name("example").record(NS, IN, 1, new Wire().name("ns" + i, "example").build());
    }
    assertEquals(ScanResult.OK, scan(w.build()));
    assertEquals(ResponseSections.MAX_DELEGATIONS, out.delegationCount());
    assertEquals(20 - ResponseSections.MAX_DELEGATIONS, out.omitted());
    assertEquals("ns15.example", out.delegationServer(15).toString());
  }

  @Test
  void ignoresRecordsOfOtherClasses() {
    byte[] m = Wire.header(1, 0x8400, 0, 1, 1, 1).name("version", "bind").record(16, 3, 0, new byte[] {1, 'x'})
        .name("bind").record(NS, 3, 0, new Wire().name("ns").build())
        .name("ns").record(A, 3, 0, new byte[5]).build();
    assertEquals(ScanResult.OK, scan(m));
    assertEquals(0, out.answerCount() + out.delegationCount() + out.glueCount());
  }

  @Test
  void glueOfTheWrongLengthIsBadRdata() {
    byte[] m = Wire.header(1, 0x8000, 0, 0, 0, 1).name("ns").record(A, IN, 1, new byte[5]).build();
    assertEquals(ScanResult.BAD_RDATA, scan(m));
    byte[] v6 = Wire.header(1, 0x8000, 0, 0, 0, 1).name("ns").record(AAAA, IN, 1, new byte[4]).build();
    assertEquals(ScanResult.BAD_RDATA, scan(v6));
  }

  @Test
  void anNsTargetThatDoesNotFillItsDataIsBadRdata() {
    byte[] extra = Wire.header(1, 0x8000, 0, 0, 1, 0).name("a")
        .record(NS, IN, 1, new Wire().name("ns").u8(7).build()).build();
    assertEquals(ScanResult.BAD_RDATA, scan(extra));
    byte[] cut = Wire.header(1, 0x8000, 0, 0, 1, 0).name("a").record(NS, IN, 1, new byte[] {3, 'n', 's'}).build();
    assertEquals(ScanResult.BAD_RDATA, scan(cut));
    byte[] loop = Wire.header(1, 0x8000, 0, 0, 1, 0).name("a")
        .record(NS, IN, 1, new Wire().pointer(25).build()).build();
    assertEquals(ScanResult.POINTER_LOOP, scan(loop), "the target's pointer at offset 25 points at itself");
  }

  @Test
  void holdsTheOptRecordToTheHeaderScannersRules() {
    byte[] twoOpts = Wire.header(1, 0x8000, 0, 0, 0, 2)
        .opt(512, 0, 0, false, new byte[0]).opt(512, 0, 0, false, new byte[0]).build();
    assertEquals(ScanResult.DUPLICATE_OPT, scan(twoOpts));
    byte[] badOption = Wire.header(1, 0x8000, 0, 0, 0, 1).opt(512, 0, 0, false, new byte[] {0, 10, 0, 9, 1}).build();
    assertEquals(ScanResult.BAD_OPT, scan(badOption));
    byte[] notRoot = Wire.header(1, 0x8000, 0, 0, 0, 1).name("a").record(41, 512, 0, new byte[0]).build();
    assertEquals(ScanResult.BAD_OPT, scan(notRoot));
  }

  @Test
  void entriesReadBeforeAProblemStay() {
    byte[] m = Wire.header(1, 0x8400, 0, 2, 0, 0).name("a").record(A, IN, 1, new byte[4]).u8(0x40).build();
    assertEquals(ScanResult.BAD_LABEL_TYPE, scan(m));
    assertEquals(1, out.answerCount());
    assertEquals("a", out.answerOwner(0).toString());
  }

  @Test
  void tooShortLeavesNothing() {
    scan(referral());
    assertEquals(ScanResult.TOO_SHORT, scan(new byte[11]));
    assertEquals(0, out.delegationCount() + out.glueCount() + out.answerCount());
    assertFalse(out.authoritative() || out.hasSoa());
  }

  @Test
  void agreesWithDnsjavaOnEveryCapturedMessage() {
    List<String> failures = new ArrayList<>();
    int delegations = 0;
    int glue = 0;
    for (var file : TsharkDns.captureFiles()) {
      for (TsharkDns.Msg m : TsharkDns.messages(file)) {
        ScanResult r = scan(m.wire());
        DnsjavaOracle dnsjava = DnsjavaOracle.of(m.wire());
        String divergence = dnsjava.divergence(r);
        if (divergence != null) {
          if (!SECTION_DIVERGENCES.contains(divergence)) {
            failures.add(m.where() + ": section scanner " + r + ", " + dnsjava + ": " + divergence);
          }
          continue;
        }
        if (r == ScanResult.OK) {
          String expected = SectionsOracle.expected(dnsjava.strict());
          String actual = SectionsOracle.describe(out);
          if (!expected.equals(actual)) {
            failures.add(m.where() + ":\n  dnsjava " + expected + "\n  scanner " + actual);
          }
          delegations += out.delegationCount();
          glue += out.glueCount();
        }
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
    assertTrue(delegations > 0 && glue > 0, delegations + " delegations and " + glue + " glue records compared");
  }
}
