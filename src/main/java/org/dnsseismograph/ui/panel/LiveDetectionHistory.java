package org.dnsseismograph.ui.panel;

import java.util.ArrayList;
import java.util.List;
import org.dnsseismograph.analysis.HealthReport;

/**
 * The detections of one live source over its checks. A check reads the newest part of a long
 * recording only, so what it found earlier, before the part the next check reads, is kept as it
 * was; what lies within that part is replaced by the newer check's reading. FX thread only.
 */
public final class LiveDetectionHistory {
  private final String source;
  private final List<Detection> earlier = new ArrayList<>();
  private HealthReport latest;

  /** @param source the live source's name, as the detections say */
  public LiveDetectionHistory(String source) {
    this.source = source;
  }

  /** Takes in a check's report: the last report's detections that end before this one's start are kept. */
  public void add(HealthReport report) {
    if (latest != null && report.captureStartNanos() > latest.captureStartNanos()) {
      for (Detection d : HealthDetections.of(latest, source, 0)) {
        if (d.span().endNanos() <= report.captureStartNanos()) {
          earlier.add(d);
        }
      }
    }
    latest = report;
  }

  /** The newest report, or null before the first. */
  public HealthReport latest() {
    return latest;
  }

  /** Every detection: those kept from earlier checks, then the newest check's. */
  public List<Detection> detections() {
    List<Detection> all = new ArrayList<>(earlier);
    if (latest != null) {
      all.addAll(HealthDetections.of(latest, source, 0));
    }
    return all;
  }
}
