package org.dnsseismograph.traffic;

import org.dnsseismograph.wire.IpAddress;

/**
 * One recursive resolver of a capture and why it is taken for one. Immutable.
 *
 * @param address the resolver's address
 * @param basis how it was recognised
 * @param queriesReceived queries (opcode QUERY) it received on a DNS port while the evidence was
 *     gathered
 * @param queriesSent queries (opcode QUERY, not zone transfers or SOA checks) it sent to port 53
 *     while the evidence was gathered
 */
public record ResolverRole(IpAddress address, Basis basis, long queriesReceived, long queriesSent) {

  /** How a resolver was recognised. */
  public enum Basis {
    /** Named by the user ({@code --resolver}). */
    GIVEN("given"),
    /** Named by the source: a dnstap log says which messages its resolver answered and which it sent. */
    NAMED_BY_SOURCE("named-by-source"),
    /** It receives recursive queries on a DNS port and sends queries to port 53: both sides are in the capture. */
    BOTH_SIDES("both-sides"),
    /** It receives recursive queries and answers with RA set, and sends none: only its client side is in the capture. */
    CLIENT_SIDE("client-side-only"),
    /** It sends non-recursive queries to port 53 and receives none: only its upstream side is in the capture. */
    UPSTREAM_SIDE("upstream-side-only");

    private final String code;

    Basis(String code) {
      this.code = code;
    }

    /** A stable machine-readable name ({@code both-sides}). */
    public String code() {
      return code;
    }
  }
}
