package org.dnsseismograph.analysis;

/**
 * The {@link MetricSink.EventCounter} of a {@link TableSink} column: counts an event into its
 * bucket's {@link CountColumn} slot, and remembers the chunk and index of the bucket it last
 * counted in, so that the next event of the same bucket (almost every event) is one range check
 * and one increment, without asking the {@link BucketAxis} again. Any other time goes through the
 * axis as before, which registers the bucket, applies the window and the chunk limit; a time the
 * axis refuses is never remembered, so it is counted (as over the limit) every time, as before.
 * Times are epoch ns, UTC. Confined to the aggregating thread.
 */
final class ColumnCounter implements MetricSink.EventCounter {
  private final BucketAxis axis;
  private final CountColumn column;
  /** The remembered bucket is {@code [hotStart, hotEnd)}; empty at first. */
  private long hotStart = 1;

  private long hotEnd = 0;
  private long[] hotChunk;
  private int hotIndex;

  ColumnCounter(BucketAxis axis, CountColumn column) {
    this.axis = axis;
    this.column = column;
  }

  @Override
  public void add(long timeNanos) {
    if (timeNanos >= hotStart && timeNanos < hotEnd) {
      hotChunk[hotIndex]++;
      return;
    }
    addElsewhere(timeNanos);
  }

  private void addElsewhere(long t) {
    int slot = axis.slotOf(t);
    if (slot < 0) {
      return;
    }
    long[] chunk = column.chunk(slot);
    int index = slot & (BucketAxis.CHUNK - 1);
    chunk[index]++;
    long step = axis.step();
    long start = axis.lastBucket() * step;
    hotChunk = chunk;
    hotIndex = index;
    hotStart = start;
    hotEnd = start > Long.MAX_VALUE - step ? Long.MAX_VALUE : start + step;
  }
}
