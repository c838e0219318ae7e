/**
 * The window's sources: opening files by content, loading captures and exports off the FX thread
 * with partial snapshots taken up once per frame, per-source clock offsets (typed, dragged,
 * estimated and accepted), time zones, the common moment finder, the lanes they add up to, the
 * sources panel and the status bar.
 */
package org.dnsseismograph.ui.sources;
