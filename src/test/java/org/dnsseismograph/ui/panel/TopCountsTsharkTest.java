package org.dnsseismograph.ui.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.dnsseismograph.analysis.CaptureLoader;
import org.dnsseismograph.analysis.LoadRequest;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.testsupport.Tshark;
import org.dnsseismograph.traffic.Ranked;
import org.dnsseismograph.traffic.TransactionSnapshot;
import org.dnsseismograph.ui.UiFixtures;
import org.dnsseismograph.wire.DecodeOptions;
import org.dnsseismograph.wire.IpAddress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The side panel's sums against tshark (the trusted peer, {@link TsharkTransactions}) on the demo
 * capture, for windows before, during and after the outage, and with the capture shifted on the
 * timeline.
 */
class TopCountsTsharkTest {
  private static final long S = TimeUnits.NANOS_PER_SECOND;
  private static final long TIMEOUT = 3 * S;
  private static final Path DEMO = UiFixtures.demo().resolve("capture.pcap.gz");
  private static TransactionSnapshot transactions;
  private static TsharkTransactions peer;

  @BeforeAll
  static void loadTheCaptureAndAskTshark() throws Exception {
    assumeTrue(Tshark.available(), "tshark is the trusted peer; install it (Debian package tshark)");
    transactions = new CaptureLoader(new LoadRequest(List.of(DEMO), DecodeOptions.defaults(), TIMEOUT)).load(Progress.NONE, s -> {})
        .snapshot().transactions();
    peer = TsharkTransactions.of(DEMO, TIMEOUT);
  }

  private static Map<String, Long> map(List<Ranked<String>> list) {
    Map<String, Long> m = new TreeMap<>();
    list.forEach(e -> m.put(e.key(), e.count()));
    return m;
  }

  @ParameterizedTest(name = "{0} to {1} UTC, timeline shifted by {2} s")
  @CsvSource(textBlock = """
      2026-11-25T19:08:50Z, 2026-11-25T19:09:00Z, 0
      2026-11-25T19:09:15Z, 2026-11-25T19:09:35Z, 0
      2026-11-25T19:09:40Z, 2026-11-25T19:09:41.5Z, 0
      2026-11-25T19:09:15Z, 2026-11-25T19:09:35Z, 37
      """)
  void everyCountOfTheWindowEqualsTsharks(String from, String to, long shiftSeconds) {
    TimeRange window = new TimeRange(TimeUnits.parseInstant(from), TimeUnits.parseInstant(to));
    WindowSummary expected = peer.window(window);
    assertTrue(expected.transactions() > 0, "the window holds traffic");

    WindowSummary ours = TopCounts.of(List.of(new TrafficSource("capture.pcap.gz", transactions, shiftSeconds * S, List.of())),
        window.shift(shiftSeconds * S), Integer.MAX_VALUE, Progress.NONE);

    assertEquals(expected.transactions(), ours.transactions(), "transactions");
    assertEquals(map(expected.qnames()), map(ours.qnames()), "question names");
    assertEquals(map(expected.clients()), map(ours.clients()), "clients");
    assertEquals(map(expected.servers()), map(ours.servers()), "servers");
    assertEquals(map(expected.answers()), map(ours.answers()), "answers");
    assertEquals(expected.qnames().subList(0, 10), ours.qnames().subList(0, 10), "the top ten in order");
  }

  @ParameterizedTest(name = "{0} to {1} UTC")
  @CsvSource(textBlock = """
      2026-11-25T19:08:50Z, 2026-11-25T19:09:00Z
      2026-11-25T19:09:15Z, 2026-11-25T19:09:35Z
      2026-11-25T19:09:40Z, 2026-11-25T19:09:41.5Z
      """)
  void theTopTenAloneAreTsharksTopTenTiesOrderedByName(String from, String to) {
    // Only the ten leading entries and those tied with the tenth get their text made: the lists
    // must still be tshark's, ties broken by name exactly as when every entry is ranked.
    TimeRange window = new TimeRange(TimeUnits.parseInstant(from), TimeUnits.parseInstant(to));
    WindowSummary expected = peer.window(window);
    WindowSummary ours = TopCounts.of(List.of(new TrafficSource("capture.pcap.gz", transactions, 0, List.of())), window, TopCounts.TOP, Progress.NONE);
    assertEquals(first(expected.qnames()), ours.qnames(), "question names");
    assertEquals(first(expected.clients()), ours.clients(), "clients");
    assertEquals(first(expected.servers()), ours.servers(), "servers");
  }

