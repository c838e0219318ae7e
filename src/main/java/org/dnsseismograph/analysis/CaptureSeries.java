package org.dnsseismograph.analysis;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.dns.RcodeNames;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.traffic.MatcherConfig;
import org.dnsseismograph.wire.ScanSummary;

/**
 * Captures to a fixed-step table in one streaming pass: read, scan each DNS message, match,
 * aggregate. Only the asked metrics are kept, so memory grows with their buckets, not with the
 * packets. Metrics of the client or upstream side need the resolvers: given, or found in the first
 * messages ({@link RoleScan}, a short extra read). Runs on the calling thread (the CLI's, or a UI
 * task's); honours the progress' cancel.
 */
public final class CaptureSeries {
  private CaptureSeries() {}

  /**
   * Computes the table.
   *
   * @throws IllegalArgumentException for an unknown metric name (before anything is read) or a
   *     window/step that would make too many buckets
   * @throws java.nio.file.NoSuchFileException and other {@link IOException}s for unreadable files;
   *     {@link org.dnsseismograph.wire.NotACaptureException} for a file that is no capture
   */
  public static SeriesResult compute(SeriesRequest request, Progress progress) throws IOException {
    MatcherConfig matching = MatcherConfig.defaults().withTimeout(request.timeoutNanos());
    AggregatorConfig config = AggregatorConfig.of(request.stepNanos()).withLatencyHorizon(request.timeoutNanos());
    if (request.window() != null) {
      config = config.withWindow(request.window());
    }
    MetricAggregator names = MetricAggregator.forTable(config, Set.of(), RcodeNames::name, CaptureSeries::rcodeNumber);
    RoleFamilies.register(names, new SideClassifier(List.of(), null));
    List<MetricId> metrics = names.resolve(request.metrics());
    Set<MetricId> wanted = new HashSet<>(metrics);
    MetricAggregator aggregator = MetricAggregator.forTable(config, wanted, RcodeNames::name, CaptureSeries::rcodeNumber);
    if (request.metrics().stream().anyMatch(RoleFamilies::needsRoles)) {
      RoleFamilies.register(aggregator, RoleFamilies.classifier(request.files(), request.decode(), request.resolvers(), progress));
    }
    CapturePipeline pipeline = new CapturePipeline(matching, aggregator, null);
    ScanSummary scan = pipeline.run(request.files(), request.decode(), progress, null);
    return new SeriesResult(aggregator.table(metrics), scan, pipeline.dispatcher().stats());
  }

  static int rcodeNumber(String name) {
    return RcodeNames.parse(name).orElse(-1);
  }
}
