package org.dnsseismograph.analysis;

import java.util.List;
import org.dnsseismograph.wire.IpAddress;

/**
 * A suspected authoritative outage: a span in which a server, or every server of a zone, kept
 * receiving queries and stopped answering; or, in a capture of clients only, a surge of failures
 * for names under one suffix. Immutable. Times are epoch ns, UTC, to the nanosecond the capture
 * has (the start is the first unanswered query after the last answer, the end the first answer
 * again).
 *
 * @param startNanos when it began
 * @param endNanos when it ended, or {@link #OPEN} when it was still going on when the capture
 *     stopped watching: at the capture's end, or at the end of a file followed by a gap (see {@code
 *     watchedUntilNanos})
 * @param scope what went dark
 * @param zone the zone (absolute, {@code example.test.}), or null when unknown
 * @param servers the dark servers (empty when inferred from clients)
 * @param unanswered queries never answered during it (to the dark servers; for an inferred outage,
 *     the clients' unanswered queries)
 * @param confidence 0 to 1
 * @param reason one sentence saying why, and why that confident
 * @param startsAtCaptureStart true when the capture began inside it, or resumed inside it after a gap between its
 *     files (the real start may be earlier)
 * @param evidence the numbers behind it
 * @param watchedUntilNanos the end of the stretch of capture it lies in: the last frame before the
 *     gap that follows it when the files have gaps (nothing was captured for a while: whether an
 *     ongoing outage went on through the gap is unknown, and the files after it are observed
 *     afresh), or {@link #OPEN} when its stretch lasts to the capture's end
 */
public record Outage(long startNanos, long endNanos, Scope scope, String zone, List<IpAddress> servers, long unanswered, double confidence,
    String reason, boolean startsAtCaptureStart, OutageEvidence evidence, long watchedUntilNanos) {
  /** The end of an outage still going on when the capture stopped watching it (at its end, or before a gap). */
  public static final long OPEN = Long.MAX_VALUE;

  /** What went dark. */
  public enum Scope {
    /** Every server of a zone that received queries. */
    ZONE("zone"),
    /** Some servers (one of three, say); the zone stayed reachable through the others. */
    SERVER("server"),
    /** Inferred from the clients' failures; no upstream traffic in the capture. */
    CLIENT_INFERRED("client-inferred");

    private final String code;

    Scope(String code) {
      this.code = code;
    }

    /** A stable machine-readable name. */
    public String code() {
      return code;
    }
  }

  public Outage {
    servers = List.copyOf(servers);
  }

  /** True when it had not ended when the capture stopped watching (at its end, or before a gap). */
  public boolean ongoing() {
    return endNanos == OPEN;
  }

  /** True when it was still going on at the end of a file that a gap followed, not at the capture's end. */
  public boolean ongoingAtGap() {
    return ongoing() && watchedUntilNanos != OPEN;
  }
}
