package org.dnsseismograph.analysis;

/**
 * The streaming halves of the detectors, attached to one pass: the per-server dark-span tracker
 * (fed the upstream transactions with their server) and the clients' failure log. After the pass,
 * they and a {@link CountGrid} make the {@link DetectionInput}. Confined to the aggregating thread.
 */
final class HealthObservers {
  private final RoleFamilies roles;
  private final DarkServerTracker tracker;
  private final FailureLog failures = new FailureLog();

  private HealthObservers(RoleFamilies roles, long timeoutNanos, CaptureGaps gaps, boolean beside) {
    this.roles = roles;
    this.tracker = new DarkServerTracker(timeoutNanos, gaps, beside ? BatchHandOff.BATCH : 0);
  }

  /**
   * Attaches the observers to {@code aggregator}, whose role families are {@code roles}; the dark
   * spans are cut at {@code gaps}, the gaps between the files of the pass. {@code beside}: the
   * dark-server tracker runs on a worker ({@link DarkServerTracker}), for a pass that has the
   * second core to itself ({@code detect}; the window's load shares it with the drawing).
   */
  static HealthObservers attach(MetricAggregator aggregator, RoleFamilies roles, long timeoutNanos, CaptureGaps gaps, boolean beside) {
    HealthObservers h = new HealthObservers(roles, timeoutNanos, gaps, beside);
    roles.upstream().setListener(h.tracker);
    aggregator.observe(h.tracker);
    aggregator.observe(h.failures);
    return h;
  }

  /** What the detectors read, once the pass has finished. */
  DetectionInput input(CountGrid grid, long captureStartNanos, long captureEndNanos) {
    return new DetectionInput(grid, tracker, roles.upstream().zones(), failures, roles.sides().roles(), captureStartNanos, captureEndNanos);
  }
}
