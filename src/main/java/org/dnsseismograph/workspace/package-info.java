/**
 * What an analyst saves and edits: the sources of an incident with their clock offsets, which
 * lanes are visible and in what order, the view range, and the annotations with their lifecycle
 * and undoable edits; read and written as versioned JSON. Times are epoch nanoseconds, UTC. Uses
 * {@code series} and Jackson; no JavaFX.
 */
package org.dnsseismograph.workspace;
