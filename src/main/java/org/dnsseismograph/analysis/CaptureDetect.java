package org.dnsseismograph.analysis;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.dns.RcodeNames;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.SeriesTable;
import org.dnsseismograph.traffic.MatcherConfig;
import org.dnsseismograph.wire.ScanSummary;

/**
 * {@code seismograph detect}: captures to a {@link HealthReport} in one streaming pass (after the
 * short role scan): the resolvers, suspected authoritative outages with their evidence, and
 * spikes. Only the few counts the detectors read are kept, in 100 ms buckets (8 bytes per bucket
 * each, at most {@value #MAX_BUCKETS} buckets: 9.7 days), plus per-server state and the recent
 * transactions of one timeout; so memory does not grow with the packets. Runs on the calling
 * thread; honours the progress' cancel.
 */
public final class CaptureDetect {
  /** Most 100 ms buckets the detection grid spans. */
  public static final int MAX_BUCKETS = 1 << 23;

  /**
   * What detection found, and what reading took. Immutable.
   *
   * @param report resolvers, outages, spikes
   * @param scan what the readers saw
   * @param dispatch what the DNS layer saw
   */
  public record Result(HealthReport report, ScanSummary scan, DispatchStats dispatch) {}

  private CaptureDetect() {}

  /**
   * Runs the detectors over the captures.
   *
   * @throws IOException when a file cannot be read; {@link org.dnsseismograph.wire.NotACaptureException}
   *     for a file that is no capture
   * @throws TooManyBucketsException when the captures span more than {@value #MAX_BUCKETS} buckets of 100 ms
   */
  public static Result run(LoadRequest request, Progress progress) throws IOException {
    AggregatorConfig config = AggregatorConfig.of(CountGrid.STEP).withLatencyHorizon(request.timeoutNanos()).withMaxBuckets(MAX_BUCKETS);
    Set<MetricId> wanted = HealthDetector.GRID_METRICS.stream().map(MetricId::of).collect(Collectors.toSet());
    MetricAggregator aggregator = MetricAggregator.forTable(config, wanted, RcodeNames::name, CaptureSeries::rcodeNumber);
    RoleFamilies roles = RoleFamilies.register(aggregator, RoleFamilies.classifier(request.files(), request.decode(), request.resolvers(), progress));
    HealthObservers health = HealthObservers.attach(aggregator, roles, request.timeoutNanos());
    CapturePipeline pipeline = new CapturePipeline(MatcherConfig.defaults().withTimeout(request.timeoutNanos()), aggregator, null);
    ScanSummary scan = pipeline.run(request.files(), request.decode(), progress, null);
    CountGrid grid = grid(aggregator.table(List.copyOf(wanted)));
    HealthReport report = HealthDetector.detect(health.input(grid, scan.firstTimestampNanos(), scan.lastTimestampNanos()));
    return new Result(report, scan, pipeline.dispatcher().stats());
  }

  private static CountGrid grid(SeriesTable table) {
    Map<MetricId, double[]> counts = new HashMap<>();
    for (int c = 0; c < table.columns().size(); c++) {
      counts.put(table.columns().get(c).metric(), table.columnValues(c));
    }
    return new CountGrid(table.originNanos(), table.stepNanos(), table.rowCount(), counts);
  }
}
