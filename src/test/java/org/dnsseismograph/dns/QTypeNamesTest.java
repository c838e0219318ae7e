package org.dnsseismograph.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.Type;

/** {@link QTypeNames} against the IANA registry and dnsjava. */
class QTypeNamesTest {
  /** Types IANA assigned after dnsjava 3.6.3 was released; dnsjava prints them TYPE<n>. */
  private static final Map<Integer, String> NEWER_THAN_DNSJAVA = Map.of(
      66, "DSYNC", 67, "HHIT", 68, "BRID", 128, "NXNAME", 261, "RESINFO", 262, "WALLET", 263, "CLA", 264, "IPN");

  @ParameterizedTest
  @CsvSource(textBlock = """
      1, A
      2, NS
      5, CNAME
      6, SOA
      12, PTR
      15, MX
      16, TXT
      28, AAAA
      33, SRV
      41, OPT
      43, DS
      46, RRSIG
      48, DNSKEY
      54, TYPE54
      64, SVCB
      65, HTTPS
      99, SPF
      252, AXFR
      255, ANY
      257, CAA
      32769, DLV
      65280, TYPE65280
      0, TYPE0
      """)
  void namesTypesAsIanaRegistersThem(int type, String name) {
    assertEquals(name, QTypeNames.name(type));
    assertEquals(OptionalInt.of(type), QTypeNames.parse(name));
  }

  @Test
  void agreesWithDnsjavaOnEveryTypeButTheNewest() {
    for (int type = 0; type <= 0xFFFF; type++) {
      String expected = NEWER_THAN_DNSJAVA.getOrDefault(type, Type.string(type));
      assertEquals(expected, QTypeNames.name(type), "type " + type);
    }
    NEWER_THAN_DNSJAVA.keySet().forEach(t -> assertEquals("TYPE" + t, Type.string(t)));
  }

  @Test
  void everyNameParsesBackToItsType() {
    for (int type = 0; type <= 0xFFFF; type++) {
      assertEquals(OptionalInt.of(type), QTypeNames.parse(QTypeNames.name(type)));
    }
  }

  @Test
  void parsesAnyCaseAndIanasStar() {
    assertEquals(OptionalInt.of(28), QTypeNames.parse("aaaa"));
    assertEquals(OptionalInt.of(255), QTypeNames.parse("*"));
    assertEquals(OptionalInt.of(23), QTypeNames.parse("nsap-ptr"));
    assertEquals(OptionalInt.of(65534), QTypeNames.parse("type65534"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "AAAAA", "TYPE", "TYPE65536", "TYPE+1", "28"})
  void parsesNothingElse(String text) {
    assertEquals(OptionalInt.empty(), QTypeNames.parse(text));
  }

  @Test
  void lookupsReturnTheCachedString() {
    assertSame(QTypeNames.name(1), QTypeNames.name(1));
    assertSame(QTypeNames.name(40000), QTypeNames.name(40000));
  }

  @Test
  void rejectsValuesOutside16Bits() {
    assertThrows(IllegalArgumentException.class, () -> QTypeNames.name(-1));
    assertThrows(IllegalArgumentException.class, () -> QTypeNames.name(0x10000));
  }
}
