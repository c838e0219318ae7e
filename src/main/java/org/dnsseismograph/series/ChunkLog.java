package org.dnsseismograph.series;

import java.util.Arrays;

/**
 * The sealed chunks of an {@link EventSeries} in time order, in pages of 1024 (about 2 h 50 min
 * each); an empty chunk is a null slot. Append-only: the single writer writes only slots beyond
 * every published size, and compaction replaces pages by copies, so a {@link Snapshot} shares all
 * pages and stays valid forever. Not thread-safe itself; its snapshots are immutable.
 */
final class ChunkLog {
  private static final int PAGE_BITS = 10;
  private static final int PAGE = 1 << PAGE_BITS;
  private static final int MASK = PAGE - 1;

  private final long base;
  private EventChunk[][] pages = new EventChunk[8][];
  private long size;
  private long exactFrom;
  private long keptFrom;

  /** A log whose first slot is absolute chunk index {@code base}. */
  ChunkLog(long base) {
    this.base = base;
    this.exactFrom = base;
    this.keptFrom = base;
  }

  /** Absolute index of the next chunk to append. */
  long end() {
    return base + size;
  }

  void append(EventChunk chunk) {
    int p = (int) (size >>> PAGE_BITS);
    if (p == pages.length) {
      pages = Arrays.copyOf(pages, p * 2);
    }
    if (chunk != null) {
      if (pages[p] == null) {
        pages[p] = new EventChunk[PAGE];
      }
      pages[p][(int) (size & MASK)] = chunk;
    }
    size++;
  }

  Snapshot snapshot() {
    return new Snapshot(pages, base, size);
  }

  /** Drops exact timestamps of chunks before absolute index {@code limit}; counts stay. */
  void compactBefore(long limit) {
    long to = Math.min(limit, end());
    if (to <= exactFrom) {
      return;
    }
    EventChunk[][] copy = pages.clone();
    for (long abs = exactFrom; abs < to; ) {
      int p = (int) ((abs - base) >>> PAGE_BITS);
      long pageEnd = Math.min(to, base + ((long) (p + 1) << PAGE_BITS));
      if (copy[p] != null) {
        EventChunk[] page = copy[p].clone();
        for (long a = abs; a < pageEnd; a++) {
          int s = (int) ((a - base) & MASK);
          page[s] = page[s] == null ? null : page[s].withoutExact();
        }
        copy[p] = page;
      }
      abs = pageEnd;
    }
    pages = copy;
    exactFrom = to;
  }

  /** Forgets chunks before absolute index {@code limit} (their summaries live in coarser levels). */
  void dropBefore(long limit) {
    long to = Math.min(limit, end());
    if (to <= keptFrom) {
      return;
    }
    EventChunk[][] copy = pages.clone();
    int fullPages = (int) ((to - base) >>> PAGE_BITS);
    for (int p = (int) ((keptFrom - base) >>> PAGE_BITS); p < fullPages; p++) {
      copy[p] = null;
    }
    int rest = (int) ((to - base) & MASK);
    if (rest > 0 && copy[fullPages] != null) {
      EventChunk[] page = copy[fullPages].clone();
      Arrays.fill(page, 0, rest, null);
      copy[fullPages] = page;
    }
    pages = copy;
    keptFrom = to;
    exactFrom = Math.max(exactFrom, to);
  }

  /**
   * The chunks as they were when taken. Immutable.
   *
   * @param pages shared page table; only slots below {@code size} are read
   * @param base absolute chunk index of slot 0
   * @param size slots published
   */
  record Snapshot(EventChunk[][] pages, long base, long size) {
    /** The chunk at absolute index {@code abs}; null when empty, dropped or outside the log. */
    EventChunk get(long abs) {
      long local = abs - base;
      if (local < 0 || local >= size) {
        return null;
      }
      EventChunk[] page = pages[(int) (local >>> PAGE_BITS)];
      return page == null ? null : page[(int) (local & MASK)];
    }

    /** Bytes held by chunks and page tables (object headers estimated at 16 bytes). */
    long estimatedBytes() {
      long bytes = 16 + 4L * pages.length;
      for (EventChunk[] page : pages) {
        if (page != null) {
          bytes += 16 + 4L * page.length;
          for (EventChunk c : page) {
            bytes += c == null ? 0 : c.estimatedBytes();
          }
        }
      }
      return bytes;
    }
  }
}
