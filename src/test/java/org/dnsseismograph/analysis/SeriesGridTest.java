package org.dnsseismograph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.testsupport.Captures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The loader's detection grid has the step {@code seismograph detect} would use: 100 ms for the
 * demo's two minutes, 1 s for pktvisor-ecs' 22 days (over 2^23 buckets of 100 ms), with every
 * query in it. Spans by capinfos, query counts by tshark ({@code dns.flags.response == 0}).
 */
class SeriesGridTest {
  private static final long S = TimeUnits.NANOS_PER_SECOND;

  @ParameterizedTest
  @CsvSource(textBlock = """
      assets/demo/capture.pcap.gz,                100,  1795633703490351000, 1795633826017760000, 41182
      src/test/resources/pcap/pktvisor-ecs.pcap,  1000, 1558968008021140000, 1560869916477286000, 22
      """)
  void theGridHasTheStepThatHoldsTheCaptureAndEveryQuery(Path file, long stepMillis, long first, long last, long queries) throws IOException {
    LoadResult loaded = new CaptureLoader(new LoadRequest(List.of(file), Captures.optionsFor(file), 3 * S)).load(Progress.NONE, s -> {});
    long step = stepMillis * TimeUnits.NANOS_PER_MILLI;

    CountGrid grid = SeriesGrid.of(loaded.snapshot().series(), loaded.scan().firstTimestampNanos(), loaded.scan().lastTimestampNanos());

    assertEquals(step, grid.stepNanos());
    assertEquals(Math.floorDiv(first, step) * step, grid.originNanos());
    assertEquals(Math.floorDiv(last, step) - Math.floorDiv(first, step) + 1, grid.buckets());
    assertEquals(queries, grid.total("dns.queries"));
    assertEquals(step, loaded.health().gridStepNanos());
  }
}
