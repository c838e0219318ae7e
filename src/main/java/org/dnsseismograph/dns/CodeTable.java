package org.dnsseismograph.dns;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Names of the 16-bit codes of one DNS registry (rcodes, RR types): the assigned mnemonic, or a
 * prefix and the number for the rest ({@code RCODE12}, {@code TYPE65280}). Each name is built once,
 * on first use, and cached, so a lookup allocates nothing afterwards. Thread-safe (the cache is
 * published through atomic arrays).
 */
final class CodeTable {
  private static final int PAGE_BITS = 8;
  private static final int PAGE_SIZE = 1 << PAGE_BITS;
  private static final int MAX = 0xFFFF;

  private final String prefix;
  private final Map<Integer, String> assigned;
  private final Map<String, Integer> byName = new HashMap<>();
  private final AtomicReferenceArray<AtomicReferenceArray<String>> pages =
      new AtomicReferenceArray<>((MAX + 1) / PAGE_SIZE);

  /**
   * @param prefix what precedes the number of an unassigned code
   * @param assigned the mnemonic of each assigned code
   * @param aliases further names that parse (e.g. BADSIG for 16)
   */
  CodeTable(String prefix, Map<Integer, String> assigned, Map<String, Integer> aliases) {
    this.prefix = prefix;
    this.assigned = Map.copyOf(assigned);
    assigned.forEach((code, name) -> byName.put(name.toUpperCase(Locale.ROOT), code));
    aliases.forEach((name, code) -> byName.put(name.toUpperCase(Locale.ROOT), code));
  }

  String name(int code) {
    if (code < 0 || code > MAX) {
      throw new IllegalArgumentException("not a 16-bit code: " + code);
    }
    AtomicReferenceArray<String> page = pages.get(code >>> PAGE_BITS);
    if (page == null) {
      pages.compareAndSet(code >>> PAGE_BITS, null, new AtomicReferenceArray<>(PAGE_SIZE));
      page = pages.get(code >>> PAGE_BITS);
    }
    String s = page.get(code & (PAGE_SIZE - 1));
    if (s == null) {
      s = assigned.getOrDefault(code, prefix + code);
      page.set(code & (PAGE_SIZE - 1), s);
    }
    return s;
  }

  /** The code of a mnemonic or of {@code <prefix><number>}, any case; empty when neither. */
  OptionalInt parse(CharSequence text) {
    String upper = text.toString().strip().toUpperCase(Locale.ROOT);
    Integer code = byName.get(upper);
    if (code != null) {
      return OptionalInt.of(code);
    }
    if (upper.length() > prefix.length() && upper.length() <= prefix.length() + 5 && upper.startsWith(prefix)) {
      int n = 0;
      for (int i = prefix.length(); i < upper.length(); i++) {
        char c = upper.charAt(i);
        if (c < '0' || c > '9') {
          return OptionalInt.empty();
        }
        n = n * 10 + (c - '0');
      }
      return n <= MAX ? OptionalInt.of(n) : OptionalInt.empty();
    }
    return OptionalInt.empty();
  }
}
