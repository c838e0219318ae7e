package org.dnsseismograph.analysis;

/**
 * How many client failures (SERVFAIL answers, unanswered queries) had names under one parent, in
 * a client-only inference. Immutable.
 *
 * @param suffix the names' parent without its final dot ({@code example.test} for {@code
 *     q3f9.example.test}), the root as {@code .}
 * @param failures failures of names directly under it
 */
public record SuffixFailures(String suffix, long failures) {}
