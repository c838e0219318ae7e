/**
 * Annotating the timeline: the annotations list beside it ({@link
 * org.dnsseismograph.ui.annotations.AnnotationsView}), the editor dialog, drawing new annotations
 * and dragging their edges on the timeline ({@link org.dnsseismograph.ui.annotations.AnnotateGestures}),
 * and the view model through which every change becomes an undoable edit of the workspace's
 * annotation book ({@link org.dnsseismograph.ui.annotations.AnnotationsViewModel}). Times are
 * epoch nanoseconds, UTC; shown in UTC to the millisecond. FX thread only.
 */
package org.dnsseismograph.ui.annotations;
