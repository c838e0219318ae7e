package org.dnsseismograph.capture;

import java.io.IOException;
import java.nio.file.Path;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.dns.DnsHeaderScanner;
import org.dnsseismograph.dns.DnsMessageView;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.wire.SkipCounter;

/**
 * A dnstap file read into the series the live timeline shows: every message goes through the same
 * scanner and {@link LiveAnalysis} as a live dnstap stream, with its role, at its own time. The
 * file counts as observed from its first message to its last. Runs on the calling thread.
 */
public final class DnstapFileSeries {
  private DnstapFileSeries() {}

  /**
   * The series and the reading's summary of one file.
   *
   * @param series the analysis' series, named after the file
   * @param summary what was read and skipped
   */
  public record Result(SeriesSet series, DnstapFileSummary summary) {}

  /**
   * Reads {@code file} into {@code analysis} (a fresh one: it is finished afterwards).
   *
   * @throws NotADnstapFileException when the file is not a dnstap Frame Streams file
   * @throws IOException when it cannot be read
   */
  public static Result read(Path file, LiveAnalysis analysis, Progress progress) throws IOException {
    DnsHeaderScanner scanner = new DnsHeaderScanner();
    DnsMessageView view = new DnsMessageView();
    SkipCounter skips = new SkipCounter((reason, frame, time) -> {
      if (time != Long.MIN_VALUE) {
        analysis.onSkipped(time);
      }
    });
    DnstapFileSummary summary = DnstapFileReader.read(file,
        (payload, m) -> analysis.onMessage(payload, view, scanner.scan(payload.buffer, payload.offset, payload.length, view), m.type.role()), skips,
        progress);
    if (summary.messages() > 0) {
      analysis.observed(summary.firstTimeNanos(), summary.lastTimeNanos() + 1);
    }
    analysis.finish();
    return new Result(SeriesSet.of(file.getFileName().toString(), analysis.publish()), summary);
  }
}
