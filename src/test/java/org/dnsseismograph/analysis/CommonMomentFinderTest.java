package org.dnsseismograph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.dnsseismograph.imports.ExportImporter;
import org.dnsseismograph.imports.ImportOptions;
import org.dnsseismograph.series.Consolidation;
import org.dnsseismograph.series.LabelConvention;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.SampleSeriesWriter;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.series.Unit;
import org.junit.jupiter.api.Test;

/** The common-moment finder on the demo incident's three sources and on series built to a known shape. */
class CommonMomentFinderTest {
  private static final long S = TimeUnits.NANOS_PER_SECOND;
  private static final long T0 = 1_700_000_000L * S;
  private final CommonMomentFinder finder = new CommonMomentFinder();

  private static SeriesSet steps(String source, String metric, long changeAt, double before, double after, int seconds) {
    SampleSeriesWriter w = new SampleSeriesWriter(MetricId.of(metric), Unit.PER_SECOND, S, LabelConvention.START, Consolidation.AVERAGE);
    for (int i = 0; i < seconds; i++) {
      long t = T0 + i * S;
      w.add(t, (t < changeAt ? before : after) + (i % 3) * 0.1);
    }
    return SeriesSet.of(source, List.of(w.publish()));
  }

  @Test
  void theMomentIsWhereMostSourcesChangeTogetherWithEachSourcesEvidence() {
    long at = T0 + 100 * S;
    List<SeriesSet> sources = List.of(steps("a", "q", at, 10, 50, 200), steps("b", "r", at + S, 3, 1, 200),
        steps("c", "s", at, 100, 300, 200), steps("d", "u", T0 + 40 * S, 5, 9, 200));

    CommonMoment m = finder.best(sources);

    assertEquals(3, m.sourcesShowing());
    assertEquals(4, m.sourcesTotal());
    assertTrue(Math.abs(m.timeNanos() - at) <= S, TimeUnits.format(m.timeNanos()));
    CommonMomentEvidence a = m.evidence().stream().filter(e -> e.source().equals("a")).findFirst().orElseThrow();
    assertEquals(at, a.changeNanos());
    assertEquals(10, a.before(), 0.2);
    assertEquals(50, a.after(), 0.2);
  }

  @Test
  void sourcesWithoutChangeHaveNoMoment() {
    assertNull(finder.best(List.of(steps("flat", "x", T0 + 1000 * S, 1, 1, 100))));
  }

  @Test
  void theDemoIncidentsSurgeIsAMomentAllThreeSourcesShow() throws Exception {
    JsonNode truth = new ObjectMapper().readTree(LabSources.DEMO.resolve("truth.json").toFile());
    long outage = truth.path("outage").path("startNs").asLong();
    ExportImporter importer = new ExportImporter();
    SeriesSet capture = LabSources.capture("127.0.0.100");
    SeriesSet unbound = importer.importFile(LabSources.DEMO.resolve("unbound-stats.txt"), ImportOptions.defaults()).series();
    SeriesSet pdns = importer.importFile(LabSources.DEMO.resolve("pdns-carbon.txt"), ImportOptions.defaults()).series();

    List<CommonMoment> moments = finder.find(List.of(capture, unbound, pdns), 5);

    // The clients' retries start within a few seconds of the servers going dark.
    CommonMoment surge = moments.stream().filter(m -> m.timeNanos() >= outage && m.timeNanos() <= outage + 5 * S).findFirst()
        .orElseThrow(() -> new AssertionError(moments.toString()));
    assertEquals(3, surge.sourcesShowing(), surge.toString());
    // The lab's load starting, 2 s into every source, is a change of all three too, but no incident: the first answer is in the
    // incident (the outage, or the clients' retries and the servers' return in the seconds after it).
    long end = truth.path("outage").path("endNs").asLong();
    assertTrue(moments.get(0).timeNanos() >= outage && moments.get(0).timeNanos() <= end + 5 * S,
        moments.stream().map(m -> TimeUnits.format(m.timeNanos())).toList().toString());
  }

  /** Every source changing where the recordings begin (the traffic starting) ranks after a change within them, but is still found. */
  @Test
  void changesWhereTheRecordingsBeginComeAfterChangesWithinThem() {
    long startUp = T0 + 2 * S;
    long within = T0 + 100 * S;
    List<SeriesSet> sources = List.of(twoSteps("a", "q", startUp, within, 0, 60, 80), twoSteps("b", "r", startUp, within, 0, 45, 60),
        twoSteps("c", "s", startUp, within, 0, 150, 200));

    List<CommonMoment> moments = finder.find(sources, 5);

    assertEquals(2, moments.size(), moments.toString());
    assertTrue(Math.abs(moments.get(0).timeNanos() - within) <= S, TimeUnits.format(moments.get(0).timeNanos()));
    assertTrue(Math.abs(moments.get(1).timeNanos() - startUp) <= S, TimeUnits.format(moments.get(1).timeNanos()));
    assertTrue(moments.get(1).evidence().stream().mapToDouble(CommonMomentEvidence::score).sum()
        > moments.get(0).evidence().stream().mapToDouble(CommonMomentEvidence::score).sum(), "the start is the bigger change, yet second");
  }

  /** A series of {@code seconds} 1 s samples: {@code first} until {@code at1}, {@code second} until {@code at2}, {@code third} after. */
  private static SeriesSet twoSteps(String source, String metric, long at1, long at2, double first, double second, double third) {
    SampleSeriesWriter w = new SampleSeriesWriter(MetricId.of(metric), Unit.PER_SECOND, S, LabelConvention.START, Consolidation.AVERAGE);
    for (int i = 0; i < 200; i++) {
      long t = T0 + i * S;
      w.add(t, (t < at1 ? first : t < at2 ? second : third) + (i % 3) * 0.1);
    }
    return SeriesSet.of(source, List.of(w.publish()));
  }
}
