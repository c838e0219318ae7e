package org.dnsseismograph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dnsseismograph.analysis.CaptureSeries;
import org.dnsseismograph.analysis.SeriesRequest;
import org.dnsseismograph.analysis.SeriesResult;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.imports.ImportOptions;
import org.dnsseismograph.series.SeriesTable;
import org.dnsseismograph.series.SeriesTableCsv;
import org.dnsseismograph.series.SeriesTableJson;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.wire.IpAddress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code seismograph series}: time series of captures, one row per UTC-aligned bucket. */
@Command(name = "series", mixinStandardHelpOptions = true,
    // One line each, under 80 columns: picocli wraps a long line inside a metric's name.
    description = {"Time series of DNS captures, one row per bucket aligned to UTC.",
        "Metrics of all the DNS traffic:",
        "  dns.queries, dns.responses, dns.rcode.<NAME> (NOERROR, SERVFAIL, ...),",
        "  dns.unanswered, dns.truncated, dns.latency.p50|p90|p99|max (ms),",
        "  packets.skipped;",
        "of the resolvers' client side:",
        "  client.queries, client.responses, client.rcode.<NAME>, client.unanswered,",
        "  client.truncated, client.latency.*, client.sources (distinct addresses),",
        "  client.retries, client.retry_ratio;",
        "of their upstream side:",
        "  upstream.queries, upstream.responses, upstream.rcode.<NAME>,",
        "  upstream.timeouts, upstream.truncated, upstream.latency.*,",
        "  upstream.server.<ADDR>.queries|responses|timeouts|answer_ratio,",
        "  upstream.zone.<ZONE>.queries|responses|timeouts|answer_ratio",
        "  (ZONE without its final dot, the root as '.').",
        "Capture metrics are counts per bucket (latency in ms). Imported series give",
        "their own values: counters as rates per second."})
final class SeriesCommand implements Callable<Integer> {
  private final PrintWriter out;
  private final PrintWriter err;

  @Parameters(arity = "1..*", paramLabel = "FILE",
      description = "pcap, pcapng or gzip'd captures (read together in time order; a folder of captures as its files), "
          + "or a resolver's dnstap logs, and operators' exports (see 'import'; any other folder is a sequence of statistics snapshots).")
  List<Path> files = new ArrayList<>();

  @Option(names = "--metric", required = true, split = ",", paramLabel = "NAME", description = "Metrics, comma-separated or repeated.")
  List<String> metrics = new ArrayList<>();

  @Option(names = "--step", required = true, paramLabel = "DURATION", description = "Bucket width: 1ms, 100ms, 1s, 1min ... (whole milliseconds).")
  String step;

  @Option(names = "--from", paramLabel = "TIME", description = "First bucket: ISO-8601 with offset or Z, or epoch seconds.")
  String from;

  @Option(names = "--to", paramLabel = "TIME", description = "End (exclusive): ISO-8601 with offset or Z, or epoch seconds.")
  String to;

  @Option(names = "--format", defaultValue = "csv", paramLabel = "csv|json", description = "Output format (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--resolver", paramLabel = "ADDR", split = ",",
      description = "The resolver(s) whose client and upstream sides the client.* and upstream.* metrics describe (default: found in the capture).")
  List<String> resolvers = new ArrayList<>();

  @Option(names = {"-q", "--quiet"}, description = "No summary on stderr.")
  boolean quiet;

  @Option(names = "--zone", paramLabel = "ZONE", description = "Time zone of exports' local date-times without offset (e.g. Europe/Berlin).")
  String zone;

  @Mixin CaptureOptions capture = new CaptureOptions();

  SeriesCommand(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() throws IOException {
    if (!format.equals("csv") && !format.equals("json")) {
      throw new IllegalArgumentException("--format must be csv or json, not " + format);
    }
    long step = stepNanos();
    TimeRange window = window();
    files = InputErrors.withCaptureDirectoriesOpened(files);
    // any other folder is a sequence of statistics snapshots
    InputErrors.requireOpenable(files);
    List<Path> captures = files.stream().filter(CaptureSourceLoader::readsMessages).toList();
    List<Path> exports = files.stream().filter(f -> !captures.contains(f)).toList();
    ExportColumns imported = exports.isEmpty() ? null : importExports(exports);
    List<String> importedMetrics = imported == null ? List.of() : metrics.stream().filter(imported::provides).toList();
    List<String> captureMetrics = metrics.stream().filter(m -> !importedMetrics.contains(m)).toList();
    if (captures.isEmpty() && !captureMetrics.isEmpty()) {
      throw new IllegalArgumentException("no series named " + String.join(", ", captureMetrics) + " in " + exports
          + "; the exports have: " + imported.ids().stream().map(Object::toString).limit(40).toList());
    }
    SeriesTable table = SeriesTable.empty(0, step);
    SeriesResult result = null;
    if (!captureMetrics.isEmpty()) {
      SeriesRequest request = new SeriesRequest(captures, capture.decodeOptionsFor(captures), captureMetrics, step, window, capture.timeoutNanos(),
          resolvers.stream().map(IpAddress::parse).toList());
      try {
        result = CaptureSeries.compute(request, Progress.NONE);
      } catch (IOException e) {
        throw InputErrors.describe(e);
      }
      table = result.table();
    }
    if (imported != null) {
      table = imported.merge(table, importedMetrics, window, step);
    }
    if (format.equals("csv")) {
      SeriesTableCsv.write(table, out);
    } else {
      SeriesTableJson.write(table, out);
    }
    out.flush();
    if (!quiet && result != null) {
      ScanReport.print(err, result.scan(), result.dispatch(), result.skipped());
    }
    return ExitCode.OK;
  }

  private ExportColumns importExports(List<Path> exports) {
    ImportOptions options = ImportOptions.defaults();
    if (zone != null) {
      options = options.withZone(java.time.ZoneId.of(zone));
    }
    try {
      return ExportColumns.load(exports, options);
    } catch (IOException e) {
      throw InputErrors.describe(e);
    }
  }

  private long stepNanos() {
    long s = TimeUnits.parseDuration(step);
    if (s < TimeUnits.NANOS_PER_MILLI || s % TimeUnits.NANOS_PER_MILLI != 0) {
      throw new IllegalArgumentException("--step must be a whole number of milliseconds, at least 1ms, not " + step);
    }
    return s;
  }

  private TimeRange window() {
    if (from == null && to == null) {
      return null;
    }
    long f = from == null ? Long.MIN_VALUE : TimeUnits.parseInstant(from);
    long t = to == null ? Long.MAX_VALUE : TimeUnits.parseInstant(to);
    if (t <= f) {
      throw new IllegalArgumentException("--to must be after --from");
    }
    return new TimeRange(f, t);
  }
}
