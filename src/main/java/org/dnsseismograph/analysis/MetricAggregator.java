package org.dnsseismograph.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.SeriesTable;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.traffic.Transaction;
import org.dnsseismograph.traffic.TransactionSink;

/**
 * Streams DNS messages and transactions into fixed-step, UTC-aligned metric buckets and answers
 * them as a {@link SeriesTable}. The metrics are those of {@link DnsMetricFamily} under {@code
 * dns.} and {@code packets.skipped}; further families register by prefix.
 *
 * <p><b>Buckets</b> are {@code [k * step, (k + 1) * step)} in epoch ns: a 1 s bucket starts on a
 * whole UTC second whatever the first packet's time; an event exactly on a boundary belongs to the
 * bucket that starts there. Messages count at their capture time; unanswered queries and
 * latencies at their query's time.
 *
 * <p><b>Memory</b> grows with the buckets used (about 8 bytes per bucket and column, in chunks of
 * 1024 buckets) and with the latency horizon (open histograms), never with the number of packets.
 * Events beyond {@link AggregatorConfig#maxBuckets()} worth of buckets are dropped and counted in
 * {@link #stats()}.
 *
 * <p><b>Clock.</b> Only messages move the clock ({@link #onMessage}); skips do not, since a
 * latency bucket must stay open until the matcher can no longer answer into it. The aggregator's
 * latency horizon must be at least the matcher's timeout ({@link MessageDispatcher} checks it).
 *
 * <p>Not thread-safe: one thread feeds it and asks for tables. {@link #table} may be called at any
 * time; buckets whose latency is still open are answered from their histogram as it stands.
 */
public final class MetricAggregator implements TransactionSink {
  private final AggregatorConfig config;
  private final BucketAxis axis;
  private final DnsMetricFamily dns;
  private MetricFamily[] families;

  /**
   * @param rcodeName names an rcode for metric names (0 to NOERROR, 23 to RCODE23, ...)
   * @param rcodeNumber the inverse: the rcode of a name, or -1 when it names none
   */
  public MetricAggregator(AggregatorConfig config, IntFunction<String> rcodeName, ToIntFunction<String> rcodeNumber) {
    this.config = Objects.requireNonNull(config, "config");
    this.axis = new BucketAxis(config.stepNanos(), config.window(), config.maxBuckets());
    this.dns = new DnsMetricFamily("dns", axis, config.latencyHorizonNanos(), rcodeName, rcodeNumber);
    this.families = new MetricFamily[] {dns, new PacketMetricFamily(axis)};
  }

  public AggregatorConfig config() {
    return config;
  }

  /** Adds a family of metrics; its names must not overlap the others'. */
  void register(MetricFamily family) {
    MetricFamily[] f = Arrays.copyOf(families, families.length + 1);
    f[families.length] = family;
    families = f;
  }

  /** The shared axis, for families registered later. */
  BucketAxis axis() {
    return axis;
  }

  /** One DNS message at its capture time; moves the clock. */
  public void onMessage(MessageFacts m) {
    axis.advanceClock(m.timeNanos);
    for (MetricFamily f : families) {
      f.onMessage(m);
    }
  }

  /** One closed transaction (from the matcher). */
  @Override
  public void onTransaction(Transaction t) {
    for (MetricFamily f : families) {
      f.onTransaction(t);
    }
  }

  /** One thing a reader skipped, at its capture time. */
  public void onSkipped(long timeNanos) {
    for (MetricFamily f : families) {
      f.onSkipped(timeNanos);
    }
  }

  /** End of input: closes the open latency buckets. Call after the matcher's finish. */
  public void finish() {
    for (MetricFamily f : families) {
      f.finish();
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
   * @throws IllegalStateException when the buckets would exceed the configured limit (a capture
   *     spanning years at 1 ms, or one stray timestamp far from the rest), saying how to narrow it
   */
  public SeriesTable table(List<MetricId> metrics) {
    long first = axis.firstBucket();
    long rows = axis.bucketCount();
    long step = config.stepNanos();
    if (rows > config.maxBuckets()) {
      throw new IllegalStateException("the data spans " + rows + " buckets of " + TimeUnits.formatDuration(step) + " (" + TimeUnits.format(first * step)
          + " to " + TimeUnits.format((first + rows) * step) + "), more than the limit of " + config.maxBuckets()
          + "; choose a larger step or a --from/--to window");
    }
    long origin = first == Long.MAX_VALUE ? 0 : first * step;
    List<SeriesTable.Column> columns = new ArrayList<>(metrics.size());
    double[][] values = new double[metrics.size()][];
    for (int i = 0; i < metrics.size(); i++) {
      MetricId asked = metrics.get(i);
      MetricFamily f = owner(asked.name());
      MetricId id = f.resolve(asked.name());
      columns.add(new SeriesTable.Column(id, f.unit(id)));
      values[i] = new double[(int) rows];
      f.fill(id, first, values[i]);
    }
    return new SeriesTable(origin, step, columns, values);
  }

  public AggregatorStats stats() {
    return new AggregatorStats(axis.overLimit(), dns.lateLatencySamples());
  }
}
