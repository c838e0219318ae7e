package org.dnsseismograph.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dnsseismograph.imports.CounterMode;
import org.dnsseismograph.imports.ExportImporter;
import org.dnsseismograph.imports.ImportException;
import org.dnsseismograph.imports.ImportFormat;
import org.dnsseismograph.imports.ImportOptions;
import org.dnsseismograph.imports.ImportReport;
import org.dnsseismograph.imports.SeriesKind;
import org.dnsseismograph.imports.SeriesReport;
import org.dnsseismograph.imports.SkippedLines;
import org.dnsseismograph.imports.TimeNote;
import org.dnsseismograph.series.LabelConvention;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.TimeUnits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code seismograph import FILE... --describe}: reads operators' exports and resolver statistics
 * dumps and lists, per file, the series found with their time range, step and kind (and how each
 * was decided), what was skipped and why, daylight-saving notes and warnings. Several snapshot
 * files (or a directory of them) are one source with {@code --sequence}. Text or JSON on stdout;
 * an unreadable file is one line on stderr and exit 1 (the other files are still described); a bad
 * option is exit 2.
 */
@Command(name = "import",
    description = {"Read operators' exports and resolvers' statistics dumps into time series.",
        "CSV/TSV, Grafana, Prometheus, Graphite, RRDtool, Unbound and PowerDNS, each",
        "recognised by its content; --describe lists the series found."})
