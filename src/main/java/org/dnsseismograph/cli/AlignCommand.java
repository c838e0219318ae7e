package org.dnsseismograph.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.dnsseismograph.analysis.AlignmentMetrics;
import org.dnsseismograph.analysis.ClockOffsetEstimate;
import org.dnsseismograph.analysis.ClockOffsetEstimator;
import org.dnsseismograph.imports.ExportImporter;
import org.dnsseismograph.imports.ImportOptions;
import org.dnsseismograph.imports.SourceLoader;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.wire.DecodeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code seismograph align REF OTHER...}: estimates each OTHER source's clock offset against the
 * reference by cross-correlating their query rates (or the series named) around the reference's
 * strongest change, and prints each offset with its uncertainty and quality, as text or JSON.
 * Sources are loaded through a {@link SourceLoader} made from the import options, so a loader for
 * captures can be chained in front of the export importer. An unreadable source is one line on
 * stderr and exit 1; a bad option or an unknown series name is exit 2.
 */
@Command(name = "align",
    description = {"Estimate each source's clock offset against a reference source.", "Each estimate comes with its uncertainty."})
final class AlignCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Parameters(index = "0", paramLabel = "REF", description = "The reference source (its clock is taken as right)")
  Path reference;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "OTHER", description = "Sources whose offsets to estimate; a directory is a snapshot sequence")
  List<Path> others = new ArrayList<>();

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Output format (default: ${DEFAULT-VALUE})")
  String format;

  @Option(names = "--metric", paramLabel = "NAME", description = "The reference's series to align on (default: its query rate, else its strongest change)")
  String referenceMetric;

  @Option(names = "--other-metric", paramLabel = "NAME", description = "The others' series to align on (default: as for --metric)")
  String otherMetric;

  @Option(names = "--max-offset", paramLabel = "DURATION", defaultValue = "10min", description = "Largest offset searched either way (default: ${DEFAULT-VALUE})")
  String maxOffset;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Mixin
  ImportCommand.ImportFlags flags = new ImportCommand.ImportFlags();

  private final PrintWriter out;
  private final PrintWriter err;
  private final Function<ImportOptions, SourceLoader> loaders;

  AlignCommand(PrintWriter out, PrintWriter err) {
    this(out, err, o -> new CaptureSourceLoader(DecodeOptions.defaults(), 3 * TimeUnits.NANOS_PER_SECOND).orElse(new ExportImporter(o)));
  }

  /** @param loaders makes the loader of the sources from the import options (chain a capture loader in front here) */
  AlignCommand(PrintWriter out, PrintWriter err, Function<ImportOptions, SourceLoader> loaders) {
    this.out = out;
    this.err = err;
    this.loaders = loaders;
  }

  /** One aligned source: its name, the series used and the estimate. */
  private record Row(String source, MetricId series, ClockOffsetEstimate estimate) {}

  @Override
  public Integer call() {
    ClockOffsetEstimator estimator;
    SourceLoader loader;
    try {
      if (!format.equals("text") && !format.equals("json")) {
        throw new IllegalArgumentException("--format wants text or json, got '" + format + "'");
      }
      estimator = new ClockOffsetEstimator(TimeUnits.parseDuration(maxOffset));
      loader = loaders.apply(flags.toOptions());
    } catch (IllegalArgumentException e) {
      err.println("seismograph align: " + e.getMessage());
      return ExitCode.BAD_USAGE;
    }
    try {
      SeriesSet ref = loader.load(reference);
      MetricId refId = AlignmentMetrics.pick(ref, referenceMetric);
      List<Row> rows = new ArrayList<>();
      for (Path p : others) {
        SeriesSet o = loader.load(p);
        MetricId id = AlignmentMetrics.pick(o, otherMetric);
        rows.add(new Row(o.sourceName(), id, estimator.estimate(ref.get(refId), o.get(id))));
      }
      print(ref.sourceName(), refId, rows);
      return ExitCode.OK;
    } catch (IOException e) {
      err.println("seismograph align: " + e.getMessage());
      return ExitCode.UNREADABLE_INPUT;
    } catch (IllegalArgumentException e) {
      err.println("seismograph align: " + e.getMessage());
      return ExitCode.BAD_USAGE;
    }
  }

  private void print(String refName, MetricId refId, List<Row> rows) {
    if (format.equals("json")) {
      out.println(json(refName, refId, rows));
      return;
    }
    out.println("reference: " + refName + " (" + refId + ")");
    for (Row r : rows) {
      ClockOffsetEstimate e = r.estimate();
      if (!e.found()) {
        out.println(r.source() + " (" + r.series() + "): no offset found: " + e.explanation());
        continue;
      }
      out.println(String.format(Locale.ROOT, "%s (%s): clock %+.3f s ± %.3f s relative to the reference; shift by %+.3f s to align"
          + " [%s, r = %.2f, margin %.2f, around %s, interval %s]", r.source(), r.series(), e.offsetNanos() / 1e9,
          e.uncertaintyNanos() / 1e9, e.correctionNanos() / 1e9, e.quality(), e.correlation(), e.margin(), TimeUnits.format(e.eventNanos()),
          TimeUnits.formatDuration(e.resolutionNanos())));
    }
  }

  private static String json(String refName, MetricId refId, List<Row> rows) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Row r : rows) {
      ClockOffsetEstimate e = r.estimate();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("source", r.source());
      m.put("series", r.series().name());
      m.put("found", e.found());
      m.put("offsetSeconds", e.found() ? e.offsetNanos() / 1e9 : null);
      m.put("uncertaintySeconds", e.found() ? e.uncertaintyNanos() / 1e9 : null);
      m.put("correctionSeconds", e.found() ? e.correctionNanos() / 1e9 : null);
      m.put("quality", e.quality().name().toLowerCase(Locale.ROOT));
      m.put("correlation", e.found() ? e.correlation() : null);
      m.put("margin", e.found() ? e.margin() : null);
      m.put("event", e.found() ? TimeUnits.format(e.eventNanos()) : null);
      m.put("resolutionSeconds", e.resolutionNanos() / 1e9);
      m.put("explanation", e.explanation());
      list.add(m);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("reference", Map.of("source", refName, "series", refId.name()));
    root.put("offsets", list);
    try {
      return JSON.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write the offsets as JSON", e);
    }
  }
}
