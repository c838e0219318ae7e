package org.dnsseismograph.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class UserDirectoryTest {
  private static final Map<String, String> NO_ENV = Map.of();

  private static Properties home() {
    Properties p = new Properties();
    p.setProperty("user.home", "/home/ana");
    return p;
  }

  @Test
  void theXdgVariableWhenAbsoluteElseTheHomeDirectory() {
    assertEquals(Path.of("/home/ana/.local/share/dns-seismograph/recordings"),
        UserDirectory.of(home(), NO_ENV, null, "XDG_DATA_HOME", ".local/share", "recordings"));
    assertEquals(Path.of("/xdg/data/dns-seismograph/recordings"),
        UserDirectory.of(home(), Map.of("XDG_DATA_HOME", "/xdg/data"), null, "XDG_DATA_HOME", ".local/share", "recordings"));
    assertEquals(Path.of("/home/ana/.local/share/dns-seismograph/recordings"),
        UserDirectory.of(home(), Map.of("XDG_DATA_HOME", "data"), null, "XDG_DATA_HOME", ".local/share", "recordings"),
        "a relative XDG variable is ignored, as the specification says");
    assertEquals(Path.of("/home/ana/.config/dns-seismograph"), UserDirectory.of(home(), NO_ENV, null, "XDG_CONFIG_HOME", ".config", ""));
  }

  @Test
  void theOverridingPropertyNamesTheDirectoryItself() {
    Properties p = home();
    p.setProperty("seismograph.state.dir", "/tmp/test-state");
    assertEquals(Path.of("/tmp/test-state"), UserDirectory.of(p, Map.of("XDG_STATE_HOME", "/xdg/state"), "seismograph.state.dir", "XDG_STATE_HOME",
        ".local/state", ""));
    p.setProperty("seismograph.state.dir", " ");
    assertEquals(Path.of("/xdg/state/dns-seismograph"), UserDirectory.of(p, Map.of("XDG_STATE_HOME", "/xdg/state"), "seismograph.state.dir",
        "XDG_STATE_HOME", ".local/state", ""), "a blank one is no override");
  }
}
