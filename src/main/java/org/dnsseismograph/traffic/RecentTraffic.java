package org.dnsseismograph.traffic;

import java.util.List;
import org.dnsseismograph.wire.IpAddress;

/**
 * What {@link RecentTransactions} held at one moment: its generations' rows, each sorted by time,
 * oldest generation first, and what it no longer holds. Immutable; safe to share.
 *
 * @param parts the generations' transactions; their spans do not overlap
 * @param keptFromNanos the oldest time still held: rows before it were dropped ({@link
 *     Long#MIN_VALUE} while nothing was)
 * @param leftOut transactions never held: later than the reorder window allows, or above the row
 *     bound while the newest generation alone filled it
 * @param resolvers the recursive resolvers among the addresses, when the source knows them (a
 *     dnstap stream says which messages are a client's), else empty
 */
public record RecentTraffic(List<TransactionSnapshot> parts, long keptFromNanos, long leftOut, List<IpAddress> resolvers) {
  /** Nothing held yet. */
  public static final RecentTraffic NONE = new RecentTraffic(List.of(), Long.MIN_VALUE, 0, List.of());

  public RecentTraffic {
    parts = List.copyOf(parts);
    resolvers = List.copyOf(resolvers);
  }

  /** Transactions held. */
  public long size() {
    return parts.stream().mapToLong(TransactionSnapshot::size).sum();
  }
}
