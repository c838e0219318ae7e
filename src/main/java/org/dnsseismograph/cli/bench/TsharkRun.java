package org.dnsseismograph.cli.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Times tshark counting DNS queries per second on a file — the peer operators use today — and
 * samples its resident memory while it runs.
 *
 * @param seconds wall time
 * @param peak the highest resident memory seen, of each kind (sampled every 20 ms)
 * @param exitCode tshark's exit code
 */
record TsharkRun(double seconds, ProcessMemory peak, int exitCode) {
  static final Path BINARY = Path.of("/usr/bin/tshark");

  static TsharkRun measure(Path capture) throws IOException, InterruptedException {
    List<String> cmd = List.of(BINARY.toString(), "-n", "-r", capture.toString(), "-q", "-z",
        "io,stat,1,dns.flags.response==0,dns.flags.response==1");
    long start = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    ProcessMemory peak = ProcessMemory.UNKNOWN;
    while (!p.waitFor(MemorySampler.PERIOD_MS, TimeUnit.MILLISECONDS)) {
      peak = peak.max(ProcessMemory.of(p.pid()));
    }
    return new TsharkRun((System.nanoTime() - start) / 1e9, peak, p.exitValue());
  }
}
