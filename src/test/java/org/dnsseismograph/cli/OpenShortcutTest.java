package org.dnsseismograph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code seismograph open FILE...} and no arguments reach the window without picocli's command tree,
 * and say and refuse exactly what the full command line says for the same request.
 */
class OpenShortcutTest {
  private static final Path CAPTURE = Path.of("src/test/resources/pcap/dnscap-dns.pcap.gz");

  private final List<GuiLauncher.GuiRequest> launched = new ArrayList<>();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return SeismographCommand.run(args, r -> {
      launched.add(r);
      return ExitCode.OK;
    }, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void filesOpenAsTheParserOpensThem(@TempDir Path dir) throws Exception {
    Path sequence = Files.createDirectory(dir.resolve("snapshots"));
    assertEquals(ExitCode.OK, run("open", CAPTURE.toString(), sequence.toString()));
    // "--" ends the options: the same files, through picocli.
    assertEquals(ExitCode.OK, run("open", "--", CAPTURE.toString(), sequence.toString()));
    assertEquals(2, launched.size());
    assertEquals(launched.get(1), launched.get(0));
    assertEquals(List.of(CAPTURE, sequence), launched.get(0).files());
    assertEquals("", out.toString());
    assertEquals("", err.toString());
  }

  @Test
  void aMissingFileIsTheParsersOneLineAndExitOne(@TempDir Path dir) {
    String gone = dir.resolve("gone.pcap").toString();
    assertEquals(ExitCode.UNREADABLE_INPUT, run("open", CAPTURE.toString(), gone));
    String quick = err.toString();
    err.getBuffer().setLength(0);
    assertEquals(ExitCode.UNREADABLE_INPUT, run("open", "--", CAPTURE.toString(), gone));
    assertEquals(err.toString(), quick);
    assertEquals("seismograph: " + gone + ": no such file" + System.lineSeparator(), quick);
    assertTrue(launched.isEmpty());
    assertEquals("", out.toString());
  }

  @Test
  void noArgumentsOpenTheDemo() {
    assertEquals(ExitCode.OK, run());
    assertEquals(List.of(GuiLauncher.GuiRequest.demo()), launched);
  }

  /** The desktop entry runs {@code seismograph open %F}: from the applications menu, %F is nothing. */
  @Test
  void aBareOpenAsTheDesktopMenuRunsItOpensTheDemo() {
    assertEquals(ExitCode.OK, run("open"));
    assertEquals(ExitCode.OK, run("open", "--"));
    assertEquals(List.of(GuiLauncher.GuiRequest.demo(), GuiLauncher.GuiRequest.demo()), launched);
    assertEquals("", out.toString());
  }

  @Test
  void helpAndOptionsStillGoToTheParser() {
    assertEquals(ExitCode.OK, run("open", "--help"));
    assertTrue(out.toString().contains("--dns-port"), out.toString());
    assertEquals(ExitCode.OK, run("open", CAPTURE.toString(), "--dns-port", "5353"));
    assertEquals(List.of(5353), launched.get(0).extraDnsPorts());
    assertEquals(ExitCode.BAD_USAGE, run("open", "--record", "x.pcap"));
    assertEquals(1, launched.size());
  }

  /** Which of picocli's and the verbs' classes a child JVM loads for {@code args}; also checks it opened CAPTURE. */
  private static List<String> commandClassesLoaded(Path dir, String... args) throws Exception {
    Path log = dir.resolve("classes-" + args.length + ".log");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), "-Xshare:off", "-Xlog:class+load=info:file=" + log, OpenShortcutChild.class.getName()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String said = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child ended");
    assertEquals(0, p.exitValue(), said);
    assertEquals("window [" + CAPTURE + "]", said.strip());
    return Files.readAllLines(log).stream().filter(l -> l.contains(" picocli.") || l.contains("org.dnsseismograph.cli.OpenCommand")
        || l.contains("org.dnsseismograph.cli.DetectCommand")).toList();
  }

  @Test
  void openingAFileBuildsNoCommandTree(@TempDir Path dir) throws Exception {
    List<String> quick = commandClassesLoaded(dir, "open", CAPTURE.toString());
    assertEquals(0, quick.size(), quick.size() + " classes, the first " + quick.subList(0, Math.min(3, quick.size())));
    // The probe sees the tree when it is built: the same request through picocli loads it.
    List<String> parsed = commandClassesLoaded(dir, "open", "--", CAPTURE.toString());
    assertTrue(parsed.stream().anyMatch(l -> l.contains("picocli.CommandLine ")), "picocli itself");
    assertTrue(parsed.stream().anyMatch(l -> l.contains("DetectCommand")), "a verb of no concern to open");
  }
}
