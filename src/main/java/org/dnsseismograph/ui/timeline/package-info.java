/**
 * The timeline view of the window: stacked lanes on one UTC axis drawn on layered canvases through
 * the shared {@code render} painter, an overview strip with the visible window as a draggable range,
 * a crosshair readout, and every way of moving around (wheel zoom at the cursor, drag pan,
 * shift-drag box zoom, double-click to fit a feature, keys, zoom history). State lives in {@link
 * org.dnsseismograph.ui.timeline.TimelineViewModel}; series are reduced off the FX thread and
 * drawn once per frame from dirty flags by {@link org.dnsseismograph.ui.timeline.FrameTicker}.
 */
package org.dnsseismograph.ui.timeline;
