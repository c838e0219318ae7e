package org.dnsseismograph.ui.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dnsseismograph.testsupport.ReadableClasspath;
import org.junit.jupiter.api.Test;

/**
 * {@code seismograph open --live lo} as user nobody (no capture capabilities), in a child JVM on
 * Monocle from a copy of the classpath nobody can read: the live bar and an error dialog say how to
 * grant the rights (root, or setcap on the launcher), in words, without a stack trace.
 */
class NoPermissionTest {
  @Test
  void withoutCaptureRightsTheWindowSaysHowToGrantThem() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs root to become nobody");
    Path shared = Files.createTempDirectory(Path.of("/tmp"), "seismograph-nobody-live-");
    try {
      String classpath = ReadableClasspath.copyInto(shared);
      Path home = Files.createDirectory(shared.resolve("home"));
      Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxrwxrwx"));
      String java = ProcessHandle.current().info().command().orElseThrow();
      List<String> cmd = new ArrayList<>(List.of("/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--inh-caps=-all", java));
      for (String p : List.of("glass.platform=Monocle", "monocle.platform=Headless", "prism.order=sw", "prism.text=t2k", "java.awt.headless=true")) {
        cmd.add("-D" + p);
      }
      cmd.addAll(List.of("-Djna.tmpdir=" + home, "-Djava.io.tmpdir=" + home, "-Djavafx.cachedir=" + home.resolve("fx"), "-Duser.home=" + home, "-cp",
          classpath, NoPermissionProbe.class.getName(), "lo", home.resolve("settings").toString()));
      Process p = new ProcessBuilder(cmd).start();
      String out;
      String err;
      try (InputStream o = p.getInputStream(); InputStream e = p.getErrorStream()) {
        out = new String(o.readAllBytes(), StandardCharsets.UTF_8);
        err = new String(e.readAllBytes(), StandardCharsets.UTF_8);
      }
      assertTrue(p.waitFor(120, TimeUnit.SECONDS));
      assertEquals(0, p.exitValue(), out + err);
      List<String> lines = out.lines().toList();
      assertEquals(2, lines.size(), out + err);
      String grant = "no permission to capture on lo: run as root, or grant the capture capabilities once with: sudo setcap cap_net_raw,cap_net_admin+eip ";
      assertTrue(lines.get(0).startsWith("PROBLEM: " + grant), out);
      assertTrue(lines.get(1).startsWith("DIALOG: No permission to capture on lo | No permission to capture on lo | " + grant), out);
      assertFalse(out.contains("Exception") || out.contains("\tat "), "no stack trace: " + out);
      assertFalse(err.contains("CaptureException") || err.contains("\tat "), "nothing thrown: " + err);
    } finally {
      ReadableClasspath.deleteTree(shared);
    }
  }
}
