package org.dnsseismograph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dnsseismograph.common.CancelledException;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.common.RecordingProgress;
import org.dnsseismograph.series.ColumnBuffer;
import org.dnsseismograph.series.Coverage;
import org.dnsseismograph.series.EventSeries;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.ResolvableSeries;
import org.dnsseismograph.series.SampleSeries;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.series.SeriesTable;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.testsupport.Captures;
import org.dnsseismograph.wire.DecodeOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CaptureLoaderTest {
  private static final long S = TimeUnits.NANOS_PER_SECOND;
  private static final long MS = TimeUnits.NANOS_PER_MILLI;
  static final Path DEMO = Path.of("assets/demo/capture.pcap.gz");

  private static LoadRequest request(Path file) {
    return new LoadRequest(List.of(file), Captures.optionsFor(file), 3 * S);
  }

  /** The same capture through {@code seismograph series}' table (equal to tshark's counts, see the parity test). */
  private static SeriesTable table(Path file, List<String> metrics, TimeRange window) throws IOException {
    return CaptureSeries.compute(new SeriesRequest(List.of(file), Captures.optionsFor(file), metrics, S, window, 3 * S), Progress.NONE).table();
  }

  @ParameterizedTest
  @ValueSource(strings = {"pktvisor-dns_udp_tcp_random.pcap", "pcapplusplus-DnsPackets.pcap", "dnscap-dnso1tcp.pcap"})
  void everySecondOfTheCountSeriesHoldsWhatTheTableCounts(String name) throws IOException {
    Path file = Captures.file(name);
    SeriesSet series = new CaptureLoader(request(file)).load(Progress.NONE, s -> {}).snapshot().series();
    TimeRange extent = series.extent();
    TimeRange seconds = new TimeRange(Math.floorDiv(extent.startNanos(), S) * S, Math.floorDiv(extent.endNanos() - 1, S) * S + S);
    long decidedEnd = ((EventSeries) series.get(MetricId.of("dns.queries"))).coverage().extent().endNanos() - 3 * S;
    List<String> metrics = List.of("dns.queries", "dns.responses", "dns.rcode.NOERROR", "dns.rcode.NXDOMAIN", "dns.unanswered");
    SeriesTable table = table(file, metrics, seconds);
    int columns = table.rowCount();
    for (String metric : metrics) {
      double[] expected = table.columnValues(table.indexOf(MetricId.of(metric)));
      ResolvableSeries s = series.get(MetricId.of(metric));
      if (s == null) {
        assertEquals(0, java.util.Arrays.stream(expected).sum(), metric + ": an rcode never seen has no series");
        continue;
      }
      ColumnBuffer out = new ColumnBuffer(columns);
      s.reduce(seconds, columns, out);
      for (int i = 0; i < columns; i++) {
        if (CountGrid.DECIDED_LATE.contains(metric) && out.columnEnd(i) > decidedEnd) {
          // the table counts the queries still waiting at the end; the window leaves them unknown
          assertEquals(out.columnStart(i) >= decidedEnd, !out.hasData(i), metric + " in second " + TimeUnits.format(out.columnStart(i)));
          continue;
        }
        assertEquals(expected[i], out.count(i), metric + " in second " + TimeUnits.format(out.columnStart(i)));
      }
    }
  }

  /** The demo: the lab's resolver with its clients and its authoritative servers, stopped mid-traffic. */
  @Test
  void unansweredQueriesAreUnknownInTheLastTimeoutAndAnswerRatiosEndBeforeIt() throws IOException {
    LoadResult r = new CaptureLoader(request(DEMO)).load(Progress.NONE, s -> {});
    SeriesSet series = r.snapshot().series();
    EventSeries queries = (EventSeries) series.get(MetricId.of("dns.queries"));
    long end = queries.coverage().extent().endNanos();
    assertTrue(end <= r.scan().lastTimestampNanos() + 1, "queries are known up to the last DNS message");
    long decidedEnd = end - 3 * S;
    for (String metric : CountGrid.DECIDED_LATE) {
      EventSeries unanswered = (EventSeries) series.get(MetricId.of(metric));
      assertEquals(decidedEnd, unanswered.coverage().extent().endNanos(), metric + " is known up to a timeout before that");
      assertEquals(queries.coverage().extent().startNanos(), unanswered.coverage().extent().startNanos(), metric);
      assertEquals(Coverage.of(new TimeRange(decidedEnd, end)), unanswered.undecided(), metric + ": the rest was observed, but is undecided");
    }
    assertEquals(Coverage.NONE, queries.undecided(), "a query is counted when it is seen");
    long ratios = 0;
    for (MetricId id : series.ids()) {
      if (id.name().endsWith(".answer_ratio")) {
        SampleSeries ratio = (SampleSeries) series.get(id);
        for (int i = 0; i < ratio.size(); i++) {
          assertTrue(ratio.end(i) <= decidedEnd, id + " has a sample ending at " + TimeUnits.format(ratio.end(i)));
          ratios++;
        }
        // its last bucket, cut by the decided end, is left out whole
        long bucketStart = Math.floorDiv(decidedEnd, ratio.stepNanos()) * ratio.stepNanos();
        assertEquals(Coverage.of(new TimeRange(bucketStart, end)), ratio.undecided(), id.name());
      }
    }
    assertTrue(ratios > 0, "the capture has answer ratios to check");
  }

  /**
   * A latency column without a sample inside the capture had nothing answered in it: observed, not a
   * gap; in the last timeout it is undecided (its answers may have come after the capture stopped),
   * and past the capture's end unobserved.
   */
  @Test
  void aLatencyColumnWithoutAnAnswerIsQuietInsideTheCaptureAndUnobservedAfterIt() throws IOException {
    SeriesSet series = new CaptureLoader(request(DEMO)).load(Progress.NONE, s -> {}).snapshot().series();
    TimeRange captured = ((EventSeries) series.get(MetricId.of("dns.queries"))).coverage().extent();
    long decidedEnd = captured.endNanos() - 3 * S;
    TimeRange view = new TimeRange(captured.startNanos() - S, captured.endNanos() + S);
    int columns = (int) (view.durationNanos() / (10 * MS));
    int quiet = 0;
    int latencySeries = 0;
    for (MetricId id : series.ids()) {
      if (!id.name().endsWith(".latency.p50")) {
        continue;
      }
      latencySeries++;
      ColumnBuffer out = new ColumnBuffer();
      series.get(id).reduce(view, columns, out);
      for (int i = 0; i < columns; i++) {
        String at = id + " at " + TimeUnits.format(out.columnStart(i));
        if (out.hasData(i)) {
          assertFalse(out.isQuiet(i) || out.isUndecided(i), at);
        } else if (out.columnStart(i) >= captured.startNanos() && out.columnEnd(i) <= decidedEnd) {
          assertTrue(out.isQuiet(i), "observed, nothing answered: " + at);
          quiet++;
        } else if (out.columnStart(i) >= decidedEnd && out.columnEnd(i) <= captured.endNanos()) {
          assertTrue(out.isUndecided(i) && !out.isQuiet(i), "undecided: " + at);
        } else if (out.columnStart(i) >= captured.endNanos() || out.columnEnd(i) <= captured.startNanos()) {
          assertFalse(out.isQuiet(i) || out.isUndecided(i), "unobserved: " + at);
        }
      }
    }
    assertTrue(latencySeries >= 2, "the client side's and the upstream side's");
    assertTrue(quiet > 100, "10 ms columns without an answer in them: " + quiet);
  }

  /** What the window's columns say at the end of the demo: data, then undecided, then (past the capture) unobserved. */
  @Test
  void theColumnsOfTheLastTimeoutAreUndecidedAndThoseAfterTheCaptureUnobserved() throws IOException {
    SeriesSet series = new CaptureLoader(request(DEMO)).load(Progress.NONE, s -> {}).snapshot().series();
    long end = ((EventSeries) series.get(MetricId.of("dns.queries"))).coverage().extent().endNanos();
    long decidedEnd = end - 3 * S;
    long from = Math.floorDiv(end, S) * S - 10 * S;
    TimeRange view = new TimeRange(from, from + 20 * S);
    ColumnBuffer out = new ColumnBuffer();
    series.get(MetricId.of("dns.unanswered")).reduce(view, 200, out);
    int undecided = 0;
    for (int i = 0; i < 200; i++) {
      String at = TimeUnits.format(out.columnStart(i));
      if (out.columnEnd(i) <= decidedEnd) {
        assertTrue(out.hasData(i) && !out.isUndecided(i), "decided at " + at);
      } else if (out.columnStart(i) >= decidedEnd && out.columnStart(i) < end) {
        assertTrue(out.isUndecided(i), "undecided at " + at);
        undecided++;
      } else if (out.columnStart(i) >= end) {
        assertTrue(!out.hasData(i) && !out.isUndecided(i), "unobserved at " + at);
      }
    }
    assertTrue(undecided >= 29, "3 s of 100 ms columns, less the one cut: " + undecided);
  }

  @Test
  void countsAreEventSeriesAndLatenciesAreMillisecondSamplesAtTheFineStep() throws IOException {
    SeriesSet series = new CaptureLoader(request(DEMO)).load(Progress.NONE, s -> {}).snapshot().series();

    assertTrue(series.get(MetricId.of("dns.queries")) instanceof EventSeries);
    SampleSeries p50 = (SampleSeries) series.get(MetricId.of("dns.latency.p50"));
    assertEquals(100 * TimeUnits.NANOS_PER_MILLI, p50.stepNanos());
    assertEquals(0, series.get(MetricId.of("dns.queries")).coarsestStepIn(series.extent()), "exact event times are kept");
  }

  /**
   * Sampled series hold, sample for sample, what a table of the same step holds: latency
   * percentiles at 100 ms, distinct client sources and a server's answer ratio at 1 s.
   */
  @ParameterizedTest
  @CsvSource(textBlock = """
      dns.latency.p50, 100
      client.latency.p99, 100
      upstream.latency.max, 100
      client.sources, 1000
      upstream.server.127.0.0.21.answer_ratio, 1000
      upstream.zone.example.test.answer_ratio, 1000
      """)
  void sampledSeriesHoldWhatATableOfTheirStepHolds(String metric, long stepMillis) throws IOException {
    SampleSeries series = (SampleSeries) new CaptureLoader(request(DEMO)).load(Progress.NONE, s -> {}).snapshot().series().get(MetricId.of(metric));
    long step = stepMillis * TimeUnits.NANOS_PER_MILLI;
    SeriesTable table = CaptureSeries.compute(new SeriesRequest(List.of(DEMO), DecodeOptions.defaults(), List.of(metric), step, null, 3 * S),
        Progress.NONE).table();

    int compared = 0;
    for (int i = 0; i < series.size(); i++) {
      assertEquals(step, series.end(i) - series.start(i), "one sample per step");
      int row = (int) ((series.start(i) - table.originNanos()) / step);
      double expected = table.value(0, row);
      if (Double.isNaN(expected)) {
        assertTrue(Double.isNaN(series.value(i)), metric + " at " + TimeUnits.format(series.start(i)));
      } else {
        assertEquals(expected, series.value(i), 1e-9, metric + " at " + TimeUnits.format(series.start(i)));
        compared++;
      }
    }
    assertTrue(compared > 50, "compared " + compared);
  }

  @Test
  void partialSnapshotsGrowTowardsTheCompleteOne() throws IOException {
    CaptureLoader loader = new CaptureLoader(request(DEMO), 0);
    List<LoadSnapshot> seen = new ArrayList<>();
    LoadResult result = loader.load(Progress.NONE, seen::add);

    assertTrue(seen.size() > 10, "a snapshot every 1024 messages: " + seen.size());
    LoadSnapshot last = seen.get(seen.size() - 1);
    assertTrue(last.complete());
    assertSame(last, result.snapshot());
    assertSame(last, loader.latest());
    long previousMessages = -1;
    long previousRows = -1;
    double previousQueries = -1;
    for (LoadSnapshot s : seen.subList(0, seen.size() - 1)) {
      assertTrue(!s.complete());
      assertTrue(s.dispatch().messages() > previousMessages);
      assertTrue(s.transactions().size() >= previousRows);
      double queries = ((EventSeries) s.series().get(MetricId.of("dns.queries"))).events();
      assertTrue(queries >= previousQueries);
      previousMessages = s.dispatch().messages();
      previousRows = s.transactions().size();
      previousQueries = queries;
    }
    assertEquals(result.scan().dnsMessages(), last.dispatch().messages());
    assertEquals(result.scan().bytes(), last.bytesDone());
    assertEquals(last.dispatch().queries(), ((EventSeries) last.series().get(MetricId.of("dns.queries"))).events());
    assertEquals(last.dispatch().matcher().queries() + last.dispatch().matcher().unsolicitedResponses() + last.dispatch().matcher().lateResponses(),
        last.transactions().size(), "every query and every lone response is a transaction");
  }

  @Test
  void cancellingEndsTheLoadAndKeepsTheLastSnapshot() {
    CaptureLoader loader = new CaptureLoader(request(DEMO), 0);
    List<LoadSnapshot> seen = new ArrayList<>();
    Progress cancelAfterFirstMegabyte = new RecordingProgress((done, total) -> done > 0);

    assertThrows(CancelledException.class, () -> loader.load(cancelAfterFirstMegabyte, seen::add));
    assertTrue(!seen.isEmpty() && !loader.latest().complete());
    assertTrue(loader.latest().bytesDone() < loader.latest().bytesTotal());
  }

  @Test
  void aLoaderLoadsOnce() throws IOException {
    CaptureLoader loader = new CaptureLoader(request(Captures.file("dnscap-edns.pcap")));
    loader.load(Progress.NONE, s -> {});

    assertThrows(IllegalStateException.class, () -> loader.load(Progress.NONE, s -> {}));
  }

  @Test
  void beforeLoadingTheLatestSnapshotIsEmpty() {
    LoadSnapshot s = new CaptureLoader(new LoadRequest(List.of(DEMO), DecodeOptions.defaults(), 3 * S)).latest();

    assertTrue(s.series().series().isEmpty() && s.transactions().size() == 0 && !s.complete());
  }
}
