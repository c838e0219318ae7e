package org.dnsseismograph.imports;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The export formats the importer knows, in the order detection tries them. Immutable.
 *
 * @see <a href="https://prometheus.io/docs/prometheus/latest/querying/api/#range-queries">Prometheus
 *     range queries</a>
 * @see <a href="https://graphite.readthedocs.io/en/latest/render_api.html">Graphite render API</a>
 * @see <a href="https://oss.oetiker.ch/rrdtool/doc/rrdxport.en.html">rrdtool xport</a>
 */
public enum ImportFormat {
  PROMETHEUS_JSON("prometheus", "Prometheus query_range JSON"),
  GRAPHITE_JSON("graphite-json", "Graphite render JSON"),
  RRD_XPORT_JSON("rrd-xport-json", "rrdtool xport JSON"),
  PDNS_API_JSON("pdns-api", "PowerDNS Recursor API statistics JSON"),
  RRD_XPORT_XML("rrd-xport-xml", "rrdtool xport XML"),
  RRD_FETCH("rrd-fetch", "rrdtool fetch text"),
  GRAPHITE_RAW("graphite-raw", "Graphite render raw"),
  UNBOUND_STATS("unbound-stats", "unbound-control stats"),
  PDNS_GET_ALL("pdns-get-all", "rec_control get-all"),
  CARBON("carbon", "carbon plaintext"),
  GRAFANA_LEGACY_CSV("grafana-legacy", "Grafana legacy CSV (series as rows)"),
  GRAPHITE_CSV("graphite-csv", "Graphite render CSV"),
  GRAFANA_WIDE_CSV("grafana-wide", "Grafana CSV (series joined by time / series as columns)"),
  CSV("csv", "generic CSV/TSV");

  private final String cliName;
  private final String title;

  ImportFormat(String cliName, String title) {
    this.cliName = cliName;
    this.title = title;
  }

  /** The name users give on the command line ({@code --as prometheus}). */
  public String cliName() {
    return cliName;
  }

  /** A short human name for reports and errors. */
  public String title() {
    return title;
  }

  /** True for the formats that hold one statistics snapshot (or a stamped sequence of them). */
  public boolean isSnapshotDump() {
    return this == UNBOUND_STATS || this == PDNS_GET_ALL || this == PDNS_API_JSON;
  }

  /** Parses a {@link #cliName()} (or the enum name), any case. */
  public static ImportFormat parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    for (ImportFormat f : values()) {
      if (f.cliName.equals(t) || f.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(t)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown format '" + text + "' (want one of " + names() + ")");
  }

  /** All {@link #cliName()}s, comma-separated. */
  public static String names() {
    return Arrays.stream(values()).map(ImportFormat::cliName).collect(Collectors.joining(", "));
  }
}
