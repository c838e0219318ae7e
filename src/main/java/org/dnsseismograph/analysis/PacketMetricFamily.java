package org.dnsseismograph.analysis;

import java.util.List;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.Unit;

/**
 * {@code packets.skipped}: what the readers skipped (any reason), and DNS messages too short to
 * hold a header's flags, at their capture time. Confined to the aggregating thread.
 */
final class PacketMetricFamily implements MetricFamily {
  private static final MetricId SKIPPED = MetricId.of("packets.skipped");

  private final MetricSink.EventCounter skipped;

  PacketMetricFamily(MetricSink sink) {
    this.skipped = sink.counter(SKIPPED);
  }

  @Override
  public boolean hearsMessages() {
    return false;
  }

  @Override
  public boolean hearsTransactions() {
    return false;
  }

  @Override
  public void onSkipped(long timeNanos) {
    skipped.add(timeNanos);
  }

  @Override
  public List<String> patterns() {
    return List.of(SKIPPED.name());
  }

  @Override
  public MetricId resolve(String name) {
    return SKIPPED.name().equals(name) ? SKIPPED : null;
  }

  @Override
  public Unit unit(MetricId id) {
    return Unit.COUNT;
  }

  @Override
  public List<MetricId> present() {
    return List.of(SKIPPED);
  }
}
