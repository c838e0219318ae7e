package org.dnsseismograph.analysis;

import java.nio.file.Path;
import java.util.List;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.wire.DecodeOptions;
import org.dnsseismograph.wire.IpAddress;

/**
 * What {@code seismograph series} asks of captures: the files, which metrics, at which step, over
 * which window. Immutable.
 *
 * @param files capture files, read together in timestamp order
 * @param decode ports and reader limits
 * @param metrics metric names (e.g. {@code dns.queries}, {@code dns.rcode.SERVFAIL})
 * @param stepNanos bucket width, a whole number of milliseconds
 * @param window the buckets to output, or null for the capture's whole extent; open ends are
 *     {@code Long.MIN_VALUE} / {@code Long.MAX_VALUE}
 * @param timeoutNanos how long a query waits for its response before it counts as unanswered
 * @param resolvers the resolvers whose client and upstream sides the {@code client.*} and {@code
 *     upstream.*} metrics describe; empty to find them in the capture
 */
public record SeriesRequest(List<Path> files, DecodeOptions decode, List<String> metrics, long stepNanos, TimeRange window,
    long timeoutNanos, List<IpAddress> resolvers) {
  public SeriesRequest {
    files = List.copyOf(files);
    metrics = List.copyOf(metrics);
    resolvers = List.copyOf(resolvers);
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no capture files given");
    }
    if (metrics.isEmpty()) {
      throw new IllegalArgumentException("no metrics given");
    }
    if (timeoutNanos <= 0) {
      throw new IllegalArgumentException("the query timeout must be positive");
    }
  }

  /** A request that finds the resolvers in the capture. */
  public SeriesRequest(List<Path> files, DecodeOptions decode, List<String> metrics, long stepNanos, TimeRange window, long timeoutNanos) {
    this(files, decode, metrics, stepNanos, window, timeoutNanos, List.of());
  }
}
