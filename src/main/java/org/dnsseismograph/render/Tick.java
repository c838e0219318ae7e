package org.dnsseismograph.render;

/**
 * One labelled mark of a time axis: its instant (epoch ns, UTC) and its text in one zone. Immutable.
 *
 * @param time the instant marked, epoch ns
 * @param label the text under the mark, e.g. {@code 20:49:10.250} or {@code 2010-02-02} at midnight
 */
public record Tick(long time, String label) {}
