package org.dnsseismograph.dns;

import java.util.Map;
import java.util.OptionalInt;

/**
 * Names of DNS response codes as IANA registers them: NOERROR, FORMERR, SERVFAIL, NXDOMAIN, NOTIMP,
 * REFUSED, YXDOMAIN, YXRRSET, NXRRSET, NOTAUTH, NOTZONE, DSOTYPENI (0 to 11), BADVERS (16, which
 * TSIG calls BADSIG), BADKEY, BADTIME, BADMODE, BADNAME, BADALG, BADTRUNC, BADCOOKIE (17 to 23), and
 * {@code RCODE<n>} for every other value. Names are built once and cached: a lookup allocates
 * nothing after the first. Thread-safe.
 *
 * @see <a href="https://www.iana.org/assignments/dns-parameters/dns-parameters.xhtml#dns-parameters-6">IANA
 *     DNS RCODEs</a>
 */
public final class RcodeNames {
  private static final CodeTable TABLE =
      new CodeTable(
          "RCODE",
          Map.ofEntries(
              Map.entry(0, "NOERROR"),
              Map.entry(1, "FORMERR"),
              Map.entry(2, "SERVFAIL"),
              Map.entry(3, "NXDOMAIN"),
              Map.entry(4, "NOTIMP"),
              Map.entry(5, "REFUSED"),
              Map.entry(6, "YXDOMAIN"),
              Map.entry(7, "YXRRSET"),
              Map.entry(8, "NXRRSET"),
              Map.entry(9, "NOTAUTH"),
              Map.entry(10, "NOTZONE"),
              Map.entry(11, "DSOTYPENI"),
              Map.entry(16, "BADVERS"),
              Map.entry(17, "BADKEY"),
              Map.entry(18, "BADTIME"),
              Map.entry(19, "BADMODE"),
              Map.entry(20, "BADNAME"),
              Map.entry(21, "BADALG"),
              Map.entry(22, "BADTRUNC"),
              Map.entry(23, "BADCOOKIE")),
          Map.of("BADSIG", 16));

  private RcodeNames() {}

  /**
   * The name of {@code rcode} (0 to 65535: the 12-bit extended rcode of a message, or a TSIG error).
   *
   * @throws IllegalArgumentException outside 0 to 65535
   */
  public static String name(int rcode) {
    return TABLE.name(rcode);
  }

  /** The rcode a name stands for (any case; {@code RCODE<n>} too, and BADSIG); empty if none. */
  public static OptionalInt parse(CharSequence name) {
    return TABLE.parse(name);
  }
}
