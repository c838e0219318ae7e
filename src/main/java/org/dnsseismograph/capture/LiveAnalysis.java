package org.dnsseismograph.capture;

import java.util.List;
import org.dnsseismograph.dns.DnsMessageView;
import org.dnsseismograph.dns.ScanResult;
import org.dnsseismograph.series.ResolvableSeries;
import org.dnsseismograph.traffic.RecentTraffic;
import org.dnsseismograph.wire.DnsPayload;

/**
 * What a live source feeds with every DNS message it decodes: the analysis behind the live
 * timeline. {@link LiveDnsSeries} is the built-in one; another (role-aware metrics of the {@code
 * analysis} package, say) plugs in here. All methods are called on the source's worker thread, one
 * at a time; implementations need no locking but must not block.
 */
public interface LiveAnalysis {

  /**
   * One DNS message, exactly as the file path offers it to its dispatcher, plus the role when the
   * source knows it.
   *
   * @param payload the message as captured or as dnstap logged it; a flyweight valid during the call
   * @param view the scanner's view; meaningful only when {@code result} is OK
   * @param result the scanner's verdict
   * @param role {@link MessageRole#UNKNOWN} for captured packets; the dnstap type's role otherwise
   */
  void onMessage(DnsPayload payload, DnsMessageView view, ScanResult result, MessageRole role);

  /** Something decoding skipped (a bad frame, a malformed packet) at {@code timeNanos}. */
  void onSkipped(long timeNanos);

  /**
   * No message for a while: the source's clock is at least {@code timeNanos} (epoch ns), so queries
   * older than the timeout can be closed as unanswered.
   */
  void advanceTo(long timeNanos);

  /** The source was observing during {@code [startNanos, endNanos)}: no event there is a real zero. */
  void observed(long startNanos, long endNanos);

  /** Publishes and returns the current series (immutable snapshots), in display order. */
  List<ResolvableSeries> publish();

  /** The source stopped: close what is pending (unanswered queries, open latency buckets). */
  void finish();

  /**
   * The transactions of the last minutes as of the last {@link #publish()}, for the side panel's
   * questions about the visible window; none when the analysis keeps none.
   */
  default RecentTraffic transactions() {
    return RecentTraffic.NONE;
  }
}
