package org.dnsseismograph.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dnsseismograph.imports.ExportImporter;
import org.dnsseismograph.imports.ImportOptions;
import org.dnsseismograph.series.Bucket;
import org.dnsseismograph.series.BucketSampler;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.ResolvableSeries;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.series.SeriesTable;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.TimeUnits;

/**
 * The {@code series} verb's imported side: operator exports loaded as series, their metrics picked
 * by name, and laid on the same UTC buckets as the captures' table. An imported series gives its
 * own values per bucket (a counter as its rate per second, a gauge as its level); a bucket the
 * export has no sample in is empty, never 0.
 */
final class ExportColumns {
  private final Map<MetricId, ResolvableSeries> available = new LinkedHashMap<>();
  private final List<String> sources = new ArrayList<>();

  static ExportColumns load(List<Path> files, ImportOptions options) throws IOException {
    ExportColumns c = new ExportColumns();
    ExportImporter importer = new ExportImporter(options);
    for (Path f : files) {
      SeriesSet set;
      try {
        // a folder is a sequence of statistics snapshots, as import and the window read it
        set = importer.importPaths(List.of(f), options).series();
      } catch (org.dnsseismograph.imports.ImportException e) {
        String why = e.getMessage();
        String name = f.getFileName().toString() + ": ";
        throw new InputFailure(f, "neither a capture (pcap, pcapng, gzip) nor an export I know: "
            + (why != null && why.startsWith(name) ? why.substring(name.length()) : why));
      }
      c.sources.add(set.sourceName());
      set.series().forEach(c.available::putIfAbsent);
    }
    return c;
  }

  boolean provides(String metric) {
    return available.containsKey(new MetricId(metric));
  }

  List<MetricId> ids() {
    return List.copyOf(available.keySet());
  }

  /** The union of the requested series' extents, or null if none has data. */
  TimeRange extent(List<String> metrics) {
    TimeRange all = null;
    for (String m : metrics) {
      ResolvableSeries s = available.get(new MetricId(m));
      if (s != null && !s.isEmpty()) {
        all = all == null ? s.extent() : all.union(s.extent());
      }
    }
    return all;
  }

  /** One column of {@code rows} buckets of {@code step} from {@code origin}. */
  double[] column(String metric, long origin, long step, int rows) {
    ResolvableSeries s = available.get(new MetricId(metric));
    double[] values = new double[rows];
    java.util.Arrays.fill(values, Double.NaN);
    if (rows == 0) {
      return values;
    }
    List<Bucket> buckets = BucketSampler.sample(s, new TimeRange(origin, origin + rows * step), step);
    for (Bucket b : buckets) {
      int row = (int) ((b.startNanos() - origin) / step);
      if (row >= 0 && row < rows && !b.isGap()) {
        values[row] = b.value();
      }
    }
    return values;
  }

  SeriesTable.Column describe(String metric) {
    ResolvableSeries s = available.get(new MetricId(metric));
    return new SeriesTable.Column(s.id(), s.unit());
  }

  /**
   * Lays the captures' table (possibly empty) and the requested imported metrics on one grid: the
   * captures' rows, widened to the exports' extent unless a window was given.
   */
  SeriesTable merge(SeriesTable captures, List<String> importedMetrics, TimeRange window, long step) {
    long origin;
    long end;
    if (window != null && window.startNanos() != Long.MIN_VALUE && window.endNanos() != Long.MAX_VALUE) {
      origin = TimeUnits.floorToStep(window.startNanos(), step);
      end = window.endNanos();
    } else {
      TimeRange extent = extent(importedMetrics);
      origin = captures.rowCount() > 0 ? captures.originNanos() : extent == null ? 0 : TimeUnits.floorToStep(extent.startNanos(), step);
      end = captures.rowCount() > 0 ? captures.endNanos() : origin;
      if (extent != null) {
        origin = Math.min(origin, TimeUnits.floorToStep(extent.startNanos(), step));
        end = Math.max(end, extent.endNanos());
      }
      if (window != null) {
        origin = Math.max(origin, TimeUnits.floorToStep(window.startNanos(), step));
        end = Math.min(end, window.endNanos());
      }
    }
    long rowsLong = Math.max(0, Math.floorDiv(end - origin + step - 1, step));
    if (rowsLong > BucketSampler.MAX_BUCKETS) {
      throw new IllegalArgumentException(rowsLong + " buckets of " + TimeUnits.formatDuration(step) + ": choose a larger --step or a --from/--to window");
    }
    int rows = (int) rowsLong;
    List<SeriesTable.Column> columns = new ArrayList<>(captures.columns());
    List<double[]> values = new ArrayList<>();
    for (int c = 0; c < captures.columns().size(); c++) {
      double[] v = new double[rows];
      java.util.Arrays.fill(v, Double.NaN);
      long shift = (captures.originNanos() - origin) / step;
      for (int r = 0; r < captures.rowCount(); r++) {
        long target = r + shift;
        if (target >= 0 && target < rows) {
          v[(int) target] = captures.value(c, r);
        }
      }
      values.add(v);
    }
    for (String m : importedMetrics) {
      columns.add(describe(m));
      values.add(column(m, origin, step, rows));
    }
    return new SeriesTable(origin, step, columns, values.toArray(new double[0][]));
  }
}
