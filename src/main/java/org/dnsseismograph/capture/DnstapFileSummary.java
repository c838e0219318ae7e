package org.dnsseismograph.capture;

import java.nio.file.Path;
import java.util.List;
import org.dnsseismograph.wire.Skipped;

/**
 * What {@link DnstapFileReader#read} read. Immutable.
 *
 * @param file the file
 * @param frames data frames read
 * @param messages usable dnstap messages handed to the sink
 * @param firstTimeNanos the earliest message time (epoch ns, UTC); 0 when none
 * @param lastTimeNanos the latest message time (epoch ns, UTC); 0 when none
 * @param identity the logging server's identity string, or null when it sent none
 * @param version the logging server's version string, or null
 * @param complete true when the stream ended with its STOP frame
 * @param skipped what was skipped, most frequent first
 */
public record DnstapFileSummary(Path file, long frames, long messages, long firstTimeNanos, long lastTimeNanos, String identity, String version,
    boolean complete, List<Skipped> skipped) {
  public DnstapFileSummary {
    skipped = List.copyOf(skipped);
  }
}
