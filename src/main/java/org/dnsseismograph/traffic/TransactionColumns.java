package org.dnsseismograph.traffic;

import java.util.Arrays;
import java.util.List;
import org.dnsseismograph.dns.DnsMessageView;

/**
 * The compact, append-only columnar record of transactions, for the UI's questions about the
 * visible window (top qnames, clients, servers, rcode mix of a time range). Rows are kept sorted
 * by transaction time (the query's, or the response's for a response alone), so a time range is
 * an index range found by binary search.
 *
 * <p><b>Keeping them sorted.</b> The matcher closes transactions out of query-time order: an
 * answer arrives up to the timeout after its query, an unanswered query closes a timeout after it
 * was sent. Appended rows therefore wait in a {@link ReorderStage} (a bucket queue by time, about
 * 1 ms per bucket) and are sealed into the columns, in time order, once the capture clock ({@link
 * #advanceClock}) is more than the reorder window past their bucket. With a window at least the
 * matcher's timeout and a capture in time order, every row arrives before its place is sealed. A
 * row that arrives later than that (input out of capture order by more than the window) would
 * break the order: it is left out and counted ({@link #leftOut()}); the metrics still count it.
 * The stage holds at most {@code stagingCapacity} rows and spans about four windows; a row beyond
 * either bound first seals the oldest buckets early.
 *
 * <p><b>Memory.</b> 35 bytes per transaction in chunks of 16,384 rows (time 8, latency 4, qname,
 * client and server ids 4 each, client and server port, qtype, id and rcode 2 each, flags 1), plus
 * each distinct qname once (about 34 bytes and its wire length) and each distinct address once (about
 * 32 bytes), plus the stage (44 bytes per staged row).
 *
 * <p><b>Threads.</b> One writer calls {@link #append}, {@link #advanceClock}, {@link #publish} and
 * {@link #finish}; any thread may call {@link #snapshot()}, which returns the immutable {@link
 * TransactionSnapshot} last published. The writer publishes every {@value #PUBLISH_EVERY} sealed
 * rows, and on {@link #publish} and {@link #finish}. Sealed rows and dictionary entries are never
 * rewritten and growing arrays are replaced, not changed, so a snapshot stays valid while the
 * writer goes on.
 */
public final class TransactionColumns {
  static final int CHUNK_BITS = 14;
  static final int CHUNK_ROWS = 1 << CHUNK_BITS;
  /** Rows sealed between automatic publications. */
  public static final int PUBLISH_EVERY = 8192;
  /** Default most rows waiting in the reorder stage. */
  public static final int DEFAULT_STAGING_CAPACITY = 1 << 20;
  /** Default and largest number of rows. */
  public static final int MAX_ROWS = Integer.MAX_VALUE - CHUNK_ROWS;

  private final long reorderWindow;
  private final int maxRows;
  private final NameDictionary names;
  private final AddressDictionary addresses;
  private ColumnChunk[] chunks = new ColumnChunk[16];
  private int rows;
  private final ReorderStage stage;
  private final ReorderStage.RowSink sealer = this::seal;
  private final long[] packed = new long[ReorderStage.STRIDE];
  private long lastSealed = Long.MIN_VALUE;
  private long clock = Long.MIN_VALUE;
  private long leftOut;
  private int publishedRows;
  private volatile TransactionSnapshot published = TransactionSnapshot.EMPTY;

  /** Columns with the default stage capacity and no row limit beyond {@link #MAX_ROWS}. */
  public TransactionColumns(long reorderWindowNanos) {
    this(reorderWindowNanos, DEFAULT_STAGING_CAPACITY, MAX_ROWS);
  }

  /**
   * @param reorderWindowNanos how far behind the clock rows are sealed; at least the matcher's
   *     timeout
   * @param stagingCapacity most rows waiting to be sealed
   * @param maxRows most rows kept; later ones are left out and counted
   */
  public TransactionColumns(long reorderWindowNanos, int stagingCapacity, int maxRows) {
    this(reorderWindowNanos, stagingCapacity, maxRows, new NameDictionary(), new AddressDictionary());
  }

