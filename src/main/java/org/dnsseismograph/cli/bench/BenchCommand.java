package org.dnsseismograph.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dnsseismograph.analysis.CaptureSeries;
import org.dnsseismograph.analysis.SeriesRequest;
import org.dnsseismograph.analysis.SeriesResult;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.wire.DecodeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code seismograph bench}: generates a large realistic capture (or reuses one), runs the {@code
 * series} pipeline on it several times on one thread, runs tshark on the same file in the same
 * run, and appends the figures to a results file.
 *
 * <p>Memory is reported by kind: anonymous resident memory ({@code RssAnon}, what the program owns)
 * apart from file-backed resident memory ({@code RssFile}: pages of mapped files, page cache the
 * kernel can take back; captures are read, not mapped, so only the JVM's own files), each the peak
 * sampled during the run ({@link MemorySampler}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Benchmark decode + match + aggregate on a generated capture.",
        "tshark reads the same file in the same run, for comparison."})
public final class BenchCommand implements Callable<Integer> {
  private static final List<String> METRICS = List.of("dns.queries", "dns.responses", "dns.rcode.NOERROR", "dns.rcode.NXDOMAIN",
      "dns.rcode.SERVFAIL", "dns.unanswered", "dns.truncated", "dns.latency.p50", "dns.latency.p99", "dns.latency.max", "packets.skipped");

  private final PrintWriter out;
  private final PrintWriter err;

  @Option(names = "--packets", defaultValue = "10000000", split = ",",
      description = "Capture sizes in packets; several (comma-separated) show how memory grows (default: ${DEFAULT-VALUE}).")
  List<Long> packets = new ArrayList<>();

