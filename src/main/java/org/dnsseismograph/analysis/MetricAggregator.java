package org.dnsseismograph.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.series.SeriesTable;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.series.Unit;
import org.dnsseismograph.traffic.Side;
import org.dnsseismograph.traffic.Transaction;
import org.dnsseismograph.traffic.TransactionSink;

/**
 * Streams DNS messages and transactions into metrics: the families of {@link DnsMetricFamily}
 * under {@code dns.} and {@code packets.skipped}, and further families registered by prefix
 * (client and upstream sides, servers, zones). The families record into one {@link MetricSink}:
 * fixed-step, UTC-aligned buckets answered as a {@link SeriesTable} (the constructor, {@link
 * #table}), or multi-resolution series answered as a {@link SeriesSet} ({@link #forSeries}).
 *
 * <p><b>Buckets</b> (tables) are {@code [k * step, (k + 1) * step)} in epoch ns: a 1 s bucket starts
 * on a whole UTC second whatever the first packet's time; an event exactly on a boundary belongs to
 * the bucket that starts there. Messages count at their capture time; unanswered queries and
 * latencies at their query's time. A table runs from the first to the last bucket with any message
 * or skip (or over its window).
 *
 * <p><b>Memory</b> (tables) grows with the buckets used (about 8 bytes per bucket and column, in
 * chunks of 1024 buckets) and with the latency horizon (open histograms), never with the number of
 * packets. Events beyond {@link AggregatorConfig#maxBuckets()} worth of buckets are dropped and
 * counted in {@link #stats()}.
 *
 * <p><b>Sides.</b> Once resolvers are known ({@link #classifyBy}), every message and transaction is
 * classified as client side, upstream side or neither, and families with a role filter see only
 * their side.
 *
 * <p><b>Clock.</b> Only messages move the clock ({@link #onMessage}); skips do not, since a
 * latency bucket must stay open until the matcher can no longer answer into it. The latency
 * horizon must be at least the matcher's timeout ({@link MessageDispatcher} checks it).
 *
 * <p>Not thread-safe: one thread feeds it and asks for tables. {@link #table} may be called at any
 * time; buckets whose latency is still open are answered from their histogram as it stands.
 */
public final class MetricAggregator implements TransactionSink {
  private final MetricSink sink;
  private final TableSink tableSink;
  private final SeriesSink seriesSink;
  private final long horizon;
  private final IntFunction<String> rcodeName;
  private final ToIntFunction<String> rcodeNumber;
  private MetricFamily[] families;
  private TrafficObserver[] observers;
  /** Per side (by ordinal), the observers that hear its messages, and its transactions. */
  private final TrafficObserver[][] messageObservers = new TrafficObserver[Side.values().length][];
  private final TrafficObserver[][] transactionObservers = new TrafficObserver[Side.values().length][];
  /** The lists of {@link Side#OTHER}, every event's while nothing classifies: read without the side's ordinal. */
  private TrafficObserver[] otherMessageObservers;

  private TrafficObserver[] otherTransactionObservers;
  private SideClassifier sides;

  /**
   * An aggregator into a table of every metric.
   *
   * @param rcodeName names an rcode for metric names (0 to NOERROR, 23 to RCODE23, ...)
   * @param rcodeNumber the inverse: the rcode of a name, or -1 when it names none
   */
  public MetricAggregator(AggregatorConfig config, IntFunction<String> rcodeName, ToIntFunction<String> rcodeNumber) {
    this(new TableSink(config, null), null, config.latencyHorizonNanos(), rcodeName, rcodeNumber);
  }

  private MetricAggregator(TableSink table, SeriesSink series, long horizon, IntFunction<String> rcodeName, ToIntFunction<String> rcodeNumber) {
    this.tableSink = table;
    this.seriesSink = series;
    this.sink = table != null ? table : series;
    this.horizon = horizon;
    this.rcodeName = Objects.requireNonNull(rcodeName, "rcodeName");
    this.rcodeNumber = Objects.requireNonNull(rcodeNumber, "rcodeNumber");
    this.families = new MetricFamily[] {new DnsMetricFamily("dns", null, "unanswered", sink, rcodeName, rcodeNumber), new PacketMetricFamily(sink)};
    this.observers = Arrays.copyOf(families, families.length, TrafficObserver[].class);
    sortObservers();
  }

