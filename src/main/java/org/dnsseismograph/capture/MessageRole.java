package org.dnsseismograph.capture;

/**
 * Which side of the observed DNS server a message travelled on, when the source knows it. A dnstap
 * message says it by its type; a captured packet does not (analysis infers it from addresses and
 * ports). Immutable.
 */
public enum MessageRole {
  /** Not known at the source: captured packets. */
  UNKNOWN(null),
  /** Between the observed server and the clients it serves (stubs, forwarders, resolvers asking it). */
  CLIENT("client"),
  /** Between the observed server and the servers it asks (authoritative servers, forwarders). */
  UPSTREAM("upstream");

  private final String metricPrefix;

  MessageRole(String metricPrefix) {
    this.metricPrefix = metricPrefix;
  }

  /** The metric name prefix of this role ({@code client}, {@code upstream}); null for {@link #UNKNOWN}. */
  public String metricPrefix() {
    return metricPrefix;
  }
}
