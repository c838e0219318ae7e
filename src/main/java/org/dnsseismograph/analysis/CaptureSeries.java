package org.dnsseismograph.analysis;

import java.io.IOException;
import java.util.List;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.dns.DnsHeaderScanner;
import org.dnsseismograph.dns.DnsMessageView;
import org.dnsseismograph.dns.RcodeNames;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.traffic.MatcherConfig;
import org.dnsseismograph.wire.CaptureScanner;
import org.dnsseismograph.wire.ScanSummary;

/**
 * Captures to a fixed-step table in one streaming pass: read, scan each DNS message, match,
 * aggregate. Memory grows with the number of buckets, not packets. Runs on the calling thread
 * (the CLI's, or a UI task's); honours the progress' cancel.
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
    MetricAggregator aggregator = new MetricAggregator(config, RcodeNames::name, name -> RcodeNames.parse(name).orElse(-1));
    List<MetricId> metrics = aggregator.resolve(request.metrics());
    MessageDispatcher dispatcher = new MessageDispatcher(matching, aggregator, null);
    DnsHeaderScanner scanner = new DnsHeaderScanner();
    DnsMessageView view = new DnsMessageView();
    ScanSummary scan = CaptureScanner.scan(request.files(), request.decode(),
        p -> dispatcher.onMessage(p, view, scanner.scan(p.buffer, p.offset, p.length, view)),
        (reason, frame, time) -> {
          // A skip before the first frame (an unreadable header) has no time: it is in the summary only.
          if (time != Long.MIN_VALUE) {
            dispatcher.onSkipped(time);
          }
        }, progress);
    dispatcher.finish();
    return new SeriesResult(aggregator.table(metrics), scan, dispatcher.stats());
  }
}
