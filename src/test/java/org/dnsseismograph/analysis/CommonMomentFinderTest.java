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
  }
}
