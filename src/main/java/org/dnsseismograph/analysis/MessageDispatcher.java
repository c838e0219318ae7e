package org.dnsseismograph.analysis;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.dnsseismograph.dns.DnsMessageView;
import org.dnsseismograph.dns.ScanResult;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.traffic.MatcherConfig;
import org.dnsseismograph.traffic.QueryResponseMatcher;
import org.dnsseismograph.traffic.Transaction;
import org.dnsseismograph.traffic.TransactionColumns;
import org.dnsseismograph.wire.DnsPayload;
import org.dnsseismograph.wire.Skipped;

/**
 * Ties the per-message work together: each scanned DNS message goes to the {@link
 * MetricAggregator} (message counts), then to the {@link QueryResponseMatcher}, whose transactions
 * go to the aggregator (unanswered, latency) and, when given, to the {@link TransactionColumns}.
 *
 * <p>Malformed messages (scan result not OK) are counted by reason; when their first 4 bytes are
 * there, their header flags still make them a query or a response with an rcode (as tshark counts
 * them), but they are not matched: their question cannot be trusted. A message shorter than 4 bytes
 * counts in {@code packets.skipped}. Every message moves the capture clock, so timeouts fire; reader
 * skips ({@link #onSkipped}) do not.
 *
 * <p>No allocation per message. Not thread-safe: the capture-reading thread calls it.
 */
public final class MessageDispatcher {
  private static final ScanResult[] RESULTS = ScanResult.values();

  private final MetricAggregator aggregator;
  private final QueryResponseMatcher matcher;
  private final TransactionColumns columns;
  private final MessageFacts facts = new MessageFacts();
  private final long[] malformed = new long[RESULTS.length];
  private final long[] malformedFirstFrame = new long[RESULTS.length];
  private final int[] malformedFirstFile = new int[RESULTS.length];
  private long messages;
  private long queries;
  private long responses;
  private long headerless;

  /**
   * @param columns where transactions are also recorded, or null for none
   * @throws IllegalArgumentException when the aggregator's latency horizon or the columns' reorder
   *     window is shorter than the matcher's timeout (latencies would arrive after their bucket
   *     closed, transactions after their place was sealed)
   */
  public MessageDispatcher(MatcherConfig matcherConfig, MetricAggregator aggregator, TransactionColumns columns) {
    this.aggregator = Objects.requireNonNull(aggregator, "aggregator");
    this.columns = columns;
    if (aggregator.latencyHorizonNanos() < matcherConfig.timeoutNanos()) {
      throw new IllegalArgumentException("the aggregator's latency horizon " + TimeUnits.formatDuration(aggregator.latencyHorizonNanos())
          + " is shorter than the matcher's timeout " + TimeUnits.formatDuration(matcherConfig.timeoutNanos()));
    }
    if (columns != null && columns.reorderWindowNanos() < matcherConfig.timeoutNanos()) {
      throw new IllegalArgumentException("the columns' reorder window " + TimeUnits.formatDuration(columns.reorderWindowNanos())
          + " is shorter than the matcher's timeout " + TimeUnits.formatDuration(matcherConfig.timeoutNanos()));
    }
    this.matcher = new QueryResponseMatcher(matcherConfig, columns == null ? aggregator : this::toBoth);
  }

  private void toBoth(Transaction t) {
    aggregator.onTransaction(t);
    columns.append(t);
  }

  /** One DNS message and what the scanner made of it ({@code view} is valid only when OK). */
  public void onMessage(DnsPayload payload, DnsMessageView view, ScanResult result) {
    messages++;
    long t = payload.timestampNanos;
    if (describe(payload, view, result)) {
      if (facts.response) {
        responses++;
      } else {
        queries++;
      }
      aggregator.onMessage(facts);
    } else {
      headerless++;
      aggregator.onSkipped(t);
    }
    if (facts.wellFormed) {
      matcher.onMessage(payload, view);
    } else {
      matcher.advanceTo(t);
    }
    // After the matcher: what it closed at this clock is staged before the columns move on.
    if (columns != null) {
      columns.advanceClock(t);
    }
  }

  /** Fills {@link #facts}; false when the message has no readable flags. */
  private boolean describe(DnsPayload payload, DnsMessageView view, ScanResult result) {
    MessageFacts f = facts;
    f.timeNanos = payload.timestampNanos;
    // The same two objects every time: stored only when they change (a store costs a GC barrier).
    if (f.payload != payload) {
      f.payload = payload;
    }
    if (f.view != view) {
      f.view = view;
    }
    f.wellFormed = result == ScanResult.OK;
    if (!f.wellFormed) {
      countMalformed(result, payload);
      return readHeaderFlags(payload, f);
    }
    f.response = view.qr;
    f.rcode = view.rcode;
    f.truncated = view.tc;
    f.authoritative = view.aa;
    return true;
  }

  private void countMalformed(ScanResult result, DnsPayload payload) {
    int i = result.ordinal();
    if (malformed[i]++ == 0) {
      malformedFirstFrame[i] = payload.frameNumber;
      malformedFirstFile[i] = payload.file;
    }
  }

  /** Reads QR, AA, TC and the 4-bit rcode from the raw header; false when under 4 bytes. */
  private static boolean readHeaderFlags(DnsPayload p, MessageFacts f) {
    ByteBuffer b = p.buffer;
    if (b == null || p.length < 4) {
      return false;
    }
    int flags = ((b.get(p.offset + 2) & 0xFF) << 8) | (b.get(p.offset + 3) & 0xFF);
    f.response = (flags & 0x8000) != 0;
    f.authoritative = (flags & 0x0400) != 0;
    f.truncated = (flags & 0x0200) != 0;
    f.rcode = flags & 0xF;
    return true;
  }

  /** Something a reader skipped at {@code timeNanos}: counted in {@code packets.skipped}. */
  public void onSkipped(long timeNanos) {
    aggregator.onSkipped(timeNanos);
  }

  /** End of input: closes pending queries, open latency buckets and staged transactions. */
  public void finish() {
    matcher.finish();
    aggregator.finish();
    if (columns != null) {
      columns.finish();
    }
  }

  public QueryResponseMatcher matcher() {
    return matcher;
  }

  public DispatchStats stats() {
    List<Skipped> bad = new ArrayList<>();
    for (int i = 0; i < RESULTS.length; i++) {
      if (malformed[i] > 0) {
        bad.add(new Skipped(RESULTS[i], malformed[i], malformedFirstFrame[i], malformedFirstFile[i]));
      }
    }
    bad.sort(Comparator.comparingLong(Skipped::count).reversed());
    return new DispatchStats(messages, queries, responses, bad, headerless, matcher.stats(), aggregator.stats(), columns == null ? 0 : columns.leftOut());
  }
}
