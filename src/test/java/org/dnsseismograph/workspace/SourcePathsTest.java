package org.dnsseismograph.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourcePathsTest {

  @ParameterizedTest(name = "{1} from {0} is stored as {2}")
  @CsvSource(textBlock = """
      /cases/storm/incident.json, /cases/storm/capture.pcap,      capture.pcap
      /cases/storm/incident.json, /cases/storm/isp1/stats.csv,    isp1/stats.csv
      /cases/storm/incident.json, /cases/storm/./a/../b.csv,      b.csv
      /cases/storm/incident.json, /cases/other/capture.pcap,      /cases/other/capture.pcap
      /cases/storm/incident.json, /data/capture.pcap,             /data/capture.pcap
      """)
  void sourcesBesideOrBelowTheWorkspaceAreStoredRelativeOthersAbsolute(String workspace, String source, String stored) {
    assertEquals(stored, SourcePaths.stored(Path.of(workspace), Path.of(source)));
    assertEquals(Path.of(source).normalize(), SourcePaths.resolve(Path.of(workspace), stored), "and resolve back to the same file");
  }

  @ParameterizedTest
  @CsvSource(textBlock = """
      /moved/there/incident.json, capture.pcap,       /moved/there/capture.pcap
      /moved/there/incident.json, isp1/stats.csv,     /moved/there/isp1/stats.csv
      /moved/there/incident.json, ../shared/x.pcap,   /moved/shared/x.pcap
      /moved/there/incident.json, /data/capture.pcap, /data/capture.pcap
      """)
  void relativeNamesFollowTheWorkspaceWhenItMoves(String workspace, String stored, String resolved) {
    assertEquals(Path.of(resolved), SourcePaths.resolve(Path.of(workspace), stored));
  }

  @ParameterizedTest
  @CsvSource({"/cases/capture.pcap", "relative/capture.pcap"})
  void aRecoveryCopyWithoutWorkspaceFileKeepsAbsolutePaths(String source) {
    Path expected = Path.of(source).toAbsolutePath().normalize();
    assertEquals(expected.toString(), SourcePaths.stored(null, Path.of(source)));
  }
}
