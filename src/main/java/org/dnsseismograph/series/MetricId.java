package org.dnsseismograph.series;

import java.util.regex.Pattern;

/**
 * The name of a metric, dotted, e.g. {@code client.rcode.SERVFAIL} or {@code
 * upstream.server.192.0.2.1.timeouts}. Immutable.
 */
public record MetricId(String name) implements Comparable<MetricId> {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.:\\-/|@%+\\[\\]]+");

  public MetricId {
    if (name == null || !VALID.matcher(name).matches()) {
      throw new IllegalArgumentException("invalid metric name: " + name);
    }
  }

  public static MetricId of(String name) {
    return new MetricId(name);
  }

  @Override
  public int compareTo(MetricId o) {
    return name.compareTo(o.name);
  }

  @Override
  public String toString() {
    return name;
  }
}
