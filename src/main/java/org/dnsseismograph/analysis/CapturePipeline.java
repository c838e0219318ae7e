package org.dnsseismograph.analysis;

import java.io.IOException;
import java.util.List;
import java.nio.file.Path;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.dns.DnsHeaderScanner;
import org.dnsseismograph.dns.DnsMessageView;
import org.dnsseismograph.traffic.MatcherConfig;
import org.dnsseismograph.traffic.TransactionColumns;
import org.dnsseismograph.wire.CaptureScanner;
import org.dnsseismograph.wire.DecodeOptions;
import org.dnsseismograph.wire.ScanSummary;
import org.dnsseismograph.wire.SkipCounter;
import org.dnsseismograph.wire.Skipped;

/**
 * The one streaming pass every capture verb shares: read the files as {@link
 * DecodeOptions#messages()} says (captures through {@link CaptureScanner}, or dnstap logs), scan
 * each DNS message ({@link DnsHeaderScanner}), hand it to the {@link MessageDispatcher} (matching,
 * metrics, optional transaction columns), and count reader skips at their capture time. Runs on
 * the calling thread and honours the progress' cancel; a {@link Tick} hears of the work every
 * {@value #TICK_EVERY} messages, for callers that publish partial results.
 *
 * <p>One pipeline runs once; not thread-safe.
 */
final class CapturePipeline {
  /** Messages between two ticks. */
  static final int TICK_EVERY = 1024;

  /** Called on the reading thread between messages. */
  @FunctionalInterface
  interface Tick {
    void tick();
  }

  private final MetricAggregator aggregator;
  private final MessageDispatcher dispatcher;
  private final TransactionColumns columns;
  /** The reader's and decoder's skips, each reason's first with its file. */
  private final SkipCounter readerSkips;
  private volatile long bytesDone;
  private volatile long bytesTotal = -1;

  CapturePipeline(MatcherConfig matching, MetricAggregator aggregator, TransactionColumns columns) {
    this.aggregator = aggregator;
    this.columns = columns;
    this.dispatcher = new MessageDispatcher(matching, aggregator, columns);
    this.readerSkips = new SkipCounter((reason, frame, time) -> {
      // A skip before the first frame (an unreadable header) has no time: it is in the summary only.
      if (time != Long.MIN_VALUE) {
        dispatcher.onSkipped(time);
      }
    });
  }

  MetricAggregator aggregator() {
    return aggregator;
  }

  MessageDispatcher dispatcher() {
    return dispatcher;
  }

  TransactionColumns columns() {
    return columns;
  }

  /**
   * Reads every file, then finishes the dispatcher (pending queries, open buckets).
   *
   * @param tick called every {@value #TICK_EVERY} messages, or null
   * @throws IOException when a file cannot be read or is no capture
   */
  ScanSummary run(List<Path> files, DecodeOptions decode, Progress progress, Tick tick) throws IOException {
    DnsHeaderScanner scanner = new DnsHeaderScanner();
    DnsMessageView view = new DnsMessageView();
    long[] messages = {0};
    ScanSummary scan = decode.messages().scan(files, decode, p -> {
      dispatcher.onMessage(p, view, scanner.scan(p.buffer, p.offset, p.length, view));
      if (tick != null && ++messages[0] % TICK_EVERY == 0) {
        tick.tick();
      }
    }, readerSkips, counting(progress));
    dispatcher.finish();
    return scan;
  }

  /** The caller's progress, remembering the byte counts for snapshots. */
  private Progress counting(Progress progress) {
    return new Progress() {
      @Override
      public void update(long done, long total) {
        bytesDone = done;
        bytesTotal = total;
        progress.update(done, total);
      }

      @Override
      public boolean isCancelled() {
        return progress.isCancelled();
      }
    };
  }

  /** File bytes consumed so far (as last reported by the reader). */
  long bytesDone() {
    return bytesDone;
  }

  /** File bytes in all, or -1 when unknown. */
  long bytesTotal() {
    return bytesTotal;
  }

  /** What the readers skipped so far, most frequent first. */
  List<Skipped> readerSkips() {
    return readerSkips.snapshot();
  }
}
