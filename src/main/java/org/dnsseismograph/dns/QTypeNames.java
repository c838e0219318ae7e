package org.dnsseismograph.dns;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Names of DNS RR types and query types as IANA registers them (A, NS, CNAME, SOA, ... SVCB, HTTPS,
 * ... AXFR, ANY, URI, CAA, ...), with {@code TYPE<n>} (RFC 3597) for every other value. IANA writes
 * type 255 as {@code *}; it is named ANY here, as dig and dnsjava print it, and both parse. Names are
 * built once and cached: a lookup allocates nothing after the first. Thread-safe.
 *
 * @see <a href="https://www.iana.org/assignments/dns-parameters/dns-parameters.xhtml#dns-parameters-4">IANA
 *     Resource Record (RR) TYPEs</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3597#section-5">RFC 3597 §5</a>
 */
public final class QTypeNames {
  private static final String[] LOW = {
    null, "A", "NS", "MD", "MF", "CNAME", "SOA", "MB", "MG", "MR", "NULL", "WKS", "PTR", "HINFO", "MINFO",
    "MX", "TXT", "RP", "AFSDB", "X25", "ISDN", "RT", "NSAP", "NSAP-PTR", "SIG", "KEY", "PX", "GPOS", "AAAA",
    "LOC", "NXT", "EID", "NIMLOC", "SRV", "ATMA", "NAPTR", "KX", "CERT", "A6", "DNAME", "SINK", "OPT", "APL",
    "DS", "SSHFP", "IPSECKEY", "RRSIG", "NSEC", "DNSKEY", "DHCID", "NSEC3", "NSEC3PARAM", "TLSA", "SMIMEA",
    null, "HIP", "NINFO", "RKEY", "TALINK", "CDS", "CDNSKEY", "OPENPGPKEY", "CSYNC", "ZONEMD", "SVCB", "HTTPS",
    "DSYNC", "HHIT", "BRID"
  };
  private static final CodeTable TABLE = new CodeTable("TYPE", assigned(), Map.of("*", 255));

  private QTypeNames() {}

  private static Map<Integer, String> assigned() {
    Map<Integer, String> m = new HashMap<>();
    for (int i = 0; i < LOW.length; i++) {
      if (LOW[i] != null) {
        m.put(i, LOW[i]);
      }
    }
    String[] from99 = {"SPF", "UINFO", "UID", "GID", "UNSPEC", "NID", "L32", "L64", "LP", "EUI48", "EUI64"};
    for (int i = 0; i < from99.length; i++) {
      m.put(99 + i, from99[i]);
    }
    m.put(128, "NXNAME");
    String[] from249 = {"TKEY", "TSIG", "IXFR", "AXFR", "MAILB", "MAILA", "ANY", "URI", "CAA", "AVC", "DOA",
        "AMTRELAY", "RESINFO", "WALLET", "CLA", "IPN"};
    for (int i = 0; i < from249.length; i++) {
      m.put(249 + i, from249[i]);
    }
    m.put(32768, "TA");
    m.put(32769, "DLV");
    return m;
  }

  /**
   * The name of RR type {@code type}.
   *
   * @throws IllegalArgumentException outside 0 to 65535
   */
  public static String name(int type) {
    return TABLE.name(type);
  }

  /** The type a name stands for (any case; {@code TYPE<n>} and {@code *} too); empty if none. */
  public static OptionalInt parse(CharSequence name) {
    return TABLE.parse(name);
  }
}
