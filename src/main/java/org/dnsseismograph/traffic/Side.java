package org.dnsseismograph.traffic;

/**
 * Which side of a recursive resolver a DNS message or transaction belongs to, once the resolvers
 * of a capture are known ({@link ResolverSet}).
 */
public enum Side {
  /** Between a client (stub, forwarder, load generator) and a resolver. */
  CLIENT,
  /** Between a resolver and the servers it asks (authoritative servers, forwarders). */
  UPSTREAM,
  /** Neither end is a known resolver. */
  OTHER
}
