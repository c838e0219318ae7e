package org.dnsseismograph.series;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A fixed-step table of metrics: row {@code r} covers {@code [origin + r * step, origin + (r + 1) *
 * step)} in epoch nanoseconds UTC, and holds one double per metric column. {@code NaN} means "no
 * value" (a gap, e.g. a latency in a bucket without an answered query), never zero. This is what
 * {@code seismograph series} prints, through {@link SeriesTableCsv} and {@link SeriesTableJson}.
 *
 * <p>Immutable: the constructor copies the values, accessors never expose the arrays. The
 * constructor rejects a non-positive step, columns of unequal length, duplicate metrics and a
 * metric named {@code time} (the CSV and JSON writers use that name for the row time).
 */
public final class SeriesTable {
  /** The name of the time column in every export. */
  public static final String TIME_COLUMN = "time";

  /**
   * One column: which metric, in which unit.
   *
   * @param metric the metric
   * @param unit what its values measure
   */
  public record Column(MetricId metric, Unit unit) {
    public Column {
      Objects.requireNonNull(metric, "metric");
      Objects.requireNonNull(unit, "unit");
      if (metric.name().equals(TIME_COLUMN)) {
        throw new IllegalArgumentException("a metric may not be called '" + TIME_COLUMN + "'");
      }
    }
  }

  private final long originNanos;
  private final long stepNanos;
  private final int rowCount;
  private final List<Column> columns;
  private final double[][] values;

  /**
   * @param originNanos start of the first row, epoch ns UTC
   * @param stepNanos width of every row, positive
   * @param columns the columns, in output order
   * @param values {@code values[column][row]}; every column has the same number of rows
   */
  public SeriesTable(long originNanos, long stepNanos, List<Column> columns, double[][] values) {
    if (stepNanos <= 0) {
      throw new IllegalArgumentException("step must be positive: " + stepNanos);
    }
    if (columns.size() != values.length) {
      throw new IllegalArgumentException(columns.size() + " columns but " + values.length + " value arrays");
    }
    Set<MetricId> seen = new HashSet<>();
    for (Column c : columns) {
      if (!seen.add(c.metric())) {
        throw new IllegalArgumentException("duplicate metric " + c.metric());
      }
    }
    int rows = values.length == 0 ? 0 : values[0].length;
    double[][] copy = new double[values.length][];
    for (int i = 0; i < values.length; i++) {
      if (values[i].length != rows) {
        throw new IllegalArgumentException("column " + columns.get(i).metric() + " has " + values[i].length + " rows, not " + rows);
      }
      copy[i] = values[i].clone();
    }
    this.originNanos = originNanos;
    this.stepNanos = stepNanos;
    this.rowCount = rows;
    this.columns = List.copyOf(columns);
    this.values = copy;
  }

  /** An empty table (no columns, no rows). */
  public static SeriesTable empty(long originNanos, long stepNanos) {
    return new SeriesTable(originNanos, stepNanos, List.of(), new double[0][]);
  }

  /** Start of the first row, epoch ns UTC. */
  public long originNanos() {
    return originNanos;
  }

  /** Width of a row in nanoseconds. */
  public long stepNanos() {
    return stepNanos;
  }

  /** End of the last row (exclusive), epoch ns UTC. */
  public long endNanos() {
    return originNanos + rowCount * stepNanos;
  }

  public int rowCount() {
    return rowCount;
  }

  public List<Column> columns() {
    return columns;
  }

  /** The metrics, in column order. */
  public List<MetricId> metrics() {
    List<MetricId> ids = new ArrayList<>(columns.size());
    columns.forEach(c -> ids.add(c.metric()));
    return List.copyOf(ids);
  }

  /** Start of row {@code row}, epoch ns UTC. */
  public long rowStartNanos(int row) {
    Objects.checkIndex(row, rowCount);
    return originNanos + row * stepNanos;
  }

  /** The value in a cell; NaN for "no value". */
  public double value(int column, int row) {
    return values[column][Objects.checkIndex(row, rowCount)];
  }

  /** The column of a metric, or -1. */
  public int indexOf(MetricId metric) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).metric().equals(metric)) {
        return i;
      }
    }
    return -1;
  }

  /** A copy of one column's values. */
  public double[] columnValues(int column) {
    return values[column].clone();
  }

  @Override
  public String toString() {
    return "SeriesTable[" + rowCount + " rows of " + TimeUnits.formatDuration(stepNanos) + " from " + TimeUnits.format(originNanos) + ", " + metrics() + "]";
  }
}