  /** Rebuilds the per-side lists of observers, in registration order. */
  private void sortObservers() {
    for (Side side : Side.values()) {
      List<TrafficObserver> m = new ArrayList<>();
      List<TrafficObserver> t = new ArrayList<>();
      for (TrafficObserver o : observers) {
        boolean mine = o.side() == null || o.side() == side;
        if (mine && o.hearsMessages()) {
          m.add(o);
        }
        if (mine && o.hearsTransactions()) {
          t.add(o);
        }
      }
      messageObservers[side.ordinal()] = m.toArray(new TrafficObserver[0]);
      transactionObservers[side.ordinal()] = t.toArray(new TrafficObserver[0]);
    }
    otherMessageObservers = messageObservers[Side.OTHER.ordinal()];
    otherTransactionObservers = transactionObservers[Side.OTHER.ordinal()];
  }

  /** An aggregator into a table that keeps columns only for the {@code wanted} metrics. */
  static MetricAggregator forTable(AggregatorConfig config, Set<MetricId> wanted, IntFunction<String> rcodeName, ToIntFunction<String> rcodeNumber) {
    return new MetricAggregator(new TableSink(config, wanted), null, config.latencyHorizonNanos(), rcodeName, rcodeNumber);
  }

  /** An aggregator into multi-resolution series of every metric. */
  static MetricAggregator forSeries(SeriesSinkConfig config, CaptureGaps gaps, IntFunction<String> rcodeName, ToIntFunction<String> rcodeNumber) {
    return new MetricAggregator(null, new SeriesSink(config, gaps), config.horizonNanos(), rcodeName, rcodeNumber);
  }

  /** How long after a query its latency and unanswered outcome may still arrive. */
  public long latencyHorizonNanos() {
    return horizon;
  }

  MetricSink sink() {
    return sink;
  }

  IntFunction<String> rcodeName() {
    return rcodeName;
  }

  ToIntFunction<String> rcodeNumber() {
    return rcodeNumber;
  }

  /** Adds a family of metrics; its names must not overlap the others'. */
  void register(MetricFamily family) {
    MetricFamily[] f = Arrays.copyOf(families, families.length + 1);
    f[families.length] = family;
    families = f;
    observe(family);
  }

  /** Adds an observer that hears every event after the families registered before it. */
  void observe(TrafficObserver observer) {
    TrafficObserver[] o = Arrays.copyOf(observers, observers.length + 1);
    o[observers.length] = observer;
    observers = o;
    sortObservers();
  }

  /** From now on, classifies messages and transactions by these resolvers. */
  void classifyBy(SideClassifier classifier) {
    this.sides = classifier;
  }

  /** The classifier given to {@link #classifyBy}, or null. */
  SideClassifier sides() {
    return sides;
  }

  /** One DNS message at its capture time; moves the clock and fills in its side. */
  public void onMessage(MessageFacts m) {
    long t = m.timeNanos;
    sink.touch(t);
    sink.advanceClock(t);
    SideClassifier classifier = sides;
    TrafficObserver[] hear;
    // Stored only when it changes: a reference store costs a GC write barrier per message.
    if (classifier == null) {
      if (m.side != Side.OTHER) {
        m.side = Side.OTHER;
      }
      hear = otherMessageObservers;
    } else {
      Side side = classifier.of(m);
      if (m.side != side) {
        m.side = side;
      }
      hear = messageObservers[side.ordinal()];
    }
    for (TrafficObserver o : hear) {
      o.onMessage(m);
    }
  }

  /** One closed transaction (from the matcher). */
  @Override
  public void onTransaction(Transaction t) {
    SideClassifier classifier = sides;
    if (classifier == null) {
      for (TrafficObserver o : otherTransactionObservers) {
        o.onTransaction(t, Side.OTHER);
      }
      return;
    }
    Side side = classifier.of(t);
    for (TrafficObserver o : transactionObservers[side.ordinal()]) {
      o.onTransaction(t, side);
    }
  }

  /** One thing a reader skipped, at its capture time. */
  public void onSkipped(long timeNanos) {
    sink.touch(timeNanos);
    for (TrafficObserver o : observers) {
      o.onSkipped(timeNanos);
    }
  }

