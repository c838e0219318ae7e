package org.dnsseismograph.capture;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.dnsseismograph.dns.DnsHeaderScanner;
import org.dnsseismograph.dns.DnsMessageView;
import org.dnsseismograph.dns.ScanResult;
import org.dnsseismograph.wire.DnsPayload;
import org.dnsseismograph.wire.SkipCounter;
import org.dnsseismograph.wire.Skipped;

/**
 * The common tail of both live paths: scans each DNS payload with the file path's {@link
 * DnsHeaderScanner}, counts it, and offers it to the {@link LiveAnalysis} with its role. Malformed
 * messages are counted by scan result (they still reach the analysis, which counts them as the
 * file dispatcher does). No allocation per message. Confined to the worker thread.
 */
final class ScannedMessages {
  private final DnsHeaderScanner scanner = new DnsHeaderScanner();
  private final DnsMessageView view = new DnsMessageView();
  private final SkipCounter malformed = new SkipCounter();
  private final LiveAnalysis analysis;
  private long messages;
  private long queries;
  private long responses;
  private long clock = Long.MIN_VALUE;

  ScannedMessages(LiveAnalysis analysis) {
    this.analysis = analysis;
  }

  void onPayload(DnsPayload p, MessageRole role) {
    messages++;
    clock = Math.max(clock, p.timestampNanos);
    ScanResult r = scanner.scan(p.buffer, p.offset, p.length, view);
    if (r == ScanResult.OK) {
      count(view.qr);
    } else {
      malformed.count(r, p.frameNumber);
      if (p.length >= 4) {
        count((LiveDnsSeries.headerFlags(p.buffer, p.offset) & 0x8000) != 0);
      }
    }
    analysis.onMessage(p, view, r, role);
  }

  private void count(boolean response) {
    if (response) {
      responses++;
    } else {
      queries++;
    }
  }

  long messages() {
    return messages;
  }

  long queries() {
    return queries;
  }

  long responses() {
    return responses;
  }

  /** The newest message time seen (epoch ns), or {@code Long.MIN_VALUE}. */
  long clockNanos() {
    return clock;
  }

  /** Malformed messages by scan result, merged with {@code other} skips, most frequent first. */
  List<Skipped> skippedWith(List<Skipped> other) {
    List<Skipped> all = new ArrayList<>(other);
    all.addAll(malformed.snapshot());
    all.sort(Comparator.comparingLong(Skipped::count).reversed());
    return all;
  }
}
