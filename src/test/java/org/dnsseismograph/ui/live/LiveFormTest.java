package org.dnsseismograph.ui.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.dnsseismograph.capture.CaptureInterface;
import org.dnsseismograph.capture.DnstapEndpoint;
import org.dnsseismograph.capture.LiveCaptureConfig;
import org.dnsseismograph.capture.Recording;
import org.dnsseismograph.ui.common.UserSettings;
import org.dnsseismograph.wire.DnsPorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveFormTest {
  private static final Instant NOW = Instant.parse("2026-11-25T21:30:05Z");

  @Test
  void theFilterDefaultsToTheDnsPortsAndTheFirstInterfaceUpIsChosen() {
    LiveForm f = new LiveForm(DnsPorts.of(53, 5353), null);
    f.setInterfaces(List.of(new CaptureInterface("eth9", null, List.of(), false, false), new CaptureInterface("lo", "loopback", List.of("127.0.0.1", "::1"),
        true, true)));
    assertEquals("lo", f.interfaceName.get());
    LiveRequest r = f.request(NOW);
    assertEquals(LiveCaptureConfig.defaultFilter(DnsPorts.of(53, 5353)), r.capture().filter());
    assertTrue(r.capture().filter().contains("port 53 or port 5353"), r.capture().filter());
    assertTrue(r.capture().decode().ports().contains(5353));
    assertEquals(LiveCaptureConfig.DEFAULT_SNAP_LENGTH, r.capture().snapLength());
    assertNull(r.capture().recording());
  }

  @Test
  void byDefaultTheCaptureIsRecordedIntoTheDataDirectoryKeepingItsNewest2GiB(@TempDir Path home) {
    Path recordings = home.resolve("data").resolve("dns-seismograph").resolve("recordings");
    LiveForm f = new LiveForm(DnsPorts.DEFAULT, recordings);
    f.interfaceName.set("lo");
    Recording rec = f.request(NOW).capture().recording();
    assertTrue(Files.notExists(recordings), "the request touches no disk (the FX thread makes it)");
    LiveForm.checkDirectory(rec);
    assertTrue(Files.isDirectory(recordings), "made by the check before the start");
    assertEquals(recordings.toAbsolutePath(), rec.directory());
    assertEquals("live-lo-20261125-213005.pcap", rec.name());
    assertEquals(100L << 20, rec.rotateBytes());
    assertEquals(0, rec.rotateNanos());
    assertEquals(2L << 30, rec.keepBytes());
    assertTrue(rec.keepAcross(), "the 2 GiB hold the earlier recordings there too");
    f.recordDirectory.set(" ");
    assertNull(f.request(NOW).capture().recording(), "an emptied field records nothing");
  }

  @Test
  void theDefaultRecordingsAreInTheXdgDataDirectory() {
    Properties p = new Properties();
    p.setProperty("user.home", "/home/ana");
    assertEquals(Path.of("/home/ana/.local/share/dns-seismograph/recordings"), LiveForm.defaultRecordings(p, Map.of()));
    assertEquals(Path.of("/xdg/data/dns-seismograph/recordings"), LiveForm.defaultRecordings(p, Map.of("XDG_DATA_HOME", "/xdg/data")));
    p.setProperty("seismograph.recordings.dir", "/tmp/rec");
    assertEquals(Path.of("/tmp/rec"), LiveForm.defaultRecordings(p, Map.of("XDG_DATA_HOME", "/xdg/data")));
  }

  @Test
  void theFieldsOfTheLastStartAreTheNextDialogs(@TempDir Path dir) {
    UserSettings settings = new UserSettings(dir.resolve("config"));
    LiveForm first = new LiveForm(DnsPorts.of(53, 5353), dir.resolve("default"));
    first.interfaceName.set("eth1");
    first.filter.set("udp port 53 and host 192.0.2.7");
    first.snapLength.set(512);
    first.recordDirectory.set("");
    first.rotateMegabytes.set(50);
    first.rotateSeconds.set(900);
    first.keepMegabytes.set(0);
    first.remember(settings);

    LiveForm next = new LiveForm(DnsPorts.of(53, 5353), dir.resolve("default"));
    next.restore(new UserSettings(dir.resolve("config")));
    assertEquals("eth1", next.interfaceName.get());
    assertEquals("udp port 53 and host 192.0.2.7", next.filter.get());
    assertEquals(512, next.snapLength.get());
    assertEquals("", next.recordDirectory.get(), "not recording was a choice, and is remembered");
    assertEquals(List.of(50, 900, 0), List.of(next.rotateMegabytes.get(), next.rotateSeconds.get(), next.keepMegabytes.get()));
    next.setInterfaces(List.of(new CaptureInterface("lo", null, List.of("127.0.0.1"), true, true), new CaptureInterface("eth1", null, List.of(), false, true)));
    assertEquals("eth1", next.interfaceName.get(), "the remembered interface, listed again, stays chosen");
    next.setInterfaces(List.of(new CaptureInterface("lo", null, List.of("127.0.0.1"), true, true)));
    assertEquals("lo", next.interfaceName.get(), "a remembered interface that is gone gives way to the first one up");

    // The default filter is not remembered as text: it follows the DNS ports of the next run.
    LiveForm defaults = new LiveForm(DnsPorts.of(53, 5353), null);
    defaults.remember(settings);
    LiveForm otherPorts = new LiveForm(DnsPorts.of(53, 8053), null);
    otherPorts.restore(new UserSettings(dir.resolve("config")));
    assertEquals(LiveCaptureConfig.defaultFilter(DnsPorts.of(53, 8053)), otherPorts.filter.get());
  }

  @Test
  void interfacesAreDescribedWithTheirAddresses() {
    assertEquals("lo — 127.0.0.1, ::1 (loopback)", LiveForm.describe(new CaptureInterface("lo", null, List.of("127.0.0.1", "::1"), true, true)));
    assertEquals("eth1 — Wired (down)", LiveForm.describe(new CaptureInterface("eth1", "Wired", List.of(), false, false)));
  }

  @Test
  void aRecordingDirectoryRotatesBySizeAndTime(@TempDir Path dir) {
    LiveForm f = new LiveForm(DnsPorts.DEFAULT, null);
    f.interfaceName.set("lo");
    f.filter.set("udp port 5300");
    f.snapLength.set(1500);
    f.recordDirectory.set(dir.toString());
    f.rotateMegabytes.set(50);
    f.rotateSeconds.set(600);
    LiveRequest r = f.request(NOW);
    assertEquals("udp port 5300", r.capture().filter());
    assertEquals(1500, r.capture().snapLength());
    Recording rec = r.capture().recording();
    assertEquals(dir.toAbsolutePath(), rec.directory());
    assertEquals("live-lo-20261125-213005.pcap", rec.name());
    assertEquals(50L << 20, rec.rotateBytes());
    assertEquals(600_000_000_000L, rec.rotateNanos());
    assertEquals(dir.resolve("live-lo-20261125-213005-00001.pcap").toAbsolutePath(), rec.file(1));
  }

  @Test
  void aDnstapSocketIsAsked(@TempDir Path dir) {
    LiveForm f = new LiveForm(DnsPorts.DEFAULT, null);
    f.dnstap.set(true);
    f.endpoint.set("tcp:127.0.0.1:6000");
    f.recordDirectory.set(dir.toString());
    f.rotateMegabytes.set(0);
    f.keepMegabytes.set(0);
    LiveRequest r = f.request(NOW);
    assertNull(r.capture());
    assertEquals(DnstapEndpoint.parse("tcp:127.0.0.1:6000"), r.dnstap().endpoint());
    assertEquals("live-dnstap-20261125-213005.fstrm", r.dnstap().recording().name());
    assertEquals("dnstap tcp:127.0.0.1:6000", r.name());
  }

  @Test
  void wrongFieldsAreSaidInOneLine(@TempDir Path dir) throws IOException {
    LiveForm f = new LiveForm(DnsPorts.DEFAULT, null);
    assertEquals("choose an interface", assertThrows(IllegalArgumentException.class, () -> f.request(NOW)).getMessage());
    f.interfaceName.set("lo");
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    f.recordDirectory.set(file.toString());
    Recording intoAFile = f.request(NOW).capture().recording();
    assertEquals("cannot record into " + file + ": not a directory",
        assertThrows(IllegalArgumentException.class, () -> LiveForm.checkDirectory(intoAFile)).getMessage());
    f.recordDirectory.set(dir.toString());
    f.rotateMegabytes.set(0);
    assertEquals("keeping only the newest files needs a new file every so many MiB or seconds; or keep all (0)",
        assertThrows(IllegalArgumentException.class, () -> f.request(NOW)).getMessage());
    f.rotateMegabytes.set(100);
    f.keepMegabytes.set(150);
    assertEquals("keep at least two files' worth: 200 MiB for files of 100 MiB", assertThrows(IllegalArgumentException.class, () -> f.request(NOW)).getMessage());
    f.recordDirectory.set("");
    f.snapLength.set(0);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> f.request(NOW)).getMessage().startsWith("snap length must be"));
    f.snapLength.set(1500);
    f.dnstap.set(true);
    f.endpoint.set("nowhere");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> f.request(NOW)).getMessage().startsWith("not a dnstap endpoint"));
  }
}
