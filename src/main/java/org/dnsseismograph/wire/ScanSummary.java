package org.dnsseismograph.wire;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link CaptureScanner#scan} read. Immutable.
 *
 * @param files the files, in the order given
 * @param frames frames read from all files
 * @param bytes bytes of the files consumed (compressed bytes for gzip'd files)
 * @param dnsMessages DNS message candidates handed to the sink
 * @param firstTimestampNanos the earliest frame timestamp (epoch ns, UTC); 0 when no frame was read
 * @param lastTimestampNanos the latest frame timestamp (epoch ns, UTC); 0 when no frame was read
 * @param skipped what the readers and the decoder skipped, most frequent first
 * @param fileSpans the first and last frame timestamps of each file that had frames, in the order
 *     given: what the capture covers (the time between two rotated files with a gap was not watched)
 */
public record ScanSummary(
    List<Path> files,
    long frames,
    long bytes,
    long dnsMessages,
    long firstTimestampNanos,
    long lastTimestampNanos,
    List<Skipped> skipped,
    List<FileSpan> fileSpans) {
  public ScanSummary {
    files = List.copyOf(files);
    skipped = List.copyOf(skipped);
    fileSpans = List.copyOf(fileSpans);
  }

  /**
   * The frame times of one file. Immutable.
   *
   * @param firstNanos its earliest frame timestamp (epoch ns, UTC)
   * @param lastNanos its latest
   */
  public record FileSpan(long firstNanos, long lastNanos) {}
}