  @Test
  void aSourceThatNoLongerHoldsTheStartOfTheWindowSaysFromWhereItCounted() {
    // A live source drops its oldest transactions: the summary says where, on the timeline's time (shifted by 37 s here).
    TimeRange window = new TimeRange(TimeUnits.parseInstant("2026-11-25T19:09:15Z"), TimeUnits.parseInstant("2026-11-25T19:09:35Z"))
        .shift(37 * S);
    long heldFrom = TimeUnits.parseInstant("2026-11-25T19:09:20Z");
    WindowSummary cut = TopCounts.of(List.of(new TrafficSource("lo", transactions, 37 * S, List.of(), heldFrom)), window, TopCounts.TOP,
        Progress.NONE);
    assertTrue(cut.cutShort());
    assertEquals(heldFrom + 37 * S, cut.countedFromNanos());

    WindowSummary whole = TopCounts.of(List.of(new TrafficSource("lo", transactions, 37 * S, List.of(), heldFrom - 10 * S)), window, TopCounts.TOP,
        Progress.NONE);
    assertTrue(!whole.cutShort(), "held from before the window: all of it was counted");
    assertEquals(Long.MIN_VALUE, whole.countedFromNanos());
  }

  @Test
  void twoCapturesOfTheSameTrafficCountEveryEntryTwice() {
    TimeRange window = new TimeRange(TimeUnits.parseInstant("2026-11-25T19:09:15Z"), TimeUnits.parseInstant("2026-11-25T19:09:35Z"));
    WindowSummary expected = peer.window(window);
    TrafficSource one = new TrafficSource("capture.pcap.gz", transactions, 0, List.of());
    TrafficSource copy = new TrafficSource("copy.pcap.gz", transactions, 0, List.of());
    WindowSummary ours = TopCounts.of(List.of(one, copy), window, Integer.MAX_VALUE, Progress.NONE);
    assertEquals(2 * expected.transactions(), ours.transactions());
    assertEquals(twice(map(expected.qnames())), map(ours.qnames()), "question names");
    assertEquals(twice(map(expected.clients())), map(ours.clients()), "clients");
    assertEquals(twice(map(expected.servers())), map(ours.servers()), "servers");
    assertEquals(twice(map(expected.answers())), map(ours.answers()), "answers");
  }

  @ParameterizedTest(name = "top {0}")
  @CsvSource({"10", "2147483647"})
  void twoCapturesLoadedApartAreAddedUpByNameAndAddressAsTsharkCountsThem(int n) throws Exception {
    // A second load of the capture numbers its names and addresses by dictionaries of its own; put
    // 7 s later on the timeline, the window holds other traffic of it than of the first.
    TransactionSnapshot other = new CaptureLoader(new LoadRequest(List.of(DEMO), DecodeOptions.defaults(), TIMEOUT)).load(Progress.NONE, s -> {})
        .snapshot().transactions();
    assertFalse(other.sharesDictionariesWith(transactions));
    TimeRange window = new TimeRange(TimeUnits.parseInstant("2026-11-25T19:09:10Z"), TimeUnits.parseInstant("2026-11-25T19:09:25Z"));
    WindowSummary a = peer.window(window);
    WindowSummary b = peer.window(window.shift(-7 * S));

    WindowSummary ours = TopCounts.of(List.of(new TrafficSource("capture.pcap.gz", transactions, 0, List.of()),
        new TrafficSource("later.pcap.gz", other, 7 * S, List.of())), window, n, Progress.NONE);

    assertEquals(a.transactions() + b.transactions(), ours.transactions());
    assertEquals(ranked(sum(a.qnames(), b.qnames()), n), ours.qnames(), "question names");
    assertEquals(ranked(sum(a.clients(), b.clients()), n), ours.clients(), "clients");
    assertEquals(ranked(sum(a.servers(), b.servers()), n), ours.servers(), "servers");
    assertEquals(sum(a.answers(), b.answers()), map(ours.answers()), "answers");
  }

