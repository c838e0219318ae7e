package org.dnsseismograph.traffic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.wire.IpAddress;
import org.dnsseismograph.wire.Transport;

/**
 * An immutable view of the first {@link #size()} rows of {@link TransactionColumns}, sorted by
 * transaction time (epoch ns UTC): the query's, or the response's for a response alone. Safe to
 * use from any thread while the writer goes on.
 *
 * <p>Range questions take a half-open span {@code [fromNanos, toNanos)} and cost O(log n) to find
 * the rows plus O(rows in range) to count them.
 */
public final class TransactionSnapshot {
  static final TransactionSnapshot EMPTY = new TransactionSnapshot(new ColumnChunk[0], 0, new NameDictionary().view(), new AddressDictionary().view());

  private static final Outcome[] OUTCOMES = Outcome.values();
  private static final Transport[] TRANSPORTS = Transport.values();
  private static final int MASK = TransactionColumns.CHUNK_ROWS - 1;
  private static final int SHIFT = TransactionColumns.CHUNK_BITS;

  private final ColumnChunk[] chunks;
  private final int size;
  private final NameDictionary.View names;
  private final AddressDictionary.View addresses;

  TransactionSnapshot(ColumnChunk[] chunks, int size, NameDictionary.View names, AddressDictionary.View addresses) {
    this.chunks = chunks;
    this.size = size;
    this.names = names;
    this.addresses = addresses;
  }

  /** Number of transactions. */
  public int size() {
    return size;
  }

  /** The rows whose time lies in {@code [fromNanos, toNanos)}, by binary search. */
  public RowRange rows(long fromNanos, long toNanos) {
    if (toNanos < fromNanos) {
      throw new IllegalArgumentException("range ends before it starts: " + fromNanos + " > " + toNanos);
    }
    return new RowRange(lowerBound(fromNanos), lowerBound(toNanos));
  }

