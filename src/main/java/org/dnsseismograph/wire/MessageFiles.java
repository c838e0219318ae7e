package org.dnsseismograph.wire;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.wire.ScanSummary.FileSpan;

/**
 * How files of DNS messages are read into {@link DnsPayload}s for the analysis: captures ({@link
 * #CAPTURES}, through {@link CaptureScanner}), or another format whose reader hands over the same
 * payloads (a resolver's dnstap log). The analysis asks three things of the files: their messages,
 * the time each file spans (for the gaps between rotated files), and the resolvers the format names
 * itself, if it does. Implementations are stateless and thread-safe.
 */
public interface MessageFiles {
  /** pcap, pcapng and gzip'd captures. */
  MessageFiles CAPTURES = new MessageFiles() {
    @Override
    public ScanSummary scan(List<Path> files, DecodeOptions options, DnsPayloadSink sink, SkipCounter skips, Progress progress)
        throws IOException {
      return CaptureScanner.scan(files, options, sink, skips, progress);
    }

    @Override
    public List<FileSpan> spans(List<Path> files, Progress progress) throws IOException {
      // One file open at a time: a day of per-minute files is 1,440 files.
      List<FileSpan> spans = new ArrayList<>(files.size());
      for (Path file : files) {
        try (FrameReader r = CaptureFiles.open(file, new SkipCounter())) {
          span(r, progress, spans);
        }
      }
      return spans;
    }

    private void span(FrameReader r, Progress progress, List<FileSpan> spans) throws IOException {
      RawFrame frame = new RawFrame();
      long first = Long.MAX_VALUE;
      long last = Long.MIN_VALUE;
      long frames = 0;
      while (r.next(frame)) {
        first = Math.min(first, frame.timestampNanos);
        last = Math.max(last, frame.timestampNanos);
        if (++frames % 65_536 == 0) {
          progress.checkCancelled();
        }
      }
      if (first <= last) {
        spans.add(new FileSpan(first, last));
      }
    }

    @Override
    public boolean recognises(Path file) throws IOException {
      return CaptureFiles.isCapture(file);
    }

    @Override
    public List<IpAddress> namedResolvers(List<Path> files, Progress progress) {
      return List.of();
    }

    @Override
    public long firstTimeNanos(Path file) throws IOException {
      try (FrameReader r = CaptureFiles.open(file, new SkipCounter(), true)) {
        RawFrame f = new RawFrame();
        return r.next(f) ? f.timestampNanos : Long.MIN_VALUE;
      }
    }

    @Override
    public String toString() {
      return "captures";
    }
  };

  /**
   * Hands every DNS message of the files, in time order, to {@code sink}, and counts what it skips
   * in {@code skips} (told which file it reads).
   *
   * @throws IOException when a file cannot be read, or is not of this format
   */
  ScanSummary scan(List<Path> files, DecodeOptions options, DnsPayloadSink sink, SkipCounter skips, Progress progress) throws IOException;

  /** True when the file begins as a file of this kind (a glance at its first bytes). */
  boolean recognises(Path file) throws IOException;

  /** The time of the file's first frame, or {@link Long#MIN_VALUE} when it has none: where a rotated piece goes. */
  long firstTimeNanos(Path file) throws IOException;

  /** The first and last message time of each file that has any, in the order given. */
  List<FileSpan> spans(List<Path> files, Progress progress) throws IOException;

  /**
   * The recursive resolvers the files say they were logged by, or none when the format does not say
   * (a capture: the analysis finds them from the traffic).
   */
  List<IpAddress> namedResolvers(List<Path> files, Progress progress) throws IOException;
}