  /**
   * Columns whose names and addresses go into dictionaries shared with other columns of the same
   * writer ({@link RecentTransactions}' generations), so their snapshots can be counted together by
   * id ({@link TransactionSnapshot#tally(List, List, java.util.Set, org.dnsseismograph.common.Progress)}).
   */
  TransactionColumns(long reorderWindowNanos, int stagingCapacity, int maxRows, NameDictionary names, AddressDictionary addresses) {
    this.names = names;
    this.addresses = addresses;
    if (reorderWindowNanos < 0 || stagingCapacity < 1 || maxRows < 0 || maxRows > MAX_ROWS) {
      throw new IllegalArgumentException("bad columns settings: window " + reorderWindowNanos + ", staging " + stagingCapacity + ", rows " + maxRows);
    }
    this.reorderWindow = reorderWindowNanos;
    this.maxRows = maxRows;
    this.stage = new ReorderStage(reorderWindowNanos, stagingCapacity);
  }

  public long reorderWindowNanos() {
    return reorderWindow;
  }

  /** Stages one transaction (copied; the flyweight may be reused after the call). */
  public void append(Transaction t) {
    long time = t.timeNanos();
    if (time < lastSealed || rows + stage.size() >= maxRows) {
      leftOut++;
      return;
    }
    byte[] name = t.qnameWire();
    int qnameId = names.intern(name, t.qnameOctets, DnsMessageView.wireHash(name, t.qnameOctets));
    long w1 = ColumnChunk.word1(qnameId, addresses.intern(t.clientHi, t.clientLo));
    long w2 = ColumnChunk.word2(addresses.intern(t.serverHi, t.serverLo), t);
    long w3 = ColumnChunk.word3(t);
    long w4 = ColumnChunk.word4(t);
    if (!stage.add(time, w1, w2, w3, w4, sealer)) {
      // Its bucket is sealed already, but it is not older than the last sealed row: still in order.
      packed[0] = time;
      packed[1] = w1;
      packed[2] = w2;
      packed[3] = w3;
      packed[4] = w4;
      seal(packed, 0);
    }
  }

  /** Moves the capture clock forward and seals every staged row older than the reorder window. */
  public void advanceClock(long nowNanos) {
    if (nowNanos <= clock) {
      return;
    }
    clock = nowNanos;
    long watermark = nowNanos < Long.MIN_VALUE + reorderWindow ? Long.MIN_VALUE : nowNanos - reorderWindow;
    stage.sealThrough(watermark, sealer);
    if (rows - publishedRows >= PUBLISH_EVERY) {
      publish();
    }
  }

  /** Seals every staged row, gives back the stage's memory, and publishes. */
  public void finish() {
    stage.sealAll(sealer);
    stage.trim();
    publish();
  }

  /** Makes every sealed row visible to {@link #snapshot()}. */
  public void publish() {
    published = new TransactionSnapshot(chunks, rows, names.view(), addresses.view());
    publishedRows = rows;
  }

  /** The last published snapshot; any thread. */
  public TransactionSnapshot snapshot() {
    return published;
  }

  /** Transactions left out (out of order beyond the window, or over the row limit). */
  public long leftOut() {
    return leftOut;
  }

  /** Rows sealed so far (writer's view). */
  public int sealedRows() {
    return rows;
  }

  /** Rows waiting in the reorder stage. */
  public int stagedRows() {
    return stage.size();
  }

  private void seal(long[] words, int base) {
    int ci = rows >>> CHUNK_BITS;
    if (ci == chunks.length) {
      chunks = Arrays.copyOf(chunks, ci * 2);
    }
    if (chunks[ci] == null) {
      chunks[ci] = new ColumnChunk(CHUNK_ROWS);
    }
    chunks[ci].setPacked(rows & (CHUNK_ROWS - 1), words, base);
    lastSealed = words[base];
    rows++;
  }
}