  /** The first row whose time is at least {@code t}, or {@link #size()}. */
  private int lowerBound(long t) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (timeNanos(mid) < t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private ColumnChunk chunk(int row) {
    return chunks[Objects.checkIndex(row, size) >>> SHIFT];
  }

  public long timeNanos(int row) {
    return chunk(row).time[row & MASK];
  }

  public Outcome outcome(int row) {
    return OUTCOMES[chunk(row).flags[row & MASK] & ColumnChunk.OUTCOME_BITS];
  }

  public Transport transport(int row) {
    return TRANSPORTS[(chunk(row).flags[row & MASK] >>> ColumnChunk.TRANSPORT_SHIFT) & 3];
  }

  /** Latency in nanoseconds, at microsecond precision; -1 unless answered. */
  public long latencyNanos(int row) {
    int us = chunk(row).latencyMicros[row & MASK];
    return us < 0 ? -1 : us * 1000L;
  }

  public String qname(int row) {
    return names.text(chunk(row).qnameId[row & MASK]);
  }

  public IpAddress client(int row) {
    return addresses.address(chunk(row).clientId[row & MASK]);
  }

  public IpAddress server(int row) {
    return addresses.address(chunk(row).serverId[row & MASK]);
  }

  public int clientPort(int row) {
    return chunk(row).clientPort[row & MASK];
  }

  public int serverPort(int row) {
    return chunk(row).serverPort[row & MASK];
  }

  public int qtype(int row) {
    return chunk(row).qtype[row & MASK];
  }

  public int id(int row) {
    return chunk(row).id[row & MASK];
  }

  /** The rcode, or -1 without a response. */
  public int rcode(int row) {
    return chunk(row).rcode[row & MASK];
  }

  public boolean tc(int row) {
    return (chunk(row).flags[row & MASK] & ColumnChunk.TC) != 0;
  }

  public boolean aa(int row) {
    return (chunk(row).flags[row & MASK] & ColumnChunk.AA) != 0;
  }

  public boolean rd(int row) {
    return (chunk(row).flags[row & MASK] & ColumnChunk.RD) != 0;
  }

  /**
   * Counts the rows of a range by name, client, server and answer ({@link WindowTally}). With
   * resolvers given, the names, clients and answers are those of the queries to a resolver and the
   * servers those the resolvers asked; with none, every row counts for all four. Looks at the
   * progress' cancel every 65,536 rows.
   */
  public WindowTally tally(RowRange range, Set<IpAddress> resolvers, Progress progress) {
    return tally(List.of(this), List.of(range), resolvers, progress);
  }

  /**
   * True when this snapshot's names and addresses are numbered as {@code other}'s (the generations
   * of one live source), so both can be counted in one {@link #tally(List, List, Set, Progress)}.
   */
  public boolean sharesDictionariesWith(TransactionSnapshot other) {
    return names.sameDictionary(other.names) && addresses.sameDictionary(other.addresses);
  }

  /**
   * As {@link #tally(RowRange, Set, Progress)}, over a range of each of several snapshots that
   * share their dictionaries ({@link #sharesDictionariesWith}): one count per name, client and
   * server for all of them, with no text made per entry.
   *
   * @throws IllegalArgumentException when the snapshots do not share their dictionaries, or the
   *     ranges are not one per snapshot
   */
  public static WindowTally tally(List<TransactionSnapshot> parts, List<RowRange> ranges, Set<IpAddress> resolvers, Progress progress) {
    if (parts.isEmpty() || parts.size() != ranges.size()) {
      throw new IllegalArgumentException(parts.size() + " snapshots for " + ranges.size() + " ranges");
    }
    // The newest views know every id any of the parts uses: the dictionaries only grow.
    NameDictionary.View names = parts.get(0).names;
    AddressDictionary.View addresses = parts.get(0).addresses;
    for (TransactionSnapshot p : parts) {
      if (!p.sharesDictionariesWith(parts.get(0))) {
        throw new IllegalArgumentException("snapshots with dictionaries of their own are summed by text, not together");
      }
      names = p.names.size() > names.size() ? p.names : names;
      addresses = p.addresses.size() > addresses.size() ? p.addresses : addresses;
    }
    AddressDictionary.View a = addresses;
    int addressIds = a.size();
    WindowTally tally = new WindowTally(names, a);
    boolean[] resolver = new boolean[addressIds];
    boolean all = resolvers.isEmpty();
    for (int id = 0; !all && id < addressIds; id++) {
      resolver[id] = resolvers.contains(a.address(id));
    }
    for (int k = 0; k < parts.size(); k++) {
      parts.get(k).count(ranges.get(k), tally, resolver, all, progress);
    }
    return tally;
  }

  private void count(RowRange range, WindowTally tally, boolean[] resolver, boolean all, Progress progress) {
    for (int r = range.from(); r < range.to(); r++) {
      if (((r - range.from()) & 0xFFFF) == 0) {
        progress.checkCancelled();
      }
      ColumnChunk c = chunks[r >>> SHIFT];
      int i = r & MASK;
      int client = c.clientId[i];
      int server = c.serverId[i];
      int answer;
      if (OUTCOMES[c.flags[i] & ColumnChunk.OUTCOME_BITS].kind() == TransactionKind.UNANSWERED) {
        answer = WindowTally.NO_ANSWER;
      } else {
        answer = c.rcode[i];
      }
      tally.add(c.qnameId[i], client, server, answer, all || resolver[server], all || resolver[client]);
    }
  }

  /** The {@code n} most frequent question names in the range. */
  public List<Ranked<String>> topQnames(long fromNanos, long toNanos, int n) {
    return ranked(TopN.top(r -> chunks[r >>> SHIFT].qnameId[r & MASK], rows(fromNanos, toNanos), names.size(), n), names::text);
  }

  /** The {@code n} most frequent clients in the range. */
  public List<Ranked<IpAddress>> topClients(long fromNanos, long toNanos, int n) {
    return ranked(TopN.top(r -> chunks[r >>> SHIFT].clientId[r & MASK], rows(fromNanos, toNanos), addresses.size(), n), addresses::address);
  }

  /** The {@code n} most frequent servers in the range. */
  public List<Ranked<IpAddress>> topServers(long fromNanos, long toNanos, int n) {
    return ranked(TopN.top(r -> chunks[r >>> SHIFT].serverId[r & MASK], rows(fromNanos, toNanos), addresses.size(), n), addresses::address);
  }

  /** Rcodes of the transactions with a response in the range, most frequent first. */
  public List<Ranked<Integer>> rcodeMix(long fromNanos, long toNanos) {
    IntUnaryOperator rcode = r -> chunks[r >>> SHIFT].rcode[r & MASK];
    return ranked(TopN.top(rcode, rows(fromNanos, toNanos), 1 << 12, 1 << 12), Integer::valueOf);
  }

  /** How many transactions of each outcome the range holds (outcomes with none omitted). */
  public Map<Outcome, Long> outcomes(long fromNanos, long toNanos) {
    RowRange rr = rows(fromNanos, toNanos);
    long[] counts = new long[OUTCOMES.length];
    for (int r = rr.from(); r < rr.to(); r++) {
      counts[chunks[r >>> SHIFT].flags[r & MASK] & ColumnChunk.OUTCOME_BITS]++;
    }
    Map<Outcome, Long> map = new EnumMap<>(Outcome.class);
    for (Outcome o : OUTCOMES) {
      if (counts[o.ordinal()] > 0) {
        map.put(o, counts[o.ordinal()]);
      }
    }
    return Collections.unmodifiableMap(map);
  }

  private static <K> List<Ranked<K>> ranked(long[] packed, IntFunction<K> key) {
    List<Ranked<K>> out = new ArrayList<>(packed.length);
    for (long p : packed) {
      out.add(new Ranked<>(key.apply((int) p), p >>> 32));
    }
    return List.copyOf(out);
  }
}
