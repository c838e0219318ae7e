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