  @Option(names = "--dir", defaultValue = "${java.io.tmpdir}", description = "Where generated captures are kept and reused (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Option(names = "--runs", defaultValue = "3", description = "Measured runs per size, after the warm-up runs (default: ${DEFAULT-VALUE}).")
  int runs;

  /**
   * Two at least: the JIT compiles the pass during the first, with the objects of that first
   * pipeline; when the next pipeline starts, branches it never took then (a new payload object, a
   * new counter) make it throw the compiled code away and profile again, and the run after the
   * first is slower by about a fifth. The second warm-up absorbs that.
   */
  @Option(names = "--warmups", defaultValue = "2", description = "Unmeasured runs per size before the measured ones, at least (default: ${DEFAULT-VALUE}).")
  int warmups;

  /**
   * Warm-up by work done, as JMH warms up by time, but the same on a fast and a slow machine: two
   * runs of a million packets leave the JIT still compiling (the measured runs then climbed from 2
   * to 5 M packets/s), two of ten million do not.
   */
  @Option(names = "--warmup-packets", defaultValue = "20000000",
      description = "Warm-up runs go on until they have read this many packets of the size, as well (default: ${DEFAULT-VALUE}).")
  long warmupPackets;

  @Option(names = "--files", defaultValue = "1",
      description = "Read each capture cut into this many consecutive files, as a rotating capture writes them (default: ${DEFAULT-VALUE};"
          + " tshark, which reads one file, is then not timed).")
  private int files;

  @Option(names = "--no-tshark", description = "Do not time tshark.")
  boolean noTshark;

  @Option(names = "--results", defaultValue = "bench-results/capture-series.md", description = "Markdown file the figures are appended to.")
  Path results;

  BenchCommand(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (runs < 1 || warmups < 0 || warmupPackets < 0) {
      throw new IllegalArgumentException("--runs must be at least 1, --warmups and --warmup-packets at least 0 (got " + runs + ", " + warmups
          + " and " + warmupPackets + ")");
    }
    if (files < 1) {
      throw new IllegalArgumentException("--files must be at least 1 (got " + files + ")");
    }
    StringBuilder md = new StringBuilder();
    md.append(String.format(Locale.ROOT, "%n## %s — `seismograph bench`%n%n%s%n%n", Instant.now(), MachineFacts.describe()));
    md.append(String.format(Locale.ROOT, "What is timed: `seismograph series --step 1s --timeout 3s --metric %s` on one thread (decode, match,"
        + " aggregate; the table built, not printed), %d measured runs after at least %d warm-up runs in the same JVM, and as many more"
        + " as it takes to have read %,d packets of that size. The warm-ups after the first are one row: their totals. CPU s is the"
        + " reading thread's CPU time. RssAnon and RssFile are the peaks sampled every %d ms during the run; VmHWM is the kernel's peak"
        + " of both together since the JVM started.%n%n",
        String.join(",", METRICS), runs, warmups, warmupPackets, MemorySampler.PERIOD_MS));
    if (files > 1) {
      md.append(String.format(Locale.ROOT, "Each capture is read as %,d files of consecutive frames, as a rotating capture writes them;"
          + " the file size below is theirs together.%n%n", files));
    }
    md.append("| packets | file | run | wall s | CPU s | M packets/s (wall) | M packets/s (CPU) | heap after GC | RssAnon | RssFile | VmHWM |\n");
    md.append("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    List<String> tsharkRows = new ArrayList<>();
    List<String> medianRows = new ArrayList<>();
    for (long n : packets) {
      Path capture = capture(n);
      List<Path> file = files == 1 ? List.of(capture)
          : RotatedCopy.of(capture, n, files, SyntheticResolverTraffic.stamp(SyntheticResolverTraffic.Plan.of(n)));
      int warmRuns = warmUp(file, md);
      medianRows.add(measuredRuns(n, file, warmRuns, md));
      if (!noTshark && files == 1 && Files.isExecutable(TsharkRun.BINARY)) {
        TsharkRun t = TsharkRun.measure(capture);
        tsharkRows.add(String.format(Locale.ROOT, "| %,d | %.1f | %.3f | %s | %s | %s | %d |", n, t.seconds(), n / t.seconds() / 1e6,
            mib(t.peak().anon()), mib(t.peak().file()), mib(t.peak().peakRss()), t.exitCode()));
        err.printf(Locale.ROOT, "tshark on %,d packets: %.1f s, peak RssAnon %s%n", n, t.seconds(), mib(t.peak().anon()));
      }
    }
    md.append("\nThe measured runs of each size:\n\n| packets | warm-up runs | measured runs | median M packets/s (wall) | range | median M packets/s (CPU) |\n");
    md.append("|---:|---:|---:|---:|---|---:|\n");
    medianRows.forEach(r -> md.append(r).append('\n'));
    if (!tsharkRows.isEmpty()) {
      md.append("\ntshark 4 on the same files (`tshark -q -z io,stat,1,...`: counting DNS queries and responses per second):\n\n");
      md.append("| packets | wall s | M packets/s (wall) | RssAnon | RssFile | VmHWM | exit |\n|---:|---:|---:|---:|---:|---:|---:|\n");
      tsharkRows.forEach(r -> md.append(r).append('\n'));
    }
    if (results.getParent() != null) {
      Files.createDirectories(results.getParent());
    }
    Files.writeString(results, md, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    out.print(md);
    out.flush();
    return 0;
  }

  /**
   * At least {@link #warmups} runs, and more until they have read {@link #warmupPackets} packets;
   * the first is a row of its own (a fresh JVM's speed), the others one row of totals. The runs
   * done.
   */
  private int warmUp(List<Path> file, StringBuilder md) throws IOException, InterruptedException {
    Row later = null;
    int done = 0;
    long frames = 0;
    while (done < warmups || (warmups > 0 && frames < warmupPackets)) {
      Row row = measure(file);
      done++;
      frames += row.frames;
      progress(row, "warm-up " + done);
      if (done == 1) {
        md.append(tableRow(file, "warm-up 1", row));
      } else {
        later = later == null ? row : later.plus(row);
      }
      if (row.frames == 0) {
        break; // an empty capture would never add up to the packets asked for
      }
    }
    if (later != null) {
      md.append(tableRow(file, done == 2 ? "warm-up 2" : "warm-ups 2–" + done + " (totals)", later));
    }
    return done;
  }

  /** The measured runs, a row each; their medians as a row of the summary table. */
  private String measuredRuns(long n, List<Path> file, int warmRuns, StringBuilder md) throws IOException, InterruptedException {
    double[] rates = new double[runs];
    double[] cpuRates = new double[runs];
    for (int run = 1; run <= runs; run++) {
      Row row = measure(file);
      md.append(tableRow(file, "run " + run, row));
      progress(row, "run " + run);
      rates[run - 1] = row.frames / row.wall / 1e6;
      cpuRates[run - 1] = row.frames / row.cpu / 1e6;
    }
    return String.format(Locale.ROOT, "| %,d | %d | %d | %.2f | %.2f–%.2f | %.2f |", n, warmRuns, runs, median(rates),
        Arrays.stream(rates).min().orElseThrow(), Arrays.stream(rates).max().orElseThrow(), median(cpuRates));
  }

  private String tableRow(List<Path> file, String label, Row row) throws IOException {
    long bytes = 0;
    for (Path f : file) {
      bytes += Files.size(f);
    }
    return String.format(Locale.ROOT, "| %,d | %s | %s | %.2f | %.2f | %.2f | %.2f | %s | %s | %s | %s |%n", row.frames, mib(bytes), label,
        row.wall, row.cpu, row.frames / row.wall / 1e6, row.frames / row.cpu / 1e6, mib(row.heap), mib(row.memory.anon()), mib(row.memory.file()),
        mib(row.memory.peakRss()));
  }

  private void progress(Row row, String label) {
    err.printf(Locale.ROOT, "%,d packets, %s: %.2f s wall, %.2f M packets/s (wall), %.2f M packets/s (CPU)%n", row.frames, label, row.wall,
        row.frames / row.wall / 1e6, row.frames / row.cpu / 1e6);
  }

  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int m = v.length / 2;
    return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
  }

  /**
   * The capture of {@code n} packets in {@link #dir}, generated unless the one there was written by
   * this generator from the same plan (the stamp file beside it says so).
   */
  private Path capture(long n) throws IOException {
    Path file = dir.resolve("seismograph-bench-" + n + ".pcap");
    Path stampFile = dir.resolve(file.getFileName() + ".generator");
    SyntheticResolverTraffic.Plan plan = SyntheticResolverTraffic.Plan.of(n);
    String stamp = SyntheticResolverTraffic.stamp(plan);
    boolean current = Files.exists(file) && Files.exists(stampFile) && Files.readString(stampFile).strip().equals(stamp);
    if (!current) {
      err.printf(Locale.ROOT, Files.exists(file) ? "regenerating %,d packets into %s: written by another generator or plan%n"
          : "generating %,d packets into %s ...%n", n, file);
      Path tmp = dir.resolve(file.getFileName() + ".part");
      SyntheticResolverTraffic.write(tmp, plan, Progress.NONE);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Files.writeString(stampFile, stamp + "\n");
    }
    return file;
  }

  private record Row(long frames, double wall, double cpu, long heap, ProcessMemory memory) {
    /** Several runs as one: frames and times summed, the last heap figure, the peaks of memory. */
    Row plus(Row next) {
      return new Row(frames + next.frames, wall + next.wall, cpu + next.cpu, next.heap, memory.max(next.memory));
    }
  }

  private static Row measure(List<Path> file) throws IOException, InterruptedException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    System.gc();
    SeriesResult result;
    double wall;
    double cpu;
    try (MemorySampler memory = MemorySampler.start(ProcessHandle.current().pid())) {
      long cpu0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      SeriesRequest request = new SeriesRequest(file, DecodeOptions.defaults(), METRICS, TimeUnits.NANOS_PER_SECOND, null,
          3 * TimeUnits.NANOS_PER_SECOND);
      result = CaptureSeries.compute(request, Progress.NONE);
      wall = (System.nanoTime() - t0) / 1e9;
      cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
      memory.close();
      System.gc();
      Runtime rt = Runtime.getRuntime();
      return new Row(result.scan().frames(), wall, cpu, rt.totalMemory() - rt.freeMemory(), memory.peak());
    }
  }

  private static String mib(long bytes) {
    return bytes < 0 ? "?" : String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
  }
}
