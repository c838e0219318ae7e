/**
 * Exporting the timeline from the window: PNG (with a scale for high-DPI), SVG or an evidence
 * bundle, of the current view or a given range, drawn by the same {@code render} code as the
 * command line, off the FX thread ({@link org.dnsseismograph.ui.export.ExportViewModel}).
 */
package org.dnsseismograph.ui.export;
