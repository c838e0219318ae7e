package org.dnsseismograph.analysis;

import java.util.List;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.series.Unit;
import org.dnsseismograph.traffic.Side;
import org.dnsseismograph.wire.DnsPayload;

/**
 * What the client side of the resolvers adds to the {@code client.*} counts of {@link
 * DnsMetricFamily}:
 *
 * <ul>
 *   <li>{@code client.sources}: distinct client addresses that sent a query in the bucket;
 *   <li>{@code client.retries}: client queries that repeat the same client's question (qname and
 *       qtype) within {@value #RETRY_WINDOW_SECONDS} s of its previous ask, even with a new query
 *       id and source port ({@link RetryTracker});
 *   <li>{@code client.retry_ratio}: retries per well-formed client query in the bucket.
 * </ul>
 *
 * Malformed queries have no question to compare and count in neither. Confined to the aggregating
 * thread; the retry memory itself runs on a worker ({@link RetryBatches}) when the sink takes late
 * counts, so its verdicts are recorded up to two batches late and complete at {@link #finish}.
 */
final class ClientMetricFamily implements MetricFamily {
  /** The retry window, as {@code lab/check-run} uses it. */
  static final long RETRY_WINDOW_SECONDS = 10;
  /** The retry memory holds at most twice this many slots of 16 bytes (64 MB). */
  static final int RETRY_MEMORY = 1 << 21;

  private static final MetricId SOURCES = MetricId.of("client.sources");
  private static final MetricId RETRIES = MetricId.of("client.retries");
  private static final MetricId RETRY_RATIO = MetricId.of("client.retry_ratio");

  private final MetricSink.DistinctRecorder sources;
  private final MetricSink.EventCounter retries;
  private final MetricSink.RatioRecorder retryRatio;
  private final RetryTracker tracker = new RetryTracker(RETRY_WINDOW_SECONDS * TimeUnits.NANOS_PER_SECOND, RETRY_MEMORY);
  private final boolean trackRetries;
  /** Whether a client's query was seen: the series are present only then. */
  private boolean seen;
  /** The tracker on a worker thread, when the sink takes its late verdicts; else null. */
  private final RetryBatches beside;

  ClientMetricFamily(MetricSink sink) {
    sources = sink.distinct(SOURCES, MetricSink.Detail.COARSE);
    retries = sink.counter(RETRIES);
    retryRatio = sink.ratio(RETRY_RATIO, MetricSink.Detail.FINE);
    trackRetries = sink.wantsAny("client.retr");
    beside = trackRetries && sink.takesCountsAtAnyLateness() ? new RetryBatches(tracker, this::verdict) : null;
  }

  @Override
  public Side side() {
    return Side.CLIENT;
  }

  @Override
  public boolean hearsTransactions() {
    return false;
  }

  @Override
  public void onMessage(MessageFacts m) {
    if (m.side != Side.CLIENT || m.response || !m.wellFormed) {
      return;
    }
    if (!seen) {
      seen = true;
    }
    DnsPayload p = m.payload;
    long t = m.timeNanos;
    sources.add(t, p.srcHi, p.srcLo);
    if (!trackRetries) {
      return;
    }
    if (beside != null) {
      beside.ask(p.srcHi, p.srcLo, m.view.qnameWireHash(), m.view.qtype, t);
    } else {
      verdict(t, tracker.ask(p.srcHi, p.srcLo, m.view.qnameWireHash(), m.view.qtype, t));
    }
  }

  private void verdict(long t, boolean retry) {
    if (retry) {
      retries.add(t);
    }
    retryRatio.record(t, retry);
  }

  @Override
  public void finish() {
    if (beside != null) {
      beside.flush();
    }
  }

  @Override
  public List<String> patterns() {
    return List.of(SOURCES.name(), RETRIES.name(), RETRY_RATIO.name());
  }

  @Override
  public MetricId resolve(String name) {
    return switch (name) {
      case "client.sources" -> SOURCES;
      case "client.retries" -> RETRIES;
      case "client.retry_ratio" -> RETRY_RATIO;
      default -> null;
    };
  }

  @Override
  public Unit unit(MetricId id) {
    return id.equals(RETRY_RATIO) ? Unit.RATIO : id.equals(SOURCES) ? Unit.NUMBER : Unit.COUNT;
  }

  @Override
  public List<MetricId> present() {
    // Like the client side's counts: none without a client's query (a capture of the upstream side only).
    return seen ? List.of(SOURCES, RETRIES, RETRY_RATIO) : List.of();
  }
}
