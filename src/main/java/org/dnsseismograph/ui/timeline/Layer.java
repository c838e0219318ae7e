package org.dnsseismograph.ui.timeline;

/** The layers of a timeline, bottom to top, each with a dirty flag; the first three share one canvas and are redrawn together. */
enum Layer {
  /** Background, lane frames and titles, grid, time axis: changes with the view and the lanes. */
  AXES,
  /** Annotation spans and labels: changes with the view and the annotations. */
  ANNOTATIONS,
  /** The data: changes when a new frame of reduced series arrives. */
  SERIES,
  /** Crosshair and box selection: changes with the mouse. */
  OVERLAY,
  /** The overview strip: changes with the extent, the window and its own frame. */
  OVERVIEW
}
