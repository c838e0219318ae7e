package org.dnsseismograph.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserSettingsTest {

  @Test
  void recentFilesAreKeptNewestFirstWithoutRepeatsUpToTheLimitAcrossRuns(@TempDir Path dir) {
    UserSettings s = new UserSettings(dir.resolve("cfg"));
    IntStream.range(0, 12).forEach(i -> s.addRecent(dir.resolve("f" + i + ".pcap")));
    s.addRecent(dir.resolve("f5.pcap"));

    List<Path> again = new UserSettings(dir.resolve("cfg")).recentFiles();

    assertEquals(UserSettings.RECENT_LIMIT, again.size());
    assertEquals(dir.resolve("f5.pcap"), again.get(0));
    assertEquals(dir.resolve("f11.pcap"), again.get(1));
    assertEquals(1, again.stream().filter(p -> p.endsWith("f5.pcap")).count());
    assertNull(s.lastProblem());
  }

  @Test
  void settingsAreRemembered(@TempDir Path dir) {
    new UserSettings(dir).put("theme", "dark");

    assertEquals("dark", new UserSettings(dir).get("theme", "light"));
    assertEquals("x", new UserSettings(dir).get("missing", "x"));
  }

  @Test
  void valuesComeBackAsTheyWerePutWhateverTheyHold(@TempDir Path dir) {
    Map<String, String> odd = Map.of("live.filter", "  ether host 00\\:11:22:33:44:55 and port 53 # not a comment", "live.record", "C:\\captures\\dns",
        "two.lines", "one\ntwo", "empty", "", "unicode", "zone é.test");
    new UserSettings(dir).putAll(odd);
    UserSettings again = new UserSettings(dir);
    odd.forEach((k, v) -> assertEquals(v, again.get(k, null), k));
    assertNull(again.lastProblem());
  }

  @Test
  void anUnwritableDirectoryIsNoErrorForTheWindowButIsSaid(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
    UserSettings s = new UserSettings(file.resolve("cfg"));

    s.addRecent(dir.resolve("a.pcap"));

    assertEquals(List.of(dir.resolve("a.pcap")), s.recentFiles(), "remembered for this run");
    assertNotNull(s.lastProblem());
  }

  @Test
  void theDirectoryFollowsXdgOrElseTheHomeConfig() {
    assertEquals(Path.of("/x/cfg/dns-seismograph"), UserSettings.defaultDirectory(Map.of("XDG_CONFIG_HOME", "/x/cfg")));
    assertEquals(Path.of(System.getProperty("user.home"), ".config", "dns-seismograph"), UserSettings.defaultDirectory(Map.of()));
  }

  @Test
  void aThemeIsReadByNameAndAnythingElseIsLight() {
    assertEquals(Theme.DARK, Theme.parse(" Dark "));
    assertEquals(Theme.LIGHT, Theme.parse("purple"));
    assertEquals(Theme.LIGHT, Theme.parse(null));
  }
}
