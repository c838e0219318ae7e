package org.dnsseismograph.analysis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.traffic.Side;
import org.dnsseismograph.traffic.Transaction;
import org.dnsseismograph.traffic.TransactionKind;

/**
 * What failed for the resolvers' clients, by name and second: every client-side SERVFAIL response
 * (at its time) and every unanswered client query (at its query's time), filed under the parent of
 * its question name ({@code q3f9.example.test} under {@code example.test}). When no upstream
 * traffic is in the capture, this is how a suspected outage is told apart from general trouble:
 * failures that surge together and share a suffix.
 *
 * <p>Bounded: at most {@value #MAX_SUFFIXES} distinct parents (later ones share one "other" entry)
 * and {@value #MAX_CELLS} (parent, second) cells, about 24 bytes each (failures beyond are counted
 * in {@link #dropped()}). Names are hashed on the way in; a parent is turned into a string once.
 * Confined to the aggregating thread.
 */
final class FailureLog implements TrafficObserver {
  static final int MAX_SUFFIXES = 1 << 16;
  static final int MAX_CELLS = 1 << 20;
  static final String OTHER = "(other)";
  private static final int SERVFAIL = 2;
  private static final long SECOND = TimeUnits.NANOS_PER_SECOND;

  private final Map<Long, Integer> suffixIds = new HashMap<>();
  private final List<String> suffixes = new ArrayList<>(List.of(OTHER));
  private long[] keys = new long[1024];
  private long[] counts = new long[1024];
  private int cells;
  private long baseSecond = Long.MIN_VALUE;
  private long dropped;

  @Override
  public Side side() {
    return Side.CLIENT;
  }

  @Override
  public void onMessage(MessageFacts m) {
    if (m.side == Side.CLIENT && m.response && m.wellFormed && m.rcode == SERVFAIL && m.view.hasQuestion) {
      add(m.timeNanos, m.view.qname(), m.view.qnameLength());
    }
  }

  @Override
  public void onTransaction(Transaction t, Side side) {
    if (side == Side.CLIENT && t.kind() == TransactionKind.UNANSWERED) {
      add(t.queryTimeNanos, t.qname(), t.qnameLength());
    }
  }

  private void add(long t, byte[] name, int length) {
    int suffix = suffixId(name, length);
    long second = Math.floorDiv(t, SECOND);
    if (baseSecond == Long.MIN_VALUE) {
      baseSecond = second;
    }
    long rel = second - baseSecond + (1L << 31);
    if (rel < 0 || rel >= 1L << 32) {
      dropped++;
      return;
    }
    long key = ((long) suffix << 32 | rel) + 1;
    int mask = keys.length - 1;
    int i = (int) (key * 0x9E3779B97F4A7C15L >>> 40) & mask;
    while (keys[i] != 0 && keys[i] != key) {
      i = (i + 1) & mask;
    }
    if (keys[i] == 0) {
      if (cells >= MAX_CELLS) {
        dropped++;
        return;
      }
      keys[i] = key;
      cells++;
    }
    counts[i]++;
    if (cells * 2 > keys.length) {
      grow();
    }
  }

  private int suffixId(byte[] name, int length) {
    int from = length;
    for (int i = 0; i < length; i++) {
      if (name[i] == '.' && (i == 0 || name[i - 1] != '\\')) {
        from = i + 1;
        break;
      }
    }
    long h = 0xCBF29CE484222325L;
    for (int i = from; i < length; i++) {
      h = (h ^ (name[i] & 0xFF)) * 0x100000001B3L;
    }
    Integer id = suffixIds.get(h);
    if (id != null) {
      return id;
    }
    if (suffixes.size() >= MAX_SUFFIXES) {
      return 0;
    }
    String text = from >= length ? ZoneNames.ROOT : new String(name, from, length - from, StandardCharsets.US_ASCII);
    suffixes.add(text);
    suffixIds.put(h, suffixes.size() - 1);
    return suffixes.size() - 1;
  }

  private void grow() {
    long[] ok = keys;
    long[] oc = counts;
    keys = new long[ok.length * 2];
    counts = new long[ok.length * 2];
    int mask = keys.length - 1;
    for (int j = 0; j < ok.length; j++) {
      if (ok[j] != 0) {
        int i = (int) (ok[j] * 0x9E3779B97F4A7C15L >>> 40) & mask;
        while (keys[i] != 0) {
          i = (i + 1) & mask;
        }
        keys[i] = ok[j];
        counts[i] = oc[j];
      }
    }
  }

  /** Failures per parent name in the whole seconds overlapping {@code [from, to)}, most first. */
  List<SuffixFailures> bySuffix(long fromNanos, long toNanos) {
    long[] perSuffix = new long[suffixes.size()];
    long first = Math.floorDiv(fromNanos, SECOND);
    long last = Math.floorDiv(toNanos - 1, SECOND);
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != 0) {
        long key = keys[i] - 1;
        long second = (key & 0xFFFF_FFFFL) - (1L << 31) + baseSecond;
        if (second >= first && second <= last) {
          perSuffix[(int) (key >>> 32)] += counts[i];
        }
      }
    }
    List<SuffixFailures> out = new ArrayList<>();
    for (int s = 0; s < perSuffix.length; s++) {
      if (perSuffix[s] > 0) {
        out.add(new SuffixFailures(suffixes.get(s), perSuffix[s]));
      }
    }
    out.sort((a, b) -> Long.compare(b.failures(), a.failures()));
    return out;
  }

  /** Failures not recorded because the log was full or their time absurd. */
  long dropped() {
    return dropped;
  }

  @Override
  public String toString() {
    return "FailureLog[" + cells + " cells, " + suffixes.size() + " suffixes, " + Arrays.toString(new long[] {dropped}) + " dropped]";
  }
}
