package org.dnsseismograph.analysis;

import java.nio.file.Path;
import java.util.List;
import org.dnsseismograph.wire.DecodeOptions;
import org.dnsseismograph.wire.IpAddress;
import org.dnsseismograph.wire.RotatedCaptures;

/**
 * What the window asks of captures it opens: the files and how to read them. Immutable.
 *
 * @param files capture files, read together in timestamp order
 * @param decode ports and reader limits
 * @param timeoutNanos how long a query waits for its response before it counts as unanswered
 * @param resolvers the resolvers whose client and upstream sides are described; empty to find them
 *     in the capture
 */
public record LoadRequest(List<Path> files, DecodeOptions decode, long timeoutNanos, List<IpAddress> resolvers) {
  public LoadRequest {
    files = List.copyOf(files);
    resolvers = List.copyOf(resolvers);
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no capture files given");
    }
    if (timeoutNanos <= 0) {
      throw new IllegalArgumentException("the query timeout must be positive");
    }
  }

  /** A request that finds the resolvers in the capture. */
  public LoadRequest(List<Path> files, DecodeOptions decode, long timeoutNanos) {
    this(files, decode, timeoutNanos, List.of());
  }

  /** A short name for legends: the first file's name, with "+N" for the others. */
  public String sourceName() {
    return RotatedCaptures.name(files);
  }
}
