package org.dnsseismograph.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.Rcode;

/** {@link RcodeNames} against the IANA registry and dnsjava. */
class RcodeNamesTest {

  @ParameterizedTest
  @CsvSource(textBlock = """
      0, NOERROR
      1, FORMERR
      2, SERVFAIL
      3, NXDOMAIN
      4, NOTIMP
      5, REFUSED
      6, YXDOMAIN
      7, YXRRSET
      8, NXRRSET
      9, NOTAUTH
      10, NOTZONE
      11, DSOTYPENI
      12, RCODE12
      15, RCODE15
      16, BADVERS
      17, BADKEY
      18, BADTIME
      19, BADMODE
      20, BADNAME
      21, BADALG
      22, BADTRUNC
      23, BADCOOKIE
      24, RCODE24
      4095, RCODE4095
      65535, RCODE65535
      """)
  void namesEveryRcodeAsIanaRegistersIt(int rcode, String name) {
    assertEquals(name, RcodeNames.name(rcode));
    assertEquals(OptionalInt.of(rcode), RcodeNames.parse(name));
  }

  @Test
  void agreesWithDnsjavaOnEveryAssignedRcodeItKnows() {
    for (int rcode = 0; rcode <= 23; rcode++) {
      if (rcode >= 12 && rcode <= 15 || rcode == 11) {
        continue;
      }
      assertEquals(Rcode.string(rcode), RcodeNames.name(rcode), "rcode " + rcode);
    }
    assertEquals("RESERVED11", Rcode.string(11), "dnsjava 3.6.3 predates DSOTYPENI (RFC 8490)");
  }

  @Test
  void everyNameParsesBackToItsRcode() {
    for (int rcode = 0; rcode <= 0xFFFF; rcode++) {
      assertEquals(OptionalInt.of(rcode), RcodeNames.parse(RcodeNames.name(rcode)));
    }
  }

  @Test
  void parsesAnyCaseAndTheTsigAlias() {
    assertEquals(OptionalInt.of(3), RcodeNames.parse("nxdomain"));
    assertEquals(OptionalInt.of(16), RcodeNames.parse("BADSIG"));
    assertEquals(OptionalInt.of(12), RcodeNames.parse(" rcode12 "));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "NXDOMAINX", "RCODE", "RCODE65536", "RCODE-1", "RCODE1x", "12"})
  void parsesNothingElse(String text) {
    assertEquals(OptionalInt.empty(), RcodeNames.parse(text));
  }

  @Test
  void lookupsReturnTheCachedString() {
    assertSame(RcodeNames.name(2), RcodeNames.name(2));
    assertSame(RcodeNames.name(3000), RcodeNames.name(3000));
  }

  @Test
  void rejectsValuesOutside16Bits() {
    assertThrows(IllegalArgumentException.class, () -> RcodeNames.name(-1));
    assertThrows(IllegalArgumentException.class, () -> RcodeNames.name(0x10000));
  }
}
