package org.dnsseismograph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.dnsseismograph.capture.DnstapFiles;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.testsupport.Captures;
import org.dnsseismograph.wire.DecodeOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The window and {@code render --propose} take their outages and spikes from the load's own
 * report instead of reading a capture a second time with {@code detect}'s pass; that is only right
 * while the two agree. Here they must, to the byte of the JSON report, on every real capture the
 * repository holds, the demo and a lab run with a server reset among them, and on a resolver's
 * dnstap log.
 */
class LoaderHealthParityTest {
  static Stream<Path> captures() throws IOException {
    Stream<Path> shared;
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/pcap"))) {
      shared = files.filter(p -> !p.getFileName().toString().endsWith(".md")).sorted().toList().stream();
    }
    return Stream.concat(shared, Stream.of(Path.of("assets/demo/capture.pcap.gz"), Path.of("src/test/resources/org/dnsseismograph/imports/lab-reset/capture.pcap.gz")));
  }

  @ParameterizedTest
  @MethodSource("captures")
  void theLoadersReportIsDetectsReport(Path file) throws IOException {
    assertSameReports(new LoadRequest(List.of(file), Captures.optionsFor(file), 3 * TimeUnits.NANOS_PER_SECOND));
  }

  @Test
  void andSoOnAResolversDnstapLog() throws IOException {
    // Unbound's own log of a lab run (made by capture/make-dnstap-fixture.sh), read as the window reads a dnstap source.
    Path log = Path.of("src/test/resources/org/dnsseismograph/capture/unbound.dnstap");
    assertSameReports(new LoadRequest(List.of(log), DecodeOptions.defaults().withMessages(DnstapFiles.INSTANCE), 3 * TimeUnits.NANOS_PER_SECOND));
  }

  private static void assertSameReports(LoadRequest request) throws IOException {
    Path file = request.files().get(0);
    String detect = HealthReportJson.toString(CaptureDetect.run(request, Progress.NONE).report());
    String loaded = HealthReportJson.toString(new CaptureLoader(request).load(Progress.NONE, s -> { }).health());

    assertEquals(detect, loaded, file.toString());
  }
}
