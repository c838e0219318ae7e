package org.dnsseismograph.capture;

import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Real DNS software on loopback for the live tests: an NSD serving {@code capture.test.} (a wildcard
 * under {@code w.capture.test.}) and, when asked, an Unbound stubbed to it, optionally logging
 * dnstap (client and resolver messages) to a Unix socket. Each runs in the foreground as our child
 * on a free port of its own address (127.0.0.150 Unbound, 127.0.0.151 NSD; clients use 127.0.0.152),
 * from a private directory named like the lab's ({@code /tmp/seismograph-lab.*}, which CI's
 * AppArmor rule allows). {@link #close()} stops exactly these processes and removes the directory.
 */
public final class LocalDns implements AutoCloseable {
  public static final String UNBOUND_ADDRESS = "127.0.0.150";
  public static final String NSD_ADDRESS = "127.0.0.151";
  public static final String CLIENT_ADDRESS = "127.0.0.152";
  public static final String ZONE = "capture.test";

  private final Path dir;
  private final List<Process> processes = new ArrayList<>();
  private int nsdPort;
  private int unboundPort;

  private LocalDns(Path dir) {
    this.dir = dir;
  }

  /** True when the tests can run here: root, NSD, Unbound and the clients installed. */
  public static boolean available() {
    return "root".equals(System.getProperty("user.name"))
        && Stream.of("/usr/sbin/nsd", "/usr/sbin/unbound", "/usr/bin/dig", "/usr/bin/dnsperf").allMatch(p -> Files.isExecutable(Path.of(p)));
  }

  /** NSD alone, answering on {@link #nsdPort()}. */
  static LocalDns nsd() throws IOException {
    LocalDns d = new LocalDns(Files.createTempDirectory(Path.of("/tmp"), "seismograph-lab.capture-"));
    try {
      d.startNsd();
      return d;
    } catch (IOException | RuntimeException e) {
      d.close();
      throw e;
    }
  }

  /** NSD and an Unbound stubbed to it on {@link #unboundPort()}; dnstap to {@code dnstapSocket} when not null. */
  public static LocalDns withUnbound(Path dnstapSocket) throws IOException {
    LocalDns d = nsd();
    try {
      d.startUnbound(dnstapSocket);
      return d;
    } catch (IOException | RuntimeException e) {
      d.close();
      throw e;
    }
  }

  public int nsdPort() {
    return nsdPort;
  }

  public int unboundPort() {
    return unboundPort;
  }

  public Path dir() {
    return dir;
  }

  private void startNsd() throws IOException {
    nsdPort = freePort(NSD_ADDRESS);
    Files.writeString(dir.resolve(ZONE + ".zone"), """
        $TTL 5
        capture.test.      3600 SOA ns.capture.test. hostmaster.capture.test. 1 1800 900 604800 5
        capture.test.      3600 NS  ns.capture.test.
        ns.capture.test.   3600 A   %s
        www.capture.test.       A    192.0.2.10
        *.w.capture.test.       A    192.0.2.1
        """.formatted(NSD_ADDRESS));
    Files.writeString(dir.resolve("nsd.conf"), """
        server:
          ip-address: %s
          port: %d
          do-ip6: no
          server-count: 1
          username: ""
          chroot: ""
          zonesdir: "%s"
          database: ""
          zonelistfile: "%3$s/zone.list"
          xfrdfile: "%3$s/xfrd.state"
          xfrdir: "%3$s"
          pidfile: "%3$s/nsd.pid"
          logfile: "%3$s/nsd.log"
          zonefiles-write: 0
          rrl-ratelimit: 0
        remote-control:
          control-enable: no
        zone:
          name: "%s"
          zonefile: "%4$s.zone"
        """.formatted(NSD_ADDRESS, nsdPort, dir, ZONE));
    start("nsd", "/usr/sbin/nsd", "-d", "-c", dir.resolve("nsd.conf").toString());
    awaitBound(NSD_ADDRESS, nsdPort);
  }

  private void startUnbound(Path dnstapSocket) throws IOException {
    unboundPort = freePort(UNBOUND_ADDRESS);
    String dnstap = dnstapSocket == null ? "" : """
        dnstap:
          dnstap-enable: yes
          dnstap-bidirectional: yes
          dnstap-socket-path: "%s"
          dnstap-send-identity: yes
          dnstap-identity: "live-test"
          dnstap-log-client-query-messages: yes
          dnstap-log-client-response-messages: yes
          dnstap-log-resolver-query-messages: yes
          dnstap-log-resolver-response-messages: yes
        """.formatted(dnstapSocket);
    Files.writeString(dir.resolve("unbound.conf"), """
        server:
          interface: %s
          port: %d
          outgoing-interface: %1$s
          access-control: 127.0.0.0/8 allow
          do-ip6: no
          do-not-query-localhost: no
          module-config: "iterator"
          local-zone: "test." nodefault
          qname-minimisation: no
          username: ""
          chroot: ""
          directory: "%s"
          pidfile: "%3$s/unbound.pid"
          logfile: "%3$s/unbound.log"
          use-syslog: no
          num-threads: 1
          so-reuseport: no
          outgoing-range: 4096
          num-queries-per-thread: 2048
          so-rcvbuf: 8m
          so-sndbuf: 8m
        stub-zone:
          name: "%s"
          stub-addr: %s@%d
        %s
        remote-control:
          control-enable: no
        """.formatted(UNBOUND_ADDRESS, unboundPort, dir, ZONE, NSD_ADDRESS, nsdPort, dnstap));
    start("unbound", "/usr/sbin/unbound", "-d", "-c", dir.resolve("unbound.conf").toString());
    awaitBound(UNBOUND_ADDRESS, unboundPort);
  }

  private void start(String name, String... command) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".out").toFile()).start();
    processes.add(p);
  }

  /** A port free for both UDP and TCP on {@code address}. */
  static int freePort(String address) throws IOException {
    InetAddress a = InetAddress.getByName(address);
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(20_000, 30_000);
      try (DatagramSocket u = new DatagramSocket(new InetSocketAddress(a, port)); ServerSocket t = new ServerSocket(port, 1, a)) {
        if (u.isBound() && t.isBound()) {
          return port;
        }
      } catch (BindException taken) {
        // try another
      }
    }
    throw new IOException("no free port on " + address);
  }

  /** Waits until a process is listening on the UDP port, as /proc/net/udp shows (binding it ourselves would race the server). */
  private void awaitBound(String address, int port) throws IOException {
    byte[] a = InetAddress.getByName(address).getAddress();
    String local = String.format("%02X%02X%02X%02X:%04X", a[3], a[2], a[1], a[0], port);
    for (int i = 0; i < 200; i++) {
      for (String line : Files.readAllLines(Path.of("/proc/net/udp"))) {
        String[] f = line.trim().split("\\s+");
        if (f.length > 1 && f[1].equals(local)) {
          return;
        }
      }
      for (Process p : processes) {
        if (!p.isAlive()) {
          throw new IOException("a DNS server exited at start; see " + dir);
        }
      }
      sleep(50);
    }
    throw new IOException("nothing listens on " + address + ":" + port + " after 10 s; see " + dir);
  }

  /** Runs a client command to completion and returns its output (stdout and stderr). */
  public static String run(List<String> command, long timeoutSeconds) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out;
    try (InputStream in = p.getInputStream()) {
      out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try {
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IOException(e);
    }
    return out;
  }

  /** Sends {@code names} (one A query each, in order, one at a time) with dnsperf; returns the queries completed. */
  static long dnsperf(String server, int port, List<String> names, Path dir) throws IOException {
    Path file = dir.resolve("queries-" + System.nanoTime() + ".txt");
    Files.write(file, names.stream().map(n -> n + " A").toList());
    String out = run(List.of("/usr/bin/dnsperf", "-s", server, "-p", Integer.toString(port), "-a", CLIENT_ADDRESS, "-d", file.toString(), "-n", "1",
        "-c", "1", "-q", "1", "-t", "3"), 120);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("Queries completed:\\s+(\\d+)").matcher(out);
    if (!m.find()) {
      throw new IOException("dnsperf said: " + out);
    }
    return Long.parseLong(m.group(1));
  }

  /** One query with dig (UDP, or TCP when {@code tcp}); true when it was answered. */
  static boolean dig(String server, int port, String name, boolean tcp) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("/usr/bin/dig", "@" + server, "-p", Integer.toString(port), "-b", CLIENT_ADDRESS, "+tries=1",
        "+time=3", "+noall", "+comments", name, "A"));
    if (tcp) {
      cmd.add("+tcp");
    }
    return run(cmd, 30).contains("status: NOERROR");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      Process p = processes.get(i);
      p.destroy();
      try {
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          p.waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
      }
    }
    if (Boolean.getBoolean("seismograph.keepLab")) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    } catch (IOException e) {
      // A leftover temporary directory is harmless.
    }
  }
}
