package org.dnsseismograph.analysis;

import java.util.List;

/**
 * A time at which several sources changed at once, with each source's evidence. Times are epoch
 * ns, UTC. Immutable.
 *
 * @param timeNanos the moment: the median of the sources' change times
 * @param toleranceNanos changes this close to the moment count as simultaneous (the coarsest
 *     resolution of the sources involved)
 * @param sourcesShowing how many sources changed within the tolerance
 * @param sourcesTotal how many sources were looked at
 * @param evidence one entry per source that changed, strongest first
 */
public record CommonMoment(long timeNanos, long toleranceNanos, int sourcesShowing, int sourcesTotal,
    List<CommonMomentEvidence> evidence) {

  public CommonMoment {
    evidence = List.copyOf(evidence);
  }
}
