package org.dnsseismograph.ui.live;

import org.dnsseismograph.analysis.HealthReport;

/**
 * Where the detections of live sources go ({@link LiveWindow#reportDetectionsTo}): the window's
 * detections list and its proposals. FX thread.
 */
public interface LiveReports {
  /** What the detectors found in what {@code session} has recorded so far (all of it once it stopped). */
  void detected(LiveSession session, HealthReport report);

  /** The session records nothing, so it cannot be checked. */
  void unrecorded(LiveSession session);

  /** The session was closed: its detections go with it. */
  void closed(LiveSession session);
}
