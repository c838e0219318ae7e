package org.dnsseismograph.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.dnsseismograph.series.MetricId;

/**
 * The detectors together: spikes of the client and upstream counts ({@link SpikeDetector}; of
 * {@code dns.queries} when the capture has no client side), then suspected outages — from the
 * upstream servers' dark spans when upstream traffic is in the capture ({@link OutageDetector}),
 * from the clients' failures otherwise ({@link ClientOnlyInference}). Stateless.
 */
final class HealthDetector {
  /** The metrics searched for spikes, in report order. */
  static final List<String> SPIKE_METRICS = List.of("client.queries", "client.retries", "client.rcode.SERVFAIL", "client.unanswered",
      "upstream.queries", "upstream.timeouts");
  /** What the detectors read on the grid: the spike metrics, and dns.queries. */
  static final List<String> GRID_METRICS = List.of("client.queries", "client.retries", "client.rcode.SERVFAIL", "client.unanswered",
      "upstream.queries", "upstream.timeouts", "dns.queries");

  private HealthDetector() {}

  static HealthReport detect(DetectionInput in) {
    CountGrid g = in.grid();
    boolean clients = g.total("client.queries") > 0;
    List<Spike> spikes = new ArrayList<>();
    for (String metric : clients ? SPIKE_METRICS : List.of("dns.queries", "upstream.queries", "upstream.timeouts")) {
      if (g.total(metric) > 0) {
        spikes.addAll(SpikeDetector.detect(MetricId.of(metric), g.originNanos(), g.stepNanos(), g.get(metric), g.known(metric)));
      }
    }
    spikes.sort(Comparator.comparingLong(Spike::startNanos));
    List<Outage> outages;
    if (g.total("upstream.queries") > 0) {
      outages = OutageDetector.detect(in, spikes);
    } else if (clients) {
      outages = ClientOnlyInference.detect(in, spikes);
    } else {
      outages = List.of();
    }
    return new HealthReport(in.resolvers(), outages, spikes, in.captureStartNanos(), in.captureEndNanos(), g.stepNanos());
  }
}
