package org.dnsseismograph.ui.panel;

import java.util.List;
import java.util.Objects;
import org.dnsseismograph.traffic.TransactionSnapshot;
import org.dnsseismograph.wire.IpAddress;

/**
 * A capture's transactions as the side panel reads them: the snapshot, the clock correction the
 * timeline applies to the capture (so a window of the timeline is looked up at {@code window −
 * correction} in the capture's own time), and the resolvers that tell clients from authoritative
 * servers (empty when none was found: then every transaction counts on both lists). Immutable.
 *
 * @param name the capture's name
 * @param transactions the transactions (any thread may read them)
 * @param correctionNanos the shift the timeline applies, in ns
 * @param resolvers the capture's recursive resolvers
 * @param heldFromNanos the source's oldest time still held, in its own time: a live source drops
 *     its oldest transactions; {@link Long#MIN_VALUE} when nothing was dropped
 */
public record TrafficSource(String name, TransactionSnapshot transactions, long correctionNanos, List<IpAddress> resolvers, long heldFromNanos) {
  public TrafficSource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(transactions, "transactions");
    resolvers = List.copyOf(resolvers);
  }

  /** A source that holds every transaction it had: a capture file. */
  public TrafficSource(String name, TransactionSnapshot transactions, long correctionNanos, List<IpAddress> resolvers) {
    this(name, transactions, correctionNanos, resolvers, Long.MIN_VALUE);
  }
}
