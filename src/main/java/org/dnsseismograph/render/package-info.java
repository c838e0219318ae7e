/**
 * Lays out and draws a timeline — time axis, lanes of series, annotations, title, legend and
 * footer — through the small {@link org.dnsseismograph.render.Painter} interface, so the screen
 * (a JavaFX canvas backend in {@code ui.timeline}) and the exports (PNG through Java2D, SVG through
 * JFreeSVG) draw the same picture from one {@link org.dnsseismograph.render.TimelineLayout} and one
 * {@link org.dnsseismograph.render.TimelinePainter}. Times are epoch nanoseconds, UTC; they become
 * {@code double} pixels only inside the layout, relative to the view's start. No JavaFX.
 */
package org.dnsseismograph.render;
