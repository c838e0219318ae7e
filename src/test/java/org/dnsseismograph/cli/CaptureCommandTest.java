package org.dnsseismograph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.testsupport.ReadableClasspath;
import org.dnsseismograph.testsupport.Tshark;
import org.dnsseismograph.wire.CaptureScanner;
import org.dnsseismograph.wire.DecodeOptions;
import org.dnsseismograph.wire.DnsPorts;
import org.dnsseismograph.wire.ScanSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.GenericEDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class CaptureCommandTest {

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = SeismographCommand.run(args, request -> 2, new PrintWriter(out), new PrintWriter(err));
    return new Result(code, out.toString(), err.toString());
  }

  private static boolean root() {
    return "root".equals(System.getProperty("user.name"));
  }

  @Test
  void theInterfacesAreListedWithTheirAddresses() {
    Result r = run("capture", "--list-interfaces");
    assertEquals(0, r.code(), r.err());
    String lo = r.out().lines().filter(l -> l.startsWith("lo ")).findFirst().orElseThrow(() -> new AssertionError(r.out()));
    assertTrue(lo.contains("127.0.0.1") && lo.contains("loopback"), lo);
  }

  @Test
  void aFilterThatDoesNotCompileIsBadUsageInOneLine(@TempDir Path dir) {
    Result r = run("capture", "--interface", "lo", "--filter", "udp prot 53", "--write", dir.resolve("x.pcap").toString(), "--duration", "1s");
    assertEquals(2, r.code());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("seismograph: bad capture filter 'udp prot 53'"), r.err());
  }

  @Test
  void withoutAnInterfaceOrAFileItIsBadUsage() {
    Result r = run("capture", "--interface", "lo");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--write"), r.err());
  }

  @Test
  void anInterfaceThatDoesNotExistIsBadUsageNamingTheOthers(@TempDir Path dir) {
    assumeTrue(root(), "without capture rights the permission error comes first");
    Result r = run("capture", "--interface", "nosuchif0", "--write", dir.resolve("x.pcap").toString(), "--duration", "1s");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("seismograph: no interface 'nosuchif0'; interfaces: ") && r.err().contains("lo"), r.err());
  }

  @Test
  void sizesParseInBinaryAndDecimalUnits() {
    assertEquals(100L << 20, RotationOptions.parseSize("--rotate-size", "100MiB"));
    assertEquals(500L << 10, RotationOptions.parseSize("--rotate-size", "500k"));
    assertEquals(2_000_000_000L, RotationOptions.parseSize("--rotate-size", "2GB"));
    assertEquals(1L << 30, RotationOptions.parseSize("--rotate-size", "1G"));
  }

  @Test
  void aCaptureForADurationRecordsWhatWasSentAndSaysSo(@TempDir Path dir) throws Exception {
    assumeTrue(root(), "capturing needs root (CI runs as root)");
    int port;
    try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    Path file = dir.resolve("cli.pcap");
    CompletableFuture<Result> running = CompletableFuture.supplyAsync(() -> run("capture", "--interface", "lo", "--dns-port", Integer.toString(port),
        "--filter", "udp dst port " + port, "--write", file.toString(), "--duration", "3s"));
    for (int i = 0; i < 100 && !Files.exists(file); i++) {
      Thread.sleep(20);
    }
    assertTrue(Files.exists(file), "the recording is created when capturing starts");
    // Nothing listens on the port: the 20 queries are all there is to capture.
    try (DatagramSocket s = new DatagramSocket()) {
      for (int i = 0; i < 20; i++) {
        byte[] q = Message.newQuery(Record.newRecord(Name.fromString("q" + i + ".example."), Type.A, 1)).toWire();
        s.send(new DatagramPacket(q, q.length, InetAddress.getLoopbackAddress(), port));
      }
    }
    Result r = running.get(30, TimeUnit.SECONDS);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("captured 20 frames"), r.err());
    assertTrue(r.err().contains("20 DNS messages (20 queries, 0 responses)"), r.err());
    assertTrue(r.err().contains("dropped: 0 by the kernel, 0 by the interface, 0 by our queue"), r.err());
    ScanSummary scan = CaptureScanner.scan(List.of(file), DecodeOptions.defaults().withPorts(DnsPorts.of(port)), p -> { }, Progress.NONE);
    assertEquals(20, scan.frames());
    assertEquals(20, scan.dnsMessages());
  }

  @Test
  void withKeepOnlyTheNewestFilesStayAndTheyHoldTheLastQueriesSent(@TempDir Path dir) throws Exception {
    assumeTrue(root(), "capturing needs root (CI runs as root)");
    assumeTrue(Tshark.available(), "tshark reads the kept files");
    int port;
    try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    Path file = dir.resolve("ring.pcap");
    CompletableFuture<Result> running = CompletableFuture.supplyAsync(() -> run("capture", "--interface", "lo", "--dns-port", Integer.toString(port),
        "--filter", "udp dst port " + port, "--write", file.toString(), "--rotate-size", "1MiB", "--keep", "2MiB", "--duration", "6s"));
    Path first = dir.resolve("ring-00001.pcap");
    for (int i = 0; i < 100 && !Files.exists(first); i++) {
      Thread.sleep(20);
    }
    assertTrue(Files.exists(first), "the first file is created when capturing starts");
    // 4,000 queries of about 1,000 bytes each (EDNS padding): about 4 MB, four files of 1 MiB.
    int sent = 4_000;
    try (DatagramSocket s = new DatagramSocket()) {
      for (int i = 0; i < sent; i++) {
        Message m = Message.newQuery(Record.newRecord(Name.fromString("q" + i + ".example."), Type.A, 1));
        m.addRecord(new OPTRecord(1232, 0, 0, 0, List.of(new GenericEDNSOption(12, new byte[900]))), Section.ADDITIONAL);
        byte[] q = m.toWire();
        s.send(new DatagramPacket(q, q.length, InetAddress.getLoopbackAddress(), port));
        if (i % 100 == 99) {
          Thread.sleep(5);
        }
      }
    }
    Result r = running.get(30, TimeUnit.SECONDS);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("captured " + sent + " frames"), r.err());
    assertTrue(r.err().contains("dropped: 0 by the kernel, 0 by the interface, 0 by our queue"), r.err());
    List<Path> kept;
    try (var files = Files.list(dir)) {
      kept = files.filter(p -> p.getFileName().toString().startsWith("ring-")).sorted().toList();
    }
    long onDisk = 0;
    for (Path p : kept) {
      onDisk += Files.size(p);
    }
    assertTrue(onDisk <= 2L << 20, kept + " hold " + onDisk + " bytes");
    assertTrue(Files.notExists(first) && kept.size() == 2, "the newest two of four files kept: " + kept);
    assertTrue(r.err().matches("(?s).*in 4 files: .*ring-0000\\d\\.pcap \\.\\.\\. \\(the oldest 2 deleted by --keep\\).*"), r.err());
    List<String> names = new ArrayList<>();
    for (Path p : kept) {
      names.addAll(Tshark.fields(p, List.of(), null, "dns.qry.name"));
    }
    int from = sent - names.size();
    for (int i = 0; i < names.size(); i++) {
      assertEquals("q" + (from + i) + ".example", names.get(i), "the kept files hold the last " + names.size() + " queries, in order");
    }
    assertTrue(names.size() > 900, names.size() + " queries kept");
  }

  /**
   * Runs the real launcher as user nobody (no capabilities) in a child JVM, from a copy of the
   * classpath nobody can read: the one line on stderr says how to grant capture rights.
   */
  @Test
  void withoutCaptureRightsTheOneLineSaysHowToGrantThem(@TempDir Path tmp) throws Exception {
    assumeTrue(root() && Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs root to become nobody (setpriv)");
    Path shared = Files.createTempDirectory(Path.of("/tmp"), "seismograph-nobody-");
    try {
      String classpath = ReadableClasspath.copyInto(shared);
      Path jna = Files.createDirectory(shared.resolve("jna"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
      Files.setPosixFilePermissions(jna, PosixFilePermissions.fromString("rwxrwxrwx"));
      String java = ProcessHandle.current().info().command().orElseThrow();
      Process p = new ProcessBuilder("/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--inh-caps=-all", java,
          "-Djna.tmpdir=" + jna, "-Djava.io.tmpdir=" + jna, "-cp", classpath, "org.dnsseismograph.Main", "capture", "--interface", "lo", "--write",
          jna.resolve("never.pcap").toString(), "--duration", "1s").start();
      String out;
      String err;
      try (InputStream o = p.getInputStream(); InputStream e = p.getErrorStream()) {
        out = new String(o.readAllBytes(), StandardCharsets.UTF_8);
        err = new String(e.readAllBytes(), StandardCharsets.UTF_8);
      }
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
      assertEquals(1, p.exitValue(), err);
      assertEquals("", out);
      List<String> lines = err.lines().toList();
      assertEquals(1, lines.size(), err);
      assertTrue(lines.get(0).startsWith("seismograph: no permission to capture on lo: run as root, or grant the capture capabilities once with: "
          + "sudo setcap cap_net_raw,cap_net_admin+eip "), err);
      assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
      assertFalse(Files.exists(jna.resolve("never.pcap")), "nothing is recorded");
    } finally {
      ReadableClasspath.deleteTree(shared);
    }
  }
}
