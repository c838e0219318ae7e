package org.dnsseismograph.series;

import java.util.Arrays;

/**
 * One coarse level of an {@link EventSeries} pyramid (10 s, 100 s, ... buckets): per bucket the
 * event count and the smallest and largest 100 ms bin count inside it. 16 bytes per bucket (a long
 * count, then both extremes packed in one long), in pages of 1024 buckets, appended once a bucket
 * is complete. A page that would hold only zeros is never allocated. Same publication discipline as
 * {@link ChunkLog}: slots are written once beyond every published size, drops copy the page table.
 * Not thread-safe itself; its snapshots are immutable.
 */
final class SummaryLevel {
  private static final int PAGE_BITS = 10;
  private static final int PAGE = 1 << PAGE_BITS;
  private static final int MASK = PAGE - 1;

  private final long base;
  private long[][] pages = new long[4][];
  private long size;
  private long keptFrom;

  /** A level whose first bucket has absolute index {@code base}. */
  SummaryLevel(long base) {
    this.base = base;
    this.keptFrom = base;
  }

  void append(long sum, int min, int max) {
    int p = (int) (size >>> PAGE_BITS);
    if (p == pages.length) {
      pages = Arrays.copyOf(pages, p * 2);
    }
    if (sum != 0 || min != 0 || max != 0) {
      // A page never written reads as zeros: long quiet stretches cost nothing.
      if (pages[p] == null) {
        pages[p] = new long[2 * PAGE];
      }
      int s = (int) (size & MASK);
      pages[p][2 * s] = sum;
      pages[p][2 * s + 1] = (long) min << 32 | (max & 0xFFFF_FFFFL);
    }
    size++;
  }

  /** Forgets whole pages of buckets before absolute index {@code limit}. */
  void dropBefore(long limit) {
    long to = Math.min(limit, base + size);
    int fullPages = (int) Math.max(0, (to - base) >>> PAGE_BITS);
    int from = (int) ((keptFrom - base) >>> PAGE_BITS);
    if (fullPages <= from) {
      return;
    }
    long[][] copy = pages.clone();
    Arrays.fill(copy, from, fullPages, null);
    pages = copy;
    keptFrom = base + ((long) fullPages << PAGE_BITS);
  }

  Snapshot snapshot() {
    return new Snapshot(pages, base, size);
  }

  /**
   * The level as it was when taken. Buckets outside it (before the writer started, or dropped)
   * read as zero. Immutable.
   */
  record Snapshot(long[][] pages, long base, long size) {
    /** Adds bucket {@code abs} to {@code fold}. */
    void foldInto(long abs, Fold fold) {
      long local = abs - base;
      long[] page = local < 0 || local >= size ? null : pages[(int) (local >>> PAGE_BITS)];
      if (page == null) {
        fold.add(0, 0, 0);
        return;
      }
      int s = (int) (local & MASK);
      long extremes = page[2 * s + 1];
      fold.add(page[2 * s], (int) (extremes >> 32), (int) extremes);
    }

    long estimatedBytes() {
      long bytes = 16 + 4L * pages.length;
      for (long[] page : pages) {
        bytes += page == null ? 0 : 16 + 8L * page.length;
      }
      return bytes;
    }
  }
}
