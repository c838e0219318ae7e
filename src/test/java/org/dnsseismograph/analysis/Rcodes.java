package org.dnsseismograph.analysis;

import java.util.Map;

/** The few rcode names the tests use, standing in for the dns package's namer. */
final class Rcodes {
  private static final Map<Integer, String> NAMES = Map.of(0, "NOERROR", 1, "FORMERR", 2, "SERVFAIL", 3, "NXDOMAIN", 4, "NOTIMP", 5, "REFUSED", 16, "BADVERS");

  private Rcodes() {}

  static String name(int rcode) {
    return NAMES.getOrDefault(rcode, "RCODE" + rcode);
  }

  static int number(String name) {
    for (Map.Entry<Integer, String> e : NAMES.entrySet()) {
      if (e.getValue().equalsIgnoreCase(name)) {
        return e.getKey();
      }
    }
    if (name.startsWith("RCODE")) {
      try {
        return Integer.parseInt(name.substring(5));
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    return -1;
  }
}
