package org.dnsseismograph.analysis;

import static org.dnsseismograph.analysis.Pipeline.MS;
import static org.dnsseismograph.analysis.Pipeline.S;
import static org.dnsseismograph.analysis.Pipeline.T0;
import static org.dnsseismograph.analysis.Pipeline.column;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.SeriesTable;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.series.Unit;
import org.dnsseismograph.traffic.CraftedMessage;
import org.dnsseismograph.traffic.Outcome;
import org.dnsseismograph.traffic.Side;
import org.dnsseismograph.traffic.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MetricAggregatorTest {

  @Test
  void messagesCountInTheBucketOfTheirCaptureTimeAndABoundaryPacketOpensTheNextBucket() {
    Pipeline p = Pipeline.step(S).query(T0, 1).query(T0 + S - 1, 2).query(T0 + S, 3).query(T0 + 2 * S + 500 * MS, 4).finish();

    SeriesTable t = p.table("dns.queries");
    assertEquals(T0, t.originNanos());
    assertArrayEquals(new double[] {2, 1, 1}, column(t, "dns.queries"));
  }

  @Test
  void bucketsStartOnWholeUtcSecondsNotAtTheFirstPacket() {
    SeriesTable t = Pipeline.step(S).query(T0 + 730 * MS, 1).finish().table("dns.queries");

    assertEquals("2010-02-01T20:49:10.000Z", TimeUnits.format(t.originNanos()));
  }

  @ParameterizedTest(name = "step {0}: first bucket {1}")
  @CsvSource(textBlock = """
      7s,    2010-02-01T20:49:06.000Z
      1ms,   2010-02-01T20:49:10.730Z
      3ms,   2010-02-01T20:49:10.728Z
      250ms, 2010-02-01T20:49:10.500Z
      1min,  2010-02-01T20:49:00.000Z
      1h,    2010-02-01T20:00:00.000Z
      """)
  void oddStepsAlignToMultiplesOfTheStepSinceTheEpoch(String step, String expectedStart) {
    // 1265057350.730 s: / 7 s = 180722478.6 -> 1265057346 s = 20:49:06; / 3 ms = 421685783576.6 -> .728
    SeriesTable t = Pipeline.step(TimeUnits.parseDuration(step)).query(T0 + 730 * MS, 1).finish().table("dns.queries");

    assertEquals(expectedStart, TimeUnits.format(t.originNanos()));
    assertArrayEquals(new double[] {1}, column(t, "dns.queries"));
  }

  @Test
  void oneMillisecondBucketsSplitOnTheMillisecond() {
    Pipeline p = Pipeline.step(MS).query(T0 + 500_000, 1).query(T0 + 999_999, 2).query(T0 + MS, 3).query(T0 + 3 * MS, 4).finish();

    assertArrayEquals(new double[] {2, 1, 0, 1}, column(p.table("dns.queries"), "dns.queries"));
  }

  @Test
  void timesBeforeTheEpochFloorToTheEarlierBucket() {
    SeriesTable t = Pipeline.step(S).query(-1, 1).query(0, 2).finish().table("dns.queries");

    assertEquals("1969-12-31T23:59:59.000Z", TimeUnits.format(t.originNanos()));
    assertArrayEquals(new double[] {1, 1}, column(t, "dns.queries"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1s", "0s", "999999ns", "1500us", "2.5ms"})
  void stepsThatAreNotWholePositiveMillisecondsAreRejected(String step) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AggregatorConfig.of(TimeUnits.parseDuration(step)));
    assertTrue(e.getMessage().contains("whole number of milliseconds"), e.getMessage());
  }

  @Test
  void responsesAndRcodesCountAtResponseTime() {
    Pipeline p = Pipeline.step(S);
    p.query(T0, 1).response(T0 + 10 * MS, 1, 0);
    p.query(T0, 2).response(T0 + 20 * MS, 2, 3);
    p.query(T0 + 900 * MS, 3).response(T0 + S + 100 * MS, 3, 2);
    p.query(T0 + 900 * MS, 4).response(T0 + S + 200 * MS, 4, 0);
    p.finish();

    SeriesTable t = p.table("dns.responses", "dns.rcode.NOERROR", "dns.rcode.NXDOMAIN", "dns.rcode.SERVFAIL", "dns.rcode.REFUSED");
    assertArrayEquals(new double[] {2, 2}, column(t, "dns.responses"));
    assertArrayEquals(new double[] {1, 1}, column(t, "dns.rcode.NOERROR"));
    assertArrayEquals(new double[] {1, 0}, column(t, "dns.rcode.NXDOMAIN"));
    assertArrayEquals(new double[] {0, 1}, column(t, "dns.rcode.SERVFAIL"));
    assertArrayEquals(new double[] {0, 0}, column(t, "dns.rcode.REFUSED"), "an rcode never seen is 0, not missing");
  }

  @Test
  void extendedRcodesAreNamedByTheInjectedNamer() {
    Pipeline p = Pipeline.step(S).response(T0, 1, 16).response(T0, 2, 23).finish();

    assertTrue(p.aggregator.availableMetrics().containsAll(List.of(MetricId.of("dns.rcode.BADVERS"), MetricId.of("dns.rcode.RCODE23"))));
    assertArrayEquals(new double[] {1}, column(p.table("dns.rcode.RCODE23"), "dns.rcode.RCODE23"));
  }

  @Test
  void truncatedCountsResponsesWithTc() {
    Pipeline p = Pipeline.step(S);
    p.offer(CraftedMessage.response(T0, "198.51.100.1", 53, "192.0.2.10", 1000, 1, "a.example", 1, 0).truncated());
    p.offer(CraftedMessage.response(T0 + 10 * MS, "198.51.100.1", 53, "192.0.2.10", 1001, 2, "a.example", 1, 0));
    p.offer(CraftedMessage.query(T0 + 20 * MS, "192.0.2.10", 1002, "198.51.100.1", 53, 3, "a.example", 1).truncated());
    p.finish();

    assertArrayEquals(new double[] {1}, column(p.table("dns.truncated"), "dns.truncated"), "TC on a query does not count");
  }

  @Test
  void unansweredCountsAtTheQueryTimeOnceTheTimeoutHasPassed() {
    Pipeline p = Pipeline.step(S).query(T0 + 200 * MS, 1).query(T0 + 2 * S, 2).response(T0 + 2 * S + 5 * MS, 2, 0);
    assertArrayEquals(new double[] {0, 0, 0}, column(p.table("dns.unanswered"), "dns.unanswered"), "not yet timed out");

    p.query(T0 + 3 * S + 200 * MS, 3);
    assertArrayEquals(new double[] {0, 0, 0, 0}, column(p.table("dns.unanswered"), "dns.unanswered"), "exactly at the deadline");

    p.query(T0 + 3 * S + 200 * MS + 1, 4);
    assertArrayEquals(new double[] {1, 0, 0, 0}, column(p.table("dns.unanswered"), "dns.unanswered"), "filed under the query's second");
  }

  @Test
  void queriesPendingAtTheEndAreUnanswered() {
    SeriesTable t = Pipeline.step(S).query(T0, 1).query(T0 + S, 2).response(T0 + S + MS, 2, 0).query(T0 + S + 2 * MS, 3).finish().table("dns.unanswered");

    assertArrayEquals(new double[] {1, 1}, column(t, "dns.unanswered"));
  }

  @Test
  void latencyPercentilesAreNearestRankOfTheQueriesSentInTheBucket() {
    Pipeline p = Pipeline.step(S);
    // Bucket 0: 40, 10, 30, 20 ms. Nearest rank of 4 values: p50 rank 2 = 20, p90 rank 4 = 40, p99 rank 4 = 40.
    p.query(T0, 1).query(T0 + 1, 2).query(T0 + 2, 3).query(T0 + 3, 4);
    p.response(T0 + 10 * MS + 1, 2, 0).response(T0 + 20 * MS + 3, 4, 0).response(T0 + 30 * MS + 2, 3, 0).response(T0 + 40 * MS, 1, 0);
    // Bucket 1 has a query that is never answered; bucket 2 one sent at 2.990 s answered at 3.015 s,
    // which is filed under bucket 2 and leaves bucket 3 (its response's) without a latency.
    p.query(T0 + S, 5).query(T0 + 2 * S + 990 * MS, 6).response(T0 + 3 * S + 15 * MS, 6, 0).finish();

    SeriesTable t = p.table("dns.latency.p50", "dns.latency.p90", "dns.latency.p99", "dns.latency.max");
    assertEquals(4, t.rowCount(), "the last row is the bucket of the last response");
    assertLatency(new double[] {20, Double.NaN, 25, Double.NaN}, column(t, "dns.latency.p50"));
    assertLatency(new double[] {40, Double.NaN, 25, Double.NaN}, column(t, "dns.latency.p90"));
    assertLatency(new double[] {40, Double.NaN, 25, Double.NaN}, column(t, "dns.latency.p99"));
    assertArrayEquals(new double[] {40, Double.NaN, 25, Double.NaN}, column(t, "dns.latency.max"), "max is exact");
    assertEquals(Unit.MILLISECONDS, t.columns().get(0).unit());
  }

  private static void assertLatency(double[] expected, double[] actual) {
    for (int i = 0; i < actual.length; i++) {
      if (Double.isNaN(expected[i])) {
        assertTrue(Double.isNaN(actual[i]), "row " + i + " should be a gap, was " + actual[i]);
      } else {
        assertEquals(expected[i], actual[i], expected[i] / 1024, "row " + i);
      }
    }
  }

  @Test
  void packetsSkippedCountsReaderSkipsAtTheirTime() {
    Pipeline p = Pipeline.step(S).query(T0, 1);
    p.dispatcher.onSkipped(T0 + 10 * MS);
    p.dispatcher.onSkipped(T0 + 2 * S);
    p.finish();

    assertArrayEquals(new double[] {1, 0, 1}, column(p.table("packets.skipped"), "packets.skipped"));
  }

  @Test
  void windowKeepsOnlyItsBucketsEvenWhenEmpty() {
    AggregatorConfig config = AggregatorConfig.of(S).withWindow(new TimeRange(T0 + S + 500 * MS, T0 + 4 * S));
    Pipeline p = new Pipeline(config);
    p.query(T0, 1).query(T0 + S + 100 * MS, 2).query(T0 + 2 * S, 3).query(T0 + 4 * S, 4).finish();

    SeriesTable t = p.table("dns.queries", "dns.latency.p50");
    assertEquals(T0 + S, t.originNanos(), "the window's first bucket, whole");
    assertArrayEquals(new double[] {1, 1, 0}, column(t, "dns.queries"));
    assertLatency(new double[] {Double.NaN, Double.NaN, Double.NaN}, column(t, "dns.latency.p50"));
  }

  @Test
  void anOpenWindowEndFollowsTheData() {
    Pipeline from = new Pipeline(AggregatorConfig.of(S).withWindow(new TimeRange(T0 + S, Long.MAX_VALUE)));
    from.query(T0, 1).query(T0 + 2 * S, 2).query(T0 + 4 * S, 3).finish();
    SeriesTable t = from.table("dns.queries");
    assertEquals(T0 + S, t.originNanos());
    assertArrayEquals(new double[] {0, 1, 0, 1}, column(t, "dns.queries"));

    Pipeline to = new Pipeline(AggregatorConfig.of(S).withWindow(new TimeRange(Long.MIN_VALUE, T0 + 3 * S)));
    to.query(T0, 1).query(T0 + 2 * S, 2).query(T0 + 4 * S, 3).finish();
    t = to.table("dns.queries");
    assertEquals(T0, t.originNanos());
    assertArrayEquals(new double[] {1, 0, 1}, column(t, "dns.queries"));
  }

  @Test
  void unknownMetricNamesAreRejectedWithTheKnownOnes() {
    Pipeline p = Pipeline.step(S);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.aggregator.resolve(List.of("dns.queries", "dns.querys")));

    assertTrue(e.getMessage().contains("'dns.querys'"), e.getMessage());
    for (String known : List.of("dns.queries", "dns.responses", "dns.rcode.<NAME>", "dns.unanswered", "dns.truncated", "dns.latency.p50", "dns.latency.p90",
        "dns.latency.p99", "dns.latency.max", "packets.skipped")) {
      assertTrue(e.getMessage().contains(known), known + " missing from: " + e.getMessage());
    }
  }

  @Test
  void unknownRcodeNamesAreRejectedAndKnownOnesCanonicalized() {
    Pipeline p = Pipeline.step(S);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.aggregator.resolve(List.of("dns.rcode.NOPE")));

    assertTrue(e.getMessage().contains("NOPE"), e.getMessage());
    assertEquals(List.of(MetricId.of("dns.rcode.SERVFAIL")), p.aggregator.resolve(List.of("dns.rcode.servfail")));
  }

  @Test
  void allMetricsComeInDisplayOrderWithSeenRcodes() {
    Pipeline p = Pipeline.step(S).query(T0, 1).response(T0 + MS, 1, 3).response(T0 + MS, 9, 0).finish();

    assertEquals(List.of("dns.queries", "dns.responses", "dns.rcode.NOERROR", "dns.rcode.NXDOMAIN", "dns.truncated", "dns.unanswered", "dns.latency.p50",
        "dns.latency.p90", "dns.latency.p99", "dns.latency.max", "packets.skipped"), p.aggregator.table().metrics().stream().map(MetricId::name).toList());
  }

  @Test
  void anEmptyInputGivesAnEmptyTable() {
    SeriesTable t = Pipeline.step(S).finish().table("dns.queries");

    assertEquals(0, t.rowCount());
    assertEquals(List.of(MetricId.of("dns.queries")), t.metrics());
  }

  @Test
  void tooManyBucketsIsRefusedWithAWayOut() {
    Pipeline p = new Pipeline(AggregatorConfig.of(MS).withMaxBuckets(5000)).query(T0, 1).query(T0 + 10 * S, 2).finish();

    TooManyBucketsException e = assertThrows(TooManyBucketsException.class, () -> p.table("dns.queries"));
    assertTrue(e.getMessage().contains("10001 buckets") && e.getMessage().contains("--from/--to"), e.getMessage());
    assertEquals(10001, e.buckets());
    assertEquals(5000, e.limit());
    assertEquals(MS, e.stepNanos());
    assertEquals(T0 - T0 % MS, e.fromNanos());
    assertEquals(T0 - T0 % MS + 10001 * MS, e.toNanos());
  }

  @Test
  void eventsThatWouldNeedMoreChunksThanTheLimitAreDroppedAndCounted() {
    // A limit of 1 bucket allows two chunks of 1024 buckets; the third far-away query is dropped
    // twice: as a query message, and as the unanswered transaction it becomes at the end.
    Pipeline p = new Pipeline(AggregatorConfig.of(S).withMaxBuckets(1)).query(T0, 1).query(T0 + 5000 * S, 2).query(T0 + 9000 * S, 3).finish();

    assertEquals(2, p.aggregator.stats().eventsOverLimit());
  }

  @Test
  void aLatencyArrivingAfterItsBucketClosedIsDroppedAndCounted() {
    MetricAggregator agg = new MetricAggregator(AggregatorConfig.of(S).withLatencyHorizon(S), Rcodes::name, Rcodes::number);
    MessageFacts m = new MessageFacts();
    m.timeNanos = T0 + 100 * S;
    agg.onMessage(m);
    Transaction t = new Transaction();
    t.outcome = Outcome.ANSWERED;
    t.queryTimeNanos = T0;
    t.latencyNanos = 5 * MS;
    agg.onTransaction(t);

    assertEquals(1, agg.stats().lateLatencySamples());
  }

  @Test
  void openLatencyBucketsAreAnsweredBeforeTheyClose() {
    Pipeline p = Pipeline.step(S).query(T0, 1).response(T0 + 7 * MS, 1, 0);

    assertEquals(7.0, column(p.table("dns.latency.max"), "dns.latency.max")[0]);
  }

  @Test
  void anObserverAddedWhileNothingClassifiesHearsEveryLaterEventOnTheOtherSide() {
    MetricAggregator agg = new MetricAggregator(AggregatorConfig.of(S).withLatencyHorizon(S), Rcodes::name, Rcodes::number);
    MessageFacts m = new MessageFacts();
    m.timeNanos = T0;
    agg.onMessage(m);
    List<String> heard = new ArrayList<>();
    agg.observe(new TrafficObserver() {
      @Override
      public void onMessage(MessageFacts f) {
        heard.add("message " + f.side);
      }

      @Override
      public void onTransaction(Transaction t, Side side) {
        heard.add("transaction " + side);
      }
    });
    // A side left on the facts by someone else is put back to OTHER, as when nothing classifies.
    m.side = Side.CLIENT;
    m.timeNanos = T0 + MS;
    agg.onMessage(m);
    Transaction t = new Transaction();
    t.outcome = Outcome.ANSWERED;
    t.queryTimeNanos = T0;
    t.latencyNanos = MS;
    agg.onTransaction(t);

    assertEquals(List.of("message OTHER", "transaction OTHER"), heard);
    assertEquals(Side.OTHER, m.side);
  }
}