  /** End of input: closes the open latency buckets. Call after the matcher's finish. */
  public void finish() {
    sink.finish();
    for (TrafficObserver o : observers) {
      o.finish();
    }
  }

  /** The metric names understood, as patterns (for help texts and error messages). */
  public List<String> knownMetrics() {
    List<String> all = new ArrayList<>();
    for (MetricFamily f : families) {
      all.addAll(f.patterns());
    }
    return List.copyOf(all);
  }

  /**
   * Checks metric names and returns their canonical ids, in the same order.
   *
   * @throws IllegalArgumentException for an unknown name, with a message listing the known ones
   */
  public List<MetricId> resolve(Collection<String> names) {
    List<MetricId> ids = new ArrayList<>(names.size());
    for (String name : names) {
      ids.add(MetricId.of(owner(name.strip()).resolve(name.strip()).name()));
    }
    return List.copyOf(ids);
  }

  private MetricFamily owner(String name) {
    for (MetricFamily f : families) {
      if (f.resolve(name) != null) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown metric '" + name + "'; known metrics: " + String.join(", ", knownMetrics()));
  }

  /** Every metric that can be reported now, in display order. */
  public List<MetricId> availableMetrics() {
    List<MetricId> all = new ArrayList<>();
    for (MetricFamily f : families) {
      all.addAll(f.present());
    }
    return List.copyOf(all);
  }

  /** A table of every available metric. */
  public SeriesTable table() {
    return table(availableMetrics());
  }

  /**
   * A table of the given metrics over the reported buckets: the window's, or from the first to
   * the last bucket with any event.
   *
   * @throws IllegalArgumentException for an unknown metric
   * @throws TooManyBucketsException when the buckets would exceed the configured limit (a capture
   *     spanning years at 1 ms, or one stray timestamp far from the rest), saying how to narrow it
   * @throws IllegalStateException when the aggregator keeps series, not a table
   */
  public SeriesTable table(List<MetricId> metrics) {
    if (tableSink == null) {
      throw new IllegalStateException("this aggregator keeps multi-resolution series, not a table");
    }
    AggregatorConfig config = tableSink.config();
    BucketAxis axis = tableSink.axis();
    long first = axis.firstBucket();
    long rows = axis.bucketCount();
    long step = config.stepNanos();
    if (rows > config.maxBuckets()) {
      throw new TooManyBucketsException("the data spans " + rows + " buckets of " + TimeUnits.formatDuration(step) + " (" + TimeUnits.format(first * step)
          + " to " + TimeUnits.format((first + rows) * step) + "), more than the limit of " + config.maxBuckets()
          + "; choose a larger step or a --from/--to window", rows, config.maxBuckets(), step, first * step, (first + rows) * step);
    }
    long origin = first == Long.MAX_VALUE ? 0 : first * step;
    List<SeriesTable.Column> columns = new ArrayList<>(metrics.size());
    double[][] values = new double[metrics.size()][];
    for (int i = 0; i < metrics.size(); i++) {
      MetricId asked = metrics.get(i);
      MetricFamily f = owner(asked.name());
      MetricId id = f.resolve(asked.name());
      Unit unit = f.unit(id);
      columns.add(new SeriesTable.Column(id, unit));
      values[i] = new double[(int) rows];
      if (!tableSink.fill(id, first, values[i])) {
        // Never recorded: no event is a zero count; no sample is no value.
        Arrays.fill(values[i], unit == Unit.COUNT || unit == Unit.NUMBER ? 0 : Double.NaN);
      }
    }
    return new SeriesTable(origin, step, columns, values);
  }

  /**
   * Publishes every available series and returns them, in display order.
   *
   * @throws IllegalStateException when the aggregator keeps a table
   */
  SeriesSet publishSeries(String sourceName) {
    if (seriesSink == null) {
      throw new IllegalStateException("this aggregator keeps a table, not multi-resolution series");
    }
    return seriesSink.publish(sourceName, availableMetrics());
  }

  /** The series as finished (after {@link #finish()}), without publishing again. */
  SeriesSet finishedSeries(String sourceName) {
    if (seriesSink == null) {
      throw new IllegalStateException("this aggregator keeps a table, not multi-resolution series");
    }
    return seriesSink.snapshot(sourceName, availableMetrics());
  }

  public AggregatorStats stats() {
    return sink.stats();
  }
}
