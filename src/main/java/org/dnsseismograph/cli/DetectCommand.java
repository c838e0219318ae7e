package org.dnsseismograph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.dnsseismograph.analysis.CaptureDetect;
import org.dnsseismograph.analysis.HealthReportJson;
import org.dnsseismograph.analysis.HealthReportText;
import org.dnsseismograph.analysis.LoadRequest;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.wire.IpAddress;
import org.dnsseismograph.wire.Skipped;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code seismograph detect}: suspected authoritative outages and spikes in captures, with evidence. */
@Command(name = "detect", mixinStandardHelpOptions = true,
    // Lines under 80 columns: picocli wraps a longer one where it would break a figure from its unit.
    description = {"Suspected authoritative outages and spikes in DNS captures, with their evidence.",
        "Finds the resolvers (an address that receives recursive queries on a DNS port",
        "and sends queries to port 53), then the spans in which a server, or every",
        "server of a zone, kept receiving queries and stopped answering (to the",
        "millisecond), and spikes of the client and upstream counts at 100 ms, 1 s and",
        "10 s. Captures spanning more than 9.7 days are counted in coarser buckets",
        "(1 s, 10 s, 1 min, 10 min or 1 h: the finest that holds them) and the spikes",
        "sought at 1, 10 and 100 of them; the report names that step.",
        "JSON: see docs/detect-json.md."})
final class DetectCommand implements Callable<Integer> {
  private final PrintWriter out;
  private final PrintWriter err;

  @Parameters(arity = "1..*", paramLabel = "FILE", description =
      "pcap, pcapng or gzip'd captures (read together in time order; a folder of captures as its files), or a resolver's dnstap logs.")
  List<Path> files = new ArrayList<>();

  @Option(names = "--format", defaultValue = "text", paramLabel = "json|text", description = "Output format (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--resolver", paramLabel = "ADDR", split = ",",
      description = "The resolver(s) whose client and upstream sides are examined (default: found in the capture).")
  List<String> resolvers = new ArrayList<>();

  @Option(names = {"-q", "--quiet"}, description = "No summary on stderr.")
  boolean quiet;

  @Mixin CaptureOptions capture = new CaptureOptions();

  DetectCommand(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() throws IOException {
    if (!format.equals("json") && !format.equals("text")) {
      throw new IllegalArgumentException("--format must be json or text, not " + format);
    }
    files = InputErrors.withCaptureDirectoriesOpened(files);
    LoadRequest request = new LoadRequest(files, capture.decodeOptionsFor(files), capture.timeoutNanos(), resolvers.stream().map(IpAddress::parse).toList());
    InputErrors.requireReadable(files);
    CaptureDetect.Result result;
    try {
      result = CaptureDetect.run(request, Progress.NONE);
    } catch (IOException e) {
      throw InputErrors.describe(e);
    }
    if (format.equals("json")) {
      HealthReportJson.write(result.report(), out);
    } else {
      HealthReportText.write(result.report(), out);
    }
    out.flush();
    if (!quiet) {
      List<Skipped> skipped = new ArrayList<>(result.scan().skipped());
      skipped.addAll(result.dispatch().malformed());
      skipped.sort(Comparator.comparingLong(Skipped::count).reversed());
      ScanReport.print(err, result.scan(), result.dispatch(), skipped);
    }
    return ExitCode.OK;
  }
}
