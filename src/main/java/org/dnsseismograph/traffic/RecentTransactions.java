package org.dnsseismograph.traffic;

import java.util.ArrayList;
import java.util.List;
import org.dnsseismograph.wire.IpAddress;

/**
 * The transactions of the last minutes of a live source, for the side panel's questions about the
 * visible window: {@link TransactionColumns} cut into generations of {@link #GENERATIONS}ths of the
 * time kept, each aligned to UTC and holding the transactions whose time falls in it. A busy source
 * fills a generation before its time is up: it then ends after its newest row (keeping a tenth of
 * its share of the row bound for rows arriving late), and the next one begins. A generation is
 * dropped whole once it ends more than the time kept before the clock, or to make room for a new
 * one within the row bound, so what is held is always the newest stretch of time. The generations
 * share their dictionaries of names and addresses, so a window over several of them is counted by
 * id, as one capture's is; once the dictionaries hold as many entries as the row bound, new
 * generations start new ones and the old go with the last generation using them, so memory stays
 * bounded however long the source runs. The oldest time still held is published beside the rows ({@link
 * RecentTraffic#keptFromNanos()}), so a reader can say which part of a window it could not count.
 *
 * <p>A transaction older than every generation held, or beyond the row bound of the newest one, is
 * left out and counted; the live series count it all the same.
 *
 * <p><b>Threads.</b> One writer calls {@link #append}, {@link #advanceClock}, {@link #publish} and
 * {@link #finish}; any thread may call {@link #snapshot()}.
 */
public final class RecentTransactions {
  /** Generations the time kept is cut into: a dropped one takes this share of the kept time with it. */
  static final int GENERATIONS = 10;
  /** Generations that share the row bound when a busy source fills them before their time is up. */
  static final int SHARES = 4;
  static final int MAX_RESOLVERS = 16;
  private static final long MIN_KEEP_NANOS = 1_000_000;
  /** Rows staged at most per generation before its oldest buckets are sealed early. */
  private static final int STAGING = 1 << 18;

  private final long reorderWindow;
  private final long keep;
  private final long span;
  private final int maxRows;
  /** Rows one generation may hold: a share of the bound, so several generations share it and the oldest go first. */
  private final int generationRows;
  /** Rows after which the newest generation ends early, leaving the rest of its share to late rows. */
  private final int cutRows;
  /** By start, oldest first; their spans never overlap. */
  private final List<Generation> generations = new ArrayList<>();
  /** Rows appended to the generations held. */
  private long rows;
  private long leftOut;
  /** Left-out counts of dropped generations. */
  private long droppedLeftOut;
  private long keptFrom = Long.MIN_VALUE;
  private long clock = Long.MIN_VALUE;
  private final List<IpAddress> resolvers = new ArrayList<>();
  /** Shared by the generations, so their rows are counted together by id; renewed when they hold as many entries as rows may be held. */
  private NameDictionary names = new NameDictionary();
  private AddressDictionary addresses = new AddressDictionary();
  private volatile RecentTraffic published = RecentTraffic.NONE;

  /**
   * @param reorderWindowNanos how late a transaction may arrive behind the clock (the matcher's
   *     timeout at least)
   * @param keepNanos how much time is kept behind the clock, at least a millisecond
   * @param maxRows most rows held in all generations together
   */
  public RecentTransactions(long reorderWindowNanos, long keepNanos, int maxRows) {
    if (reorderWindowNanos < 0 || keepNanos < MIN_KEEP_NANOS || maxRows < 1) {
      throw new IllegalArgumentException("bad recent transactions: window " + reorderWindowNanos + ", keep " + keepNanos + ", rows " + maxRows);
    }
    this.reorderWindow = reorderWindowNanos;
    this.keep = keepNanos;
    this.span = Math.max(1, keepNanos / GENERATIONS);
    this.maxRows = maxRows;
    this.generationRows = Math.max(1, maxRows / SHARES);
    this.cutRows = Math.max(1, generationRows - generationRows / 10);
  }

  /** Adds one transaction (copied; the flyweight may be reused after the call). */
  public void append(Transaction t) {
    long time = t.timeNanos();
    Generation g = generationFor(time);
    if (g == null || g.finished) {
      leftOut++;
      return;
    }
    g.columns.append(t);
    g.appended++;
    g.maxTime = Math.max(g.maxTime, time);
    rows++;
    if (g.appended >= cutRows && g.end > g.maxTime + 1 && g == generations.get(generations.size() - 1)) {
      // Full before its time is up (a busy source): newer rows start a generation of their own, so
      // the oldest rows can go first; the rest of the budget is for rows arriving late.
      g.end = g.maxTime + 1;
    }
  }

