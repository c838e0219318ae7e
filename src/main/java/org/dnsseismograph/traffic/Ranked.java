package org.dnsseismograph.traffic;

/**
 * One entry of a top-N answer: a key and how often it occurred. Immutable.
 *
 * @param key the qname, address or rcode
 * @param count occurrences in the range asked
 */
public record Ranked<K>(K key, long count) {}