  @Test
  void twoCapturesWithNothingInTheWindowGiveEmptyLists() {
    TimeRange before = new TimeRange(TimeUnits.parseInstant("2026-11-24T00:00:00Z"), TimeUnits.parseInstant("2026-11-24T00:01:00Z"));
    WindowSummary ours = TopCounts.of(List.of(new TrafficSource("capture.pcap.gz", transactions, 0, List.of()),
        new TrafficSource("copy.pcap.gz", transactions, S, List.of())), before, TopCounts.TOP, Progress.NONE);
    assertEquals(0, ours.transactions());
    assertEquals(List.of(), ours.qnames());
    assertEquals(List.of(), ours.clients());
    assertEquals(List.of(), ours.answers());
  }

  @ParameterizedTest(name = "top {0}")
  @CsvSource({"10", "2147483647"})
  void partsOfOneSourceWithSharedDictionariesAreCountedTogetherByIdAsTheyWouldBeByText(int n) {
    // Two parts of one source ("lo"), numbered by one dictionary (here the same snapshot twice): counted in one tally.
    TimeRange window = new TimeRange(TimeUnits.parseInstant("2026-11-25T19:09:15Z"), TimeUnits.parseInstant("2026-11-25T19:09:35Z"));
    WindowSummary expected = peer.window(window);
    TrafficSource part = new TrafficSource("lo", transactions, 0, List.of());
    WindowSummary ours = TopCounts.of(List.of(part, part), window, n, Progress.NONE);
    assertEquals(2 * expected.transactions(), ours.transactions());
    Map<String, Long> names = twice(map(expected.qnames()));
    if (n == Integer.MAX_VALUE) {
      assertEquals(names, map(ours.qnames()), "question names");
      assertEquals(twice(map(expected.clients())), map(ours.clients()), "clients");
      assertEquals(twice(map(expected.servers())), map(ours.servers()), "servers");
    } else {
      assertEquals(first(expected.qnames()).stream().map(r -> new Ranked<>(r.key(), 2 * r.count())).toList(), ours.qnames(),
          "the top ten, doubled");
    }
    assertEquals(twice(map(expected.answers())), map(ours.answers()), "answers");
  }

  @Test
  void toldApartByTheResolversTheListsAreTsharksOfEachSide() {
    // The demo lab's two resolvers (assets/demo/truth.json): clients and answers of what they
    // served, servers of what they asked.
    Set<String> resolvers = Set.of("127.0.0.100", "127.0.0.101");
    TimeRange window = new TimeRange(TimeUnits.parseInstant("2026-11-25T19:09:15Z"), TimeUnits.parseInstant("2026-11-25T19:09:35Z"));
    WindowSummary expected = peer.window(window, resolvers);
    List<IpAddress> addresses = resolvers.stream().map(IpAddress::parse).toList();
    WindowSummary ours = TopCounts.of(List.of(new TrafficSource("capture.pcap.gz", transactions, 0, addresses)), window, Integer.MAX_VALUE,
        Progress.NONE);
    assertTrue(ours.byRole());
    assertEquals(expected.transactions(), ours.transactions(), "transactions");
    assertEquals(map(expected.qnames()), map(ours.qnames()), "question names");
    assertEquals(map(expected.clients()), map(ours.clients()), "clients");
    assertEquals(map(expected.servers()), map(ours.servers()), "servers");
    assertEquals(map(expected.answers()), map(ours.answers()), "answers");
    assertFalse(map(ours.clients()).containsKey("127.0.0.100"), "a resolver is no client of itself");
    assertTrue(map(ours.servers()).keySet().stream().noneMatch(resolvers::contains), "nor a server it asked");
  }

  private static Map<String, Long> sum(List<Ranked<String>> a, List<Ranked<String>> b) {
    Map<String, Long> m = map(a);
    b.forEach(e -> m.merge(e.key(), e.count(), Long::sum));
    return m;
  }

  /** The {@code n} most frequent, ties by name: how the panel ranks. */
  private static List<Ranked<String>> ranked(Map<String, Long> counts, int n) {
    return counts.entrySet().stream().map(e -> new Ranked<>(e.getKey(), e.getValue()))
        .sorted(java.util.Comparator.comparingLong((Ranked<String> r) -> r.count()).reversed().thenComparing(Ranked::key)).limit(n).toList();
  }

  private static List<Ranked<String>> first(List<Ranked<String>> list) {
    return list.subList(0, Math.min(TopCounts.TOP, list.size()));
  }

  private static Map<String, Long> twice(Map<String, Long> m) {
    Map<String, Long> t = new TreeMap<>();
    m.forEach((k, v) -> t.put(k, 2 * v));
    return t;
  }
}
