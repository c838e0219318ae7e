package org.dnsseismograph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.dns.RcodeNames;
import org.dnsseismograph.series.ColumnBuffer;
import org.dnsseismograph.series.EventSeries;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.ResolvableSeries;
import org.dnsseismograph.series.SampleSeries;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.testsupport.Captures;
import org.dnsseismograph.traffic.MatcherConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The window's series recorded beside the pass are the series recorded on it: every metric of
 * every family, over a real capture, published midway and at the end, event for event and sample
 * for sample.
 */
class BesideRecordersTest {
  private static final long S = TimeUnits.NANOS_PER_SECOND;

  /** At least: the demo's 78,547 messages give 76 ticks, so 25 publications midway and the last one. */
  @ParameterizedTest
  @CsvSource(textBlock = """
      assets/demo/capture.pcap.gz,       26
      pktvisor-dns_udp_tcp_random.pcap,  1
      dnscap-dnso1tcp.pcap,              1
      """)
  void seriesRecordedBesideThePassAreThoseRecordedOnIt(String name, int publications) throws IOException {
    Path file = name.startsWith("assets/") ? Path.of(name) : Captures.file(name);
    List<SeriesSet> here = load(file, false);
    List<SeriesSet> beside = load(file, true);
    assertTrue(here.size() >= publications, "publications: " + here.size());
    assertEquals(here.size(), beside.size(), "publications");
    int series = 0;
    for (int p = 0; p < here.size(); p++) {
      assertEquals(here.get(p).ids(), beside.get(p).ids(), "metrics of publication " + p);
      for (MetricId id : here.get(p).ids()) {
        assertSame(here.get(p).get(id), beside.get(p).get(id), name + " " + id + " in publication " + p);
        series++;
      }
    }
    assertTrue(series >= 20 * publications, "compared " + series);
  }

  /** Every pass publishes at every third tick of the pipeline and at the end, as the loader does on its clock. */
  private static List<SeriesSet> load(Path file, boolean beside) throws IOException {
    MetricAggregator aggregator = MetricAggregator.forSeries(SeriesSinkConfig.forTimeout(3 * S), RcodeNames::name, CaptureSeries::rcodeNumber, beside);
    RoleFamilies.register(aggregator, RoleFamilies.classifier(List.of(file), Captures.optionsFor(file), List.of(), Progress.NONE));
    CapturePipeline pipeline = new CapturePipeline(MatcherConfig.defaults().withTimeout(3 * S), aggregator, null);
    List<SeriesSet> published = new ArrayList<>();
    int[] ticks = {0};
    pipeline.run(List.of(file), Captures.optionsFor(file), Progress.NONE, () -> {
      if (++ticks[0] % 3 == 0) {
        published.add(aggregator.publishSeries("x"));
      }
    });
    published.add(aggregator.finishedSeries("x"));
    return published;
  }

  private static void assertSame(ResolvableSeries a, ResolvableSeries b, String what) {
    assertEquals(a.getClass(), b.getClass(), what);
    assertEquals(a.extent(), b.extent(), what);
    if (a instanceof SampleSeries x) {
      SampleSeries y = (SampleSeries) b;
      assertEquals(x.size(), y.size(), what);
      for (int i = 0; i < x.size(); i++) {
        assertEquals(x.start(i), y.start(i), what);
        assertEquals(x.end(i), y.end(i), what);
        assertEquals(Double.doubleToLongBits(x.value(i)), Double.doubleToLongBits(y.value(i)), what + " sample " + i);
      }
    } else if (a instanceof EventSeries x && !a.isEmpty()) {
      EventSeries y = (EventSeries) b;
      assertEquals(x.events(), y.events(), what);
      assertEquals(x.lateDropped(), y.lateDropped(), what);
      TimeRange extent = a.extent();
      int columns = (int) Math.min(200_000, Math.max(1, extent.durationNanos() / TimeUnits.NANOS_PER_MILLI));
      ColumnBuffer cx = new ColumnBuffer(columns);
      ColumnBuffer cy = new ColumnBuffer(columns);
      x.reduce(extent, columns, cx);
      y.reduce(extent, columns, cy);
      for (int i = 0; i < columns; i++) {
        assertEquals(cx.count(i), cy.count(i), what + " column " + i);
      }
    }
  }
}
