package org.dnsseismograph.wire;

/**
 * How often one reason made a reader skip something, and where it happened first.
 *
 * @param reason why
 * @param count how many times
 * @param firstFrame the 1-based frame number of the first occurrence, or 0 when it is not tied to
 *     a frame (a truncated file tail)
 */
public record Skipped(SkipReason reason, long count, long firstFrame) {}