final class ImportCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Export files; a directory is a sequence of snapshot files")
  List<Path> files = new ArrayList<>();

  @Option(names = "--describe", description = "List the series found with time range, step and kind (what import prints)")
  boolean describe;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Output format (default: ${DEFAULT-VALUE})")
  String format;

  @Option(names = "--sequence", description = "Read all FILEs as one sequence of statistics snapshots (one source)")
  boolean sequence;

  @Option(names = "--series", paramLabel = "N", defaultValue = "200", description = "List at most N series per file in text (default: ${DEFAULT-VALUE})")
  int maxSeries;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Mixin
  ImportFlags flags = new ImportFlags();

  private final PrintWriter out;
  private final PrintWriter err;

  ImportCommand(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    ImportOptions options;
    try {
      options = flags.toOptions();
      if (!format.equals("text") && !format.equals("json")) {
        throw new IllegalArgumentException("--format wants text or json, got '" + format + "'");
      }
    } catch (IllegalArgumentException e) {
      err.println("seismograph import: " + e.getMessage());
      return ExitCode.BAD_USAGE;
    }
    ExportImporter importer = new ExportImporter(options);
    List<ImportReport> reports = new ArrayList<>();
    int failed = 0;
    List<List<Path>> groups = sequence ? List.of(files) : files.stream().map(List::of).toList();
    for (List<Path> group : groups) {
      try {
        reports.add(importer.importPaths(group, options).report());
      } catch (ImportException e) {
        err.println("seismograph import: " + e.getMessage());
        failed++;
      }
    }
    if (format.equals("json")) {
      out.println(json(reports));
    } else {
      reports.forEach(this::printText);
    }
    return failed > 0 ? ExitCode.UNREADABLE_INPUT : ExitCode.OK;
  }

  private void printText(ImportReport r) {
    out.println(r.sourceName() + ": " + r.format().title() + " (" + r.format().cliName() + "), " + r.formatBasis());
    if (r.files().size() > 1) {
      out.println("  files: " + r.files().size() + " (" + r.files().get(0) + " .. " + r.files().get(r.files().size() - 1) + ")");
    }
    out.println("  time: " + r.timeBasis());
    TimeRange range = r.range();
    out.println("  range: " + (range == null ? "no data" : TimeUnits.format(range.startNanos()) + " .. " + TimeUnits.format(range.endNanos())));
    out.println("  " + (r.isComplete() ? "complete: every line read" : "PARTIAL: " + String.join("; ", r.partialReasons())));
    out.println("  series: " + r.series().size());
    out.println(String.format(Locale.ROOT, "    %-40s %-7s %8s %8s %9s  %-24s %-24s %s", "ID", "KIND", "STEP", "READINGS", "SAMPLES",
        "FROM", "TO", "HOW THE KIND WAS DECIDED"));
    r.series().stream().limit(maxSeries).forEach(s -> out.println(String.format(Locale.ROOT, "    %-40s %-7s %8s %8d %9d  %-24s %-24s %s",
        s.id(), s.kind().name().toLowerCase(Locale.ROOT), TimeUnits.formatDuration(s.stepNanos()), s.readings(), s.samples(),
        s.range() == null ? "-" : TimeUnits.format(s.range().startNanos()), s.range() == null ? "-" : TimeUnits.format(s.range().endNanos()),
        s.kindBasis() + (s.resets() > 0 ? "; " + s.resets() + " reset(s)" : ""))));
    if (r.series().size() > maxSeries) {
      out.println("    ... " + (r.series().size() - maxSeries) + " more (--series N, or --format json)");
    }
    for (SkippedLines s : r.skipped()) {
      out.println("  skipped " + s.count() + ": " + s.reason() + (s.firstLines().isEmpty() ? "" : " (lines " + s.firstLines() + ")"));
    }
    for (TimeNote n : r.timeNotes()) {
      out.println("  time note, line " + n.line() + ": " + n.localTime() + " " + n.problem().name().toLowerCase(Locale.ROOT) + ": " + n.resolution());
    }
    r.warnings().forEach(w -> out.println("  warning: " + w));
  }

  private static String json(List<ImportReport> reports) {
    List<Map<String, Object>> files = new ArrayList<>();
    for (ImportReport r : reports) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("source", r.sourceName());
      m.put("files", r.files());
      m.put("format", r.format().cliName());
      m.put("formatBasis", r.formatBasis());
      m.put("time", r.timeBasis());
      m.put("complete", r.isComplete());
      m.put("partialReasons", r.partialReasons());
      List<Map<String, Object>> series = new ArrayList<>();
      for (SeriesReport s : r.series()) {
        series.add(seriesJson(s));
      }
      m.put("series", series);
      m.put("skipped", r.skipped());
      m.put("timeNotes", r.timeNotes());
      m.put("warnings", r.warnings());
      files.add(m);
    }
    try {
      return JSON.writeValueAsString(Map.of("imports", files));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write the report as JSON", e);
    }
  }

  private static Map<String, Object> seriesJson(SeriesReport s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id().name());
    m.put("name", s.name());
    m.put("kind", s.kind().name().toLowerCase(Locale.ROOT));
    m.put("kindBasis", s.kindBasis());
    m.put("unit", s.unit().symbol());
    m.put("readings", s.readings());
    m.put("missing", s.missing());
    m.put("samples", s.samples());
    m.put("resets", s.resets());
    m.put("from", s.range() == null ? null : TimeUnits.format(s.range().startNanos()));
    m.put("to", s.range() == null ? null : TimeUnits.format(s.range().endNanos()));
    m.put("stepSeconds", s.stepNanos() / 1e9);
    m.put("stepBasis", s.stepBasis());
    m.put("label", s.label().name().toLowerCase(Locale.ROOT));
    m.put("consolidation", s.consolidation().name().toLowerCase(Locale.ROOT));
    return m;
  }

  static final class ImportFlags {
    @Option(names = "--as", paramLabel = "FORMAT", description = "Read the files as this format instead of detecting it: ${COMPLETION-CANDIDATES}",
        completionCandidates = FormatNames.class)
    String as;

    @Option(names = "--zone", paramLabel = "ZONE", description = "Time zone of local date-times without offset (e.g. Europe/Berlin); default: read them as UTC, with a warning")
    String zone;

    @Option(names = "--time", paramLabel = "TIME", description = "When a statistics snapshot without a time of its own was taken (ISO-8601 with offset, or epoch seconds)")
    String time;

    @Option(names = "--counters", paramLabel = "MODE", description = "How statistics counters behave between reads: auto (default), cumulative, reset")
    String counters;

    @Option(names = "--kind", paramLabel = "NAME=KIND", split = ",", description = "Say what a series is: counter, gauge or rate (NAME may end in *)")
    List<String> kinds = new ArrayList<>();

    @Option(names = "--label", paramLabel = "START|END", description = "Which end of its interval a timestamp names (default: the format's own convention)")
    String label;

    @Option(names = "--step", paramLabel = "DURATION", description = "The sample interval, when the times do not show it (e.g. 10s)")
    String step;

    /** The options as the importer takes them. */
    ImportOptions toOptions() {
      ImportOptions o = ImportOptions.defaults();
      if (as != null) {
        o = o.withFormat(ImportFormat.parse(as));
      }
      if (zone != null) {
        try {
          o = o.withZone(ZoneId.of(zone));
        } catch (DateTimeException e) {
          throw new IllegalArgumentException("unknown time zone '" + zone + "' (want a region such as Europe/Berlin, or UTC)");
        }
      }
      if (time != null) {
        o = o.withSnapshotTime(TimeUnits.parseInstant(time));
      }
      if (counters != null) {
        o = o.withCounterMode(CounterMode.parse(counters));
      }
      for (String k : kinds) {
        int eq = k.lastIndexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException("--kind wants NAME=counter|gauge|rate, got '" + k + "'");
        }
        o = o.withKind(k.substring(0, eq), SeriesKind.parse(k.substring(eq + 1)));
      }
      if (label != null) {
        String l = label.strip().toUpperCase(java.util.Locale.ROOT);
        if (!l.equals("START") && !l.equals("END")) {
          throw new IllegalArgumentException("--label wants start or end, got '" + label + "'");
        }
        o = o.withLabel(LabelConvention.valueOf(l));
      }
      if (step != null) {
        o = o.withStep(TimeUnits.parseDuration(step));
      }
      return o;
    }

    /** The format names for --help. */
    static final class FormatNames extends ArrayList<String> {
      private static final long serialVersionUID = 1L;

      FormatNames() {
        for (ImportFormat f : ImportFormat.values()) {
          add(f.cliName());
        }
      }
    }
  }
}
