package org.dnsseismograph.wire;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dnsseismograph.common.Progress;

/**
 * Reads several capture files as one: merges their frames in timestamp order ({@link FrameMerger},
 * which opens each file only while its frames are due), decodes them ({@link PacketDecoder}) and
 * hands every DNS message candidate to the sink, on the calling thread. Progress is reported in file bytes about once per megabyte;
 * cancellation is checked at the same points and ends the scan with {@link
 * org.dnsseismograph.common.CancelledException}. Frame numbers in payloads and skips are numbers
 * within the frame's own file. Stateless and thread-safe; one scan runs on one thread.
 */
public final class CaptureScanner {
  private static final long REPORT_EVERY_BYTES = 1 << 20;
  private static final int CHECK_EVERY_FRAMES = 4096;

  private CaptureScanner() {}

  /**
   * Scans the files.
   *
   * @throws NotACaptureException when one of the files is not a capture (nothing is scanned)
   * @throws IOException when a file cannot be read
   */
  public static ScanSummary scan(List<Path> files, DecodeOptions options, DnsPayloadSink sink, Progress progress)
      throws IOException {
    return scan(files, options, sink, new SkipCounter(), progress);
  }

  /**
   * Scans the files, counting every skip in {@code skips} (with the file it happened in first, by
   * its index in {@code files}).
   *
   * @throws NotACaptureException when one of the files is not a capture (nothing is scanned)
   * @throws IOException when a file cannot be read
   */
  public static ScanSummary scan(List<Path> files, DecodeOptions options, DnsPayloadSink sink, SkipCounter skips, Progress progress)
      throws IOException {
    FrameMerger.Opener opener = (i, counter, glance) -> CaptureFiles.open(files.get(i), counter, glance);
    try (FrameMerger merger = new FrameMerger(files.size(), opener, skips)) {
      return run(files, merger, new PacketDecoder(options, skips, sink), skips, progress);
    }
  }

  private static ScanSummary run(List<Path> files, FrameMerger merger, PacketDecoder decoder, SkipCounter skips,
      Progress progress) throws IOException {
    long total = merger.totalSize();
    long frames = 0;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    long reported = 0;
    // One file's span is the whole span: the hot loop keeps per-file times only for several files.
    boolean several = files.size() > 1;
    long[] fileFirst = new long[files.size()];
    long[] fileLast = new long[files.size()];
    Arrays.fill(fileFirst, Long.MAX_VALUE);
    Arrays.fill(fileLast, Long.MIN_VALUE);
    RawFrame frame;
    while ((frame = merger.next()) != null) {
      decoder.decode(frame);
      frames++;
      first = Math.min(first, frame.timestampNanos);
      last = Math.max(last, frame.timestampNanos);
      if (several) {
        int source = merger.source();
        fileFirst[source] = Math.min(fileFirst[source], frame.timestampNanos);
        fileLast[source] = Math.max(fileLast[source], frame.timestampNanos);
      }
      if (frames % CHECK_EVERY_FRAMES == 0) {
        progress.checkCancelled();
        long done = merger.position();
        if (done - reported >= REPORT_EVERY_BYTES) {
          progress.update(done, total);
          reported = done;
        }
      }
    }
    if (!several && frames > 0) {
      fileFirst[0] = first;
      fileLast[0] = last;
    }
    decoder.finish();
    long done = merger.position();
    progress.update(done, total);
    return new ScanSummary(files, frames, done, decoder.messagesEmitted(), frames == 0 ? 0 : first,
        frames == 0 ? 0 : last, skips.snapshot(), spans(fileFirst, fileLast));
  }

  /** The spans of the files that had frames, in the order given. */
  private static List<ScanSummary.FileSpan> spans(long[] first, long[] last) {
    List<ScanSummary.FileSpan> spans = new ArrayList<>(first.length);
    for (int i = 0; i < first.length; i++) {
      if (first[i] <= last[i]) {
        spans.add(new ScanSummary.FileSpan(first[i], last[i]));
      }
    }
    return spans;
  }
}
