package org.dnsseismograph.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the trusted peer, {@code /usr/bin/tshark}, and returns its field output. */
public final class Tshark {
  public static final Path BINARY = Path.of("/usr/bin/tshark");

  private Tshark() {}

  public static boolean available() {
    return Files.isExecutable(BINARY);
  }

  /** One line per frame that passes {@code filter} (null: every frame), fields separated by tabs. */
  public static List<String> fields(Path file, List<String> options, String filter, String... fields) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(BINARY.toString(), "-n", "-r", file.toString()));
    cmd.addAll(options);
    if (filter != null) {
      cmd.add("-Y");
      cmd.add(filter);
    }
    cmd.add("-T");
    cmd.add("fields");
    for (String f : fields) {
      cmd.add("-e");
      cmd.add(f);
    }
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out;
    try (InputStream in = p.getInputStream()) {
      out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try {
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("tshark did not finish on " + file);
      }
      if (p.exitValue() != 0) {
        throw new IOException("tshark failed (exit " + p.exitValue() + "): " + String.join(" ", cmd));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    List<String> lines = new ArrayList<>();
    for (String line : out.split("\n", -1)) {
      if (!line.isEmpty()) {
        lines.add(line);
      }
    }
    return lines;
  }

  /** Writes the frames of {@code from} that pass {@code filter} to {@code to} as classic pcap; {@code to}. */
  public static Path cut(Path from, String filter, Path to) throws IOException {
    Process p = new ProcessBuilder(BINARY.toString(), "-n", "-r", from.toString(), "-Y", filter, "-F", "pcap", "-w", to.toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IOException("tshark could not cut " + from + " with " + filter);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return to;
  }

  /** tshark's {@code frame.time_epoch} text ("1614874231.565771000") as epoch nanoseconds. */
  public static long epochNanos(String text) {
    return new BigDecimal(text.trim()).movePointRight(9).longValueExact();
  }

  /** Occurrences in a field column where several values in one frame are comma-separated. */
  public static long occurrences(List<String> lines) {
    long n = 0;
    for (String line : lines) {
      if (!line.isBlank()) {
        n += line.split(",", -1).length;
      }
    }
    return n;
  }
}
