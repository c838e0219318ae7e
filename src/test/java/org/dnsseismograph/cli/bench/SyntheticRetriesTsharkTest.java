package org.dnsseismograph.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dnsseismograph.analysis.CaptureSeries;
import org.dnsseismograph.analysis.SeriesRequest;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.SeriesTable;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.testsupport.Tshark;
import org.dnsseismograph.wire.DecodeOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code client.retries} of a busy resolver, second by second, against tshark: the bench's
 * generated capture (2,000 client queries a second, so about 20,000 different questions inside
 * each 10 s retry window, and a 20 s outage) counted from tshark's fields with the retry rule of
 * {@code lab/check-run}: the same client, qname (ASCII case ignored) and qtype again within 10 s.
 * The retry memory once kept a 31-bit fingerprint per question and took about one question a
 * minute for another's retry here, more than the true retries.
 */
class SyntheticRetriesTsharkTest {
  private static final long S = TimeUnits.NANOS_PER_SECOND;
  private static final String RESOLVER = "10.0.0.53";

  @Test
  void clientRetriesPerSecondEqualWhatTsharkShows(@TempDir Path dir) throws Exception {
    assumeTrue(Tshark.available(), "tshark is the trusted peer; install it (Debian package tshark)");
    Path capture = dir.resolve("busy.pcap");
    SyntheticResolverTraffic.write(capture, SyntheticResolverTraffic.Plan.of(600_000), Progress.NONE);

    Map<Long, Double> expected = new TreeMap<>();
    Map<String, Long> lastAsk = new HashMap<>();
    long queries = 0;
    for (String line : Tshark.fields(capture, List.of(), "dns.flags.response == 0 && ip.dst == " + RESOLVER, "frame.time_epoch", "ip.src",
        "dns.qry.name", "dns.qry.type")) {
      String[] f = line.split("\t", -1);
      long t = Tshark.epochNanos(f[0]);
      queries++;
      Long previous = lastAsk.put(f[1] + " " + f[2].toLowerCase() + " " + f[3], t);
      // lab/check-run's rule, to the microsecond as the capture has it
      if (previous != null && t / 1000 - previous / 1000 <= 10_000_000L) {
        expected.merge(Math.floorDiv(t, S) * S, 1.0, Double::sum);
      }
    }
    assertTrue(queries > 200_000, "a busy resolver: " + queries + " client queries");

    SeriesTable table = CaptureSeries.compute(new SeriesRequest(List.of(capture), DecodeOptions.defaults(), List.of("client.retries"), S, null, 3 * S),
        Progress.NONE).table();
    double[] retries = table.columnValues(table.indexOf(MetricId.of("client.retries")));
    double total = 0;
    for (int row = 0; row < table.rowCount(); row++) {
      long second = table.rowStartNanos(row);
      assertEquals(expected.getOrDefault(second, 0.0), retries[row], "client.retries in " + TimeUnits.format(second));
      total += retries[row];
    }
    assertEquals(expected.values().stream().mapToDouble(Double::doubleValue).sum(), total);
  }
}
