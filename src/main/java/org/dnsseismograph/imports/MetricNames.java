package org.dnsseismograph.imports;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.dnsseismograph.series.MetricId;

/**
 * Turns the names exports give their series (label sets, column headers, carbon paths) into
 * valid, unique {@link MetricId}s. Not thread-safe: one per import (it remembers the ids given).
 */
final class MetricNames {
  private static final java.util.regex.Pattern LABEL = java.util.regex.Pattern.compile(
      "\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*,?");
  private final Set<String> used = new HashSet<>();

  /** A Prometheus-style series name: {@code name[label:value|label:value]}, labels sorted. */
  static String fromLabels(Map<String, String> labels) {
    Map<String, String> sorted = new TreeMap<>(labels);
    String name = sorted.remove("__name__");
    StringBuilder b = new StringBuilder(name == null ? "" : name);
    if (!sorted.isEmpty()) {
      b.append('[');
      sorted.forEach((k, v) -> b.append(k).append(':').append(v).append('|'));
      b.setCharAt(b.length() - 1, ']');
    }
    return b.length() == 0 ? "value" : b.toString();
  }

  /** Parses a Grafana column header written as a label set ({@code {job="x", instance="y"}}); null if it is not one. */
  static Map<String, String> parseLabelSet(String header) {
    String h = header.strip();
    int brace = h.indexOf('{');
    if (brace < 0 || !h.endsWith("}")) {
      return null;
    }
    Map<String, String> labels = new TreeMap<>();
    if (brace > 0) {
      labels.put("__name__", h.substring(0, brace).strip());
    }
    String body = h.substring(brace + 1, h.length() - 1);
    java.util.regex.Matcher m = LABEL.matcher(body);
    int at = 0;
    while (m.find() && m.start() == at) {
      labels.put(m.group(1), m.group(2));
      at = m.end();
    }
    return at == body.length() ? labels : null;
  }

  /** A valid id for {@code name}, made unique within this import by a numeric suffix. */
  MetricId idFor(String name) {
    String base = sanitize(name);
    String id = base;
    for (int k = 2; !used.add(id); k++) {
      id = base + "_" + k;
    }
    return MetricId.of(id);
  }

  private static String sanitize(String name) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = c < 128 && (Character.isLetterOrDigit(c) || "_.:-/|@%+[]".indexOf(c) >= 0);
      if (ok) {
        b.append(c);
      } else if (b.length() > 0 && b.charAt(b.length() - 1) != '_') {
        b.append('_');
      }
    }
    while (b.length() > 0 && b.charAt(b.length() - 1) == '_') {
      b.setLength(b.length() - 1);
    }
    return b.length() == 0 ? "value" : b.toString();
  }
}
