package org.dnsseismograph.analysis;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Domain names as the scanner writes them (lower-case presentation text, no final dot, the root as
 * {@code "."}, a dot inside a label escaped as {@code \.}): which names lie in a zone, and the
 * parent of a name. Stateless.
 */
final class ZoneNames {
  static final String ROOT = ".";

  private ZoneNames() {}

  /** True when {@code name[0, length)} is the zone itself or a name below it. */
  static boolean covers(byte[] zone, byte[] name, int length) {
    int z = zone.length;
    if (z == 1 && zone[0] == '.') {
      return true;
    }
    if (length < z) {
      return false;
    }
    int off = length - z;
    for (int i = 0; i < z; i++) {
      if (name[off + i] != zone[i]) {
        return false;
      }
    }
    return off == 0 || name[off - 1] == '.' && !escaped(name, off - 1);
  }

  /** True when the character at {@code i} is preceded by an odd number of backslashes. */
  private static boolean escaped(byte[] name, int i) {
    int n = 0;
    for (int j = i - 1; j >= 0 && name[j] == '\\'; j--) {
      n++;
    }
    return (n & 1) == 1;
  }

  /** The name one label up: {@code a.b.c} to {@code b.c}, a single label to the root; the root has none (null). */
  static String parent(String name) {
    if (name.equals(ROOT)) {
      return null;
    }
    byte[] b = name.getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < b.length; i++) {
      if (b[i] == '.' && !escaped(b, i)) {
        return name.substring(i + 1);
      }
    }
    return ROOT;
  }

  /** A zone as a user may write it ({@code Example.Test.}) in the scanner's spelling ({@code example.test}). */
  static String normalize(String zone) {
    String z = zone.strip().toLowerCase(Locale.ROOT);
    if (z.isEmpty() || z.equals(ROOT)) {
      return ROOT;
    }
    return z.endsWith(".") && !z.endsWith("\\.") ? z.substring(0, z.length() - 1) : z;
  }

  /** The absolute form for reports: {@code example.test.}, the root {@code .}. */
  static String absolute(String zone) {
    return zone.equals(ROOT) ? ROOT : zone + ".";
  }

  /** True when the name may be part of a metric name ({@link org.dnsseismograph.series.MetricId}'s characters). */
  static boolean metricSafe(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "_.:-/|@%+[]".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return !name.isEmpty();
  }

  static byte[] bytes(String name) {
    return name.getBytes(StandardCharsets.US_ASCII);
  }
}
