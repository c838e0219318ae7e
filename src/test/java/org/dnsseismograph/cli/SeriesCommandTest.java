package org.dnsseismograph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.dnsseismograph.testsupport.Captures;
import org.dnsseismograph.testsupport.FrameCopies;
import org.dnsseismograph.testsupport.Tshark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DESIGN.md's contract for {@code seismograph series}: output shape, exit codes, one-line reasons. */
class SeriesCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return SeismographCommand.run(args, request -> 99, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private static String capture(String name) {
    return Captures.file(name).toString();
  }

  @Test
  void csvHasATimeColumnAndOneRowPerUtcBucketWithMilliseconds() throws IOException {
    int code = run("series", capture("pktvisor-dns_udp_mixed_rcode.pcap"), "--metric", "dns.queries,dns.rcode.NXDOMAIN", "--step", "10s");

    assertEquals(ExitCode.OK, code, err.toString());
    List<String> lines = out.toString().lines().toList();
    assertEquals("time,dns.queries,dns.rcode.NXDOMAIN", lines.get(0));
    // tshark: the first query is at 14:45:24.607 UTC and the last at 14:46:17, so buckets 14:45:20 .. 14:46:10.
    List<String> times = Tshark.fields(Captures.file("pktvisor-dns_udp_mixed_rcode.pcap"), List.of(), "dns.flags.response==0",
        "frame.time_epoch");
    long first = Tshark.epochNanos(times.get(0)) / 10_000_000_000L;
    long last = Tshark.epochNanos(times.get(times.size() - 1)) / 10_000_000_000L;
    assertEquals(last - first + 1, lines.size() - 1);
    assertEquals("2021-06-15T14:45:20.000Z", lines.get(1).split(",")[0]);
    assertEquals(times.size(), lines.stream().skip(1).mapToLong(l -> Long.parseLong(l.split(",")[1])).sum());
    assertTrue(err.toString().contains("read 24 frames"), err.toString());
  }

  @Test
  void jsonCarriesTheSameRows() throws IOException {
    int code = run("series", capture("pktvisor-dns_udp_mixed_rcode.pcap"), "--metric", "dns.queries", "--step", "10s", "--format", "json", "-q");

    assertEquals(ExitCode.OK, code, err.toString());
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertEquals("2021-06-15T14:45:20.000Z", json.path("rows").get(0).path("time").asText());
    assertEquals(6, json.path("rows").size());
    assertEquals("", err.toString());
  }

  @Test
  void fromAndToCutTheBuckets() {
    int code = run("series", capture("pktvisor-dns_udp_mixed_rcode.pcap"), "--metric", "dns.queries", "--step", "1s",
        "--from", "2021-06-15T14:45:50Z", "--to", "2021-06-15T14:46:00Z", "-q");

    assertEquals(ExitCode.OK, code, err.toString());
    List<String> lines = out.toString().lines().toList();
    assertEquals(11, lines.size(), out.toString());
    assertEquals("2021-06-15T14:45:50.000Z", lines.get(1).split(",")[0]);
    assertEquals("2021-06-15T14:45:59.000Z", lines.get(10).split(",")[0]);
  }

  @Test
  void aMissingFileIsExitOneWithOneLineNamingItAndNothingOnStdout() {
    int code = run("series", "/nonexistent/x.pcap", "--metric", "dns.queries", "--step", "1s");

    assertEquals(ExitCode.UNREADABLE_INPUT, code);
    assertEquals("", out.toString());
    assertEquals(List.of("seismograph: /nonexistent/x.pcap: no such file"), err.toString().lines().toList());
  }

  @Test
  void aFileThatIsNoCaptureNorExportIsExitOne(@TempDir Path dir) throws IOException {
    Path junk = Files.writeString(dir.resolve("notes.bin"), "\u0000\u0001 this is neither a capture nor an export \u0002");

    int code = run("series", junk.toString(), "--metric", "dns.queries", "--step", "1s");

    assertEquals(ExitCode.UNREADABLE_INPUT, code, err.toString());
    assertEquals("", out.toString());
    assertEquals(1, err.toString().lines().count(), err.toString());
    assertTrue(err.toString().contains(junk.toString()), err.toString());
  }

  @Test
  void skipsSayWhereTheyBeganAsAnOperatorWouldLookThemUp(@TempDir Path dir) throws IOException {
    // ndpi-malformed_dns.pcap: tshark calls the names of frames 2, 4, 5 and 6 too long
    Path malformed = Captures.file("ndpi-malformed_dns.pcap");
    Path first = FrameCopies.copy(malformed, dir.resolve("part.pcap1"), i -> i <= 3);
    Path second = FrameCopies.copy(malformed, dir.resolve("part.pcap2"), i -> i > 3);
    byte[] bytes = Files.readAllBytes(second);
    Files.write(second, Arrays.copyOf(bytes, bytes.length - 5));

    assertEquals(ExitCode.OK, run("series", malformed.toString(), "--metric", "dns.queries", "--step", "1s"), err.toString());
    assertTrue(err.toString().contains("DNS name longer than 255 octets (first at frame 2)"), err.toString());

    err.getBuffer().setLength(0);
    assertEquals(ExitCode.OK, run("series", second.toString(), first.toString(), "--metric", "dns.queries", "--step", "1s"), err.toString());
    String report = err.toString();
    // frames are numbered within their file, as tshark numbers them when it opens that file
    assertTrue(report.contains("DNS name longer than 255 octets (first at frame 2 of part.pcap1)"), report);
    // a truncated tail is no frame: no frame number is made up for it
    assertTrue(report.contains("capture file ends inside a record or header (first in part.pcap2)"), report);
    assertFalse(report.contains("frame 0"), report);
  }

  @Test
  void aFolderOfStatisticsSnapshotsIsOneSequenceOfThemAsImportReadsIt(@TempDir Path dir) throws IOException {
    Path snapshots = Files.createDirectories(dir.resolve("unbound"));
    for (int i = 1; i <= 3; i++) {
      String name = "unbound-control-stats_netdata-lifecycle-cumulative-" + i + ".txt";
      Files.copy(Path.of("src/test/resources/exports/" + name), snapshots.resolve(name));
    }

    int code = run("series", snapshots.toString(), "--metric", "total.num.queries", "--step", "1min", "-q");

    assertEquals(ExitCode.OK, code, err.toString());
    List<String> lines = out.toString().lines().toList();
    // total.num.queries 200, 290, 360 at time.now 1574103378.552596, 1574103461.161540, 1574103543.692653
    double first = 90 / (1574103461.161540 - 1574103378.552596);
    double second = 70 / (1574103543.692653 - 1574103461.161540);
    assertEquals("2019-11-18T18:56:00.000Z", lines.get(1).split(",")[0]);
    // snapshot times are kept to the millisecond: a relative error of ~1e-5 over 82 s
    assertEquals(first, Double.parseDouble(lines.get(1).split(",")[1]), 1e-5);
    assertEquals("2019-11-18T18:58:00.000Z", lines.get(3).split(",")[0]);
    assertEquals(second, Double.parseDouble(lines.get(3).split(",")[1]), 1e-5);
  }

  @Test
  void anUnknownMetricIsBadUsage() {
    int code = run("series", capture("pktvisor-dns_udp_mixed_rcode.pcap"), "--metric", "dns.nonsense", "--step", "1s");

    assertEquals(ExitCode.BAD_USAGE, code);
    assertEquals("", out.toString());
    assertTrue(err.toString().contains("dns.nonsense"), err.toString());
  }

  @Test
  void aStepFinerThanAMillisecondIsBadUsage() {
    int code = run("series", capture("pktvisor-dns_udp_mixed_rcode.pcap"), "--metric", "dns.queries", "--step", "500us");

    assertEquals(ExitCode.BAD_USAGE, code);
    assertTrue(err.toString().contains("--step"), err.toString());
  }

  @Test
  void aStepTooFineForTheCapturesSpanIsBadUsageWithOneLine() {
    // 22 days (tshark: 2019-05-27T14:40:08Z to 2019-06-18T14:58:36Z) at 100 ms: over 19 million buckets
    int code = run("series", capture("pktvisor-ecs.pcap"), "--metric", "dns.queries", "--step", "100ms");

    assertEquals(ExitCode.BAD_USAGE, code);
    assertEquals("", out.toString());
    assertEquals(1, err.toString().strip().lines().count(), err.toString());
    assertTrue(err.toString().contains("19019085 buckets of 100ms") && err.toString().contains("choose a larger step"), err.toString());
  }

  @Test
  void aMissingRequiredOptionIsBadUsage() {
    int code = run("series", capture("pktvisor-dns_udp_mixed_rcode.pcap"));

    assertEquals(ExitCode.BAD_USAGE, code);
    assertEquals("", out.toString());
  }

  @Test
  void exportsLineUpOnTheCapturesBuckets() {
    int code = run("series", "assets/demo/capture.pcap.gz", "assets/demo/unbound-stats.txt", "--metric", "dns.queries,total.num.queries",
        "--step", "10s", "-q");

    assertEquals(ExitCode.OK, code, err.toString());
    List<String> lines = out.toString().lines().toList();
    assertEquals("time,dns.queries,total.num.queries", lines.get(0));
    // Unbound's cumulative counter becomes a rate: during the outage (19:09:20-19:09:40) it rises well
    // above its quiet level, as the capture's query count does.
    double quiet = Double.parseDouble(lines.get(3).split(",")[2]);
    double storm = Double.parseDouble(lines.get(7).split(",")[2]);
    assertTrue(storm > 1.5 * quiet, lines.toString());
  }

  /**
   * A resolver's dnstap log reads as its capture would: per second, its queries, client queries and
   * client responses are the lines of BIND's dnstap-read of the same file (the fixture's peer
   * text), and its resolver is the one the log names.
   */
  @Test
  void aDnstapLogGivesDnstapReadsCountsPerSecond() throws IOException {
    Path log = Path.of("src/test/resources/org/dnsseismograph/capture/unbound.dnstap");
    java.util.TreeMap<String, long[]> perSecond = new java.util.TreeMap<>();
    java.time.format.DateTimeFormatter read = java.time.format.DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm:ss.SSS", java.util.Locale.ROOT)
        .withZone(java.time.ZoneOffset.UTC);
    for (String line : Files.readAllLines(Path.of("src/test/resources/org/dnsseismograph/capture/unbound.dnstap-read.txt"))) {
      String[] f = line.split(" ");
      java.time.Instant t = java.time.Instant.from(read.parse(f[0] + " " + f[1]));
      long[] c = perSecond.computeIfAbsent(t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "", k -> new long[3]);
      c[0] += f[2].endsWith("Q") ? 1 : 0;
      c[1] += f[2].equals("CQ") ? 1 : 0;
      c[2] += f[2].equals("CR") ? 1 : 0;
    }
    int code = run("series", log.toString(), "--metric", "dns.queries,client.queries,client.responses", "--step", "1s");
    assertEquals(ExitCode.OK, code, err.toString());
    List<String> rows = out.toString().lines().toList();
    assertEquals("time,dns.queries,client.queries,client.responses", rows.get(0));
    assertEquals(perSecond.size(), rows.size() - 1, out.toString());
    int r = 1;
    for (var e : perSecond.entrySet()) {
      String second = e.getKey().replace("Z", ".000Z");
      assertEquals(second + "," + e.getValue()[0] + "," + e.getValue()[1] + "," + e.getValue()[2], rows.get(r++));
    }
    long lines = Files.readAllLines(Path.of("src/test/resources/org/dnsseismograph/capture/unbound.dnstap-read.txt")).size();
    long queries = perSecond.values().stream().mapToLong(c -> c[0]).sum();
    assertTrue(err.toString().startsWith(String.format(java.util.Locale.ROOT, "read %d dnstap frames (4.2 KiB) from 1 file: %d DNS messages (%d queries,"
        + " %d responses)", lines, lines, queries, lines - queries)), err.toString());
  }

  @Test
  void aFolderOfDnstapPiecesReadsAsTheWholeLog(@TempDir Path dir) throws IOException {
    Path log = Path.of("src/test/resources/org/dnsseismograph/capture/unbound.dnstap");
    org.dnsseismograph.testsupport.DnstapPieces.cut(log, dir, 12);
    assertEquals(ExitCode.OK, run("series", log.toString(), "--metric", "dns.queries,client.responses", "--step", "1s", "-q"), err.toString());
    String whole = out.toString();
    out.getBuffer().setLength(0);

    assertEquals(ExitCode.OK, run("series", dir.toString(), "--metric", "dns.queries,client.responses", "--step", "1s", "-q"), err.toString());

    assertEquals(whole, out.toString());
  }

  @Test
  void aDnstapLogAndACaptureTogetherAreRefusedNamingTheLog() {
    Path log = Path.of("src/test/resources/org/dnsseismograph/capture/unbound.dnstap");
    int code = run("series", capture("pktvisor-dns_udp_mixed_rcode.pcap"), log.toString(), "--metric", "dns.queries", "--step", "1s");
    assertEquals(ExitCode.UNREADABLE_INPUT, code);
    assertEquals("", out.toString());
    assertTrue(err.toString().contains("unbound.dnstap: is a dnstap log; read dnstap logs and captures in separate runs"), err.toString());
  }
}