  /**
   * The generation holding {@code time}, made when none does yet; null when its time was dropped
   * already. Generations are few (about {@link #GENERATIONS}), so a walk from the newest is cheap,
   * and most rows belong to the newest.
   */
  private Generation generationFor(long time) {
    int i = generations.size() - 1;
    while (i >= 0 && time < generations.get(i).start) {
      i--;
    }
    if (i >= 0 && time < generations.get(i).end) {
      return generations.get(i);
    }
    long aligned = Math.floorDiv(time, span) * span;
    // Between its neighbours: after the one before (which may have been cut short), before the next.
    long start = i >= 0 ? Math.max(aligned, generations.get(i).end) : aligned;
    long end = i + 1 < generations.size() ? Math.min(aligned + span, generations.get(i + 1).start) : aligned + span;
    if (start < keptFrom) {
      return null;
    }
    // A new generation needs its share of the rows; the oldest generations go to make room.
    while (!generations.isEmpty() && rows > maxRows - generationRows) {
      drop();
      i--;
      if (start < keptFrom) {
        return null;
      }
    }
    if (names.size() >= maxRows || addresses.size() >= maxRows) {
      // The dictionaries only grow: later generations start new ones, and the old go with the last generation using them.
      names = new NameDictionary();
      addresses = new AddressDictionary();
    }
    Generation g = new Generation(start, end, new TransactionColumns(reorderWindow, STAGING, generationRows, names, addresses));
    g.columns.advanceClock(clock);
    generations.add(Math.max(0, i + 1), g);
    return g;
  }

  /** Moves the clock forward: seals what is due, ends generations no row can reach any more, drops those past the time kept. */
  public void advanceClock(long nowNanos) {
    if (nowNanos <= clock) {
      return;
    }
    clock = nowNanos;
    for (Generation g : generations) {
      if (!g.finished) {
        g.columns.advanceClock(nowNanos);
        if (nowNanos - reorderWindow >= g.end) {
          g.columns.finish();
          g.finished = true;
        }
      }
    }
    while (!generations.isEmpty() && generations.get(0).end <= nowNanos - keep) {
      drop();
    }
  }

  private void drop() {
    Generation g = generations.remove(0);
    rows -= g.appended;
    droppedLeftOut += g.columns.leftOut();
    keptFrom = g.end;
  }

  /**
   * Notes a recursive resolver among the addresses (the server of a client's query in a dnstap
   * stream), so a reader can tell clients from authoritative servers; at most {@value
   * #MAX_RESOLVERS} are kept, as no deployment streams from more into one source.
   */
  public void addResolver(long hi, long lo) {
    for (IpAddress r : resolvers) {
      if (r.hi() == hi && r.lo() == lo) {
        return;
      }
    }
    if (resolvers.size() < MAX_RESOLVERS) {
      resolvers.add(new IpAddress(hi, lo));
    }
  }

  /** Makes every sealed row visible to {@link #snapshot()}. */
  public void publish() {
    List<TransactionSnapshot> parts = new ArrayList<>(generations.size());
    long generationsLeftOut = droppedLeftOut;
    for (Generation g : generations) {
      if (!g.finished) {
        g.columns.publish();
      }
      parts.add(g.columns.snapshot());
      generationsLeftOut += g.columns.leftOut();
    }
    published = new RecentTraffic(parts, keptFrom, leftOut + generationsLeftOut, resolvers);
  }

  /** Seals every staged row and publishes: the source stopped. */
  public void finish() {
    for (Generation g : generations) {
      if (!g.finished) {
        g.columns.finish();
        g.finished = true;
      }
    }
    publish();
  }

  /** The last published rows; any thread. */
  public RecentTraffic snapshot() {
    return published;
  }

  /** One generation: the transactions whose time lies in {@code [start, end)}. */
  private static final class Generation {
    final long start;
    /** Moved back to just after its newest row when it fills before its time is up. */
    long end;
    final TransactionColumns columns;
    boolean finished;
    long appended;
    long maxTime = Long.MIN_VALUE;

    Generation(long start, long end, TransactionColumns columns) {
      this.start = start;
      this.end = end;
      this.columns = columns;
    }
  }
}
