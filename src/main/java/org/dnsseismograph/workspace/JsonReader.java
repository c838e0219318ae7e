package org.dnsseismograph.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.TimeUnits;

/**
 * Typed field access over a Jackson tree that remembers where each node sits ({@code
 * annotations[2]}), so every failure names the field: {@code annotations[2].start: not an ISO-8601
 * instant}. One reader per document; not thread-safe.
 */
final class JsonReader {
  /** A parsing step that may fail with a format error. */
  interface Step<T> {
    T get() throws WorkspaceFormatException;
  }

  private final Map<JsonNode, String> paths = new IdentityHashMap<>();

  static String instant(long epochNanos) {
    return TimeUnits.toInstant(epochNanos).toString();
  }

  List<JsonNode> array(JsonNode parent, String field) throws WorkspaceFormatException {
    JsonNode a = parent.get(field);
    if (a == null || a.isNull()) {
      return List.of();
    }
    if (!a.isArray()) {
      throw fail(parent, field, "not a list");
    }
    List<JsonNode> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      JsonNode e = a.get(i);
      if (!e.isObject()) {
        throw new WorkspaceFormatException(where(parent, field) + "[" + i + "]: not an object");
      }
      paths.put(e, where(parent, field) + "[" + i + "]");
      out.add(e);
    }
    return out;
  }

  /** The object in {@code field}, or null when it is absent or null. */
  JsonNode optionalObject(JsonNode parent, String field) throws WorkspaceFormatException {
    JsonNode o = parent.get(field);
    if (o == null || o.isNull()) {
      return null;
    }
    if (!o.isObject()) {
      throw fail(parent, field, "not an object");
    }
    paths.put(o, where(parent, field));
    return o;
  }

  String text(JsonNode n, String field) throws WorkspaceFormatException {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      throw fail(n, field, "missing");
    }
    if (!v.isTextual()) {
      throw fail(n, field, "not text");
    }
    return v.asText();
  }

  String optionalText(JsonNode n, String field) throws WorkspaceFormatException {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? "" : text(n, field);
  }

  List<String> texts(JsonNode n, String field) throws WorkspaceFormatException {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw fail(n, field, "not a list");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode e : v) {
      if (!e.isTextual()) {
        throw fail(n, field, "holds something that is not text");
      }
      out.add(e.asText());
    }
    return out;
  }

  long optionalLong(JsonNode n, String field) throws WorkspaceFormatException {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return 0;
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw fail(n, field, "not a whole number of nanoseconds");
    }
    return v.asLong();
  }

  double number(JsonNode n, String field) throws WorkspaceFormatException {
    JsonNode v = n.get(field);
    if (v == null || !v.isNumber()) {
      throw fail(n, field, v == null ? "missing" : "not a number");
    }
    return v.asDouble();
  }

  boolean bool(JsonNode n, String field) throws WorkspaceFormatException {
    JsonNode v = n.get(field);
    if (v == null || !v.isBoolean()) {
      throw fail(n, field, v == null ? "missing" : "not true or false");
    }
    return v.asBoolean();
  }

  /** A range from the node's {@code start} and {@code end} instants. */
  TimeRange range(JsonNode n) throws WorkspaceFormatException {
    long start = time(n, "start");
    long end = time(n, "end");
    if (end < start) {
      throw fail(n, "end", "before start");
    }
    return new TimeRange(start, end);
  }

  /** Runs {@code step}, turning the model's own refusals into format errors that name the node. */
  <T> T build(JsonNode n, Step<T> step) throws WorkspaceFormatException {
    try {
      return step.get();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new WorkspaceFormatException(path(n) + ": " + e.getMessage(), e);
    }
  }

  private long time(JsonNode n, String field) throws WorkspaceFormatException {
    String s = text(n, field);
    try {
      return TimeUnits.toNanos(Instant.parse(s));
    } catch (DateTimeParseException | ArithmeticException e) {
      throw fail(n, field, "not an ISO-8601 UTC instant: '" + s + "'");
    }
  }

  private WorkspaceFormatException fail(JsonNode n, String field, String what) {
    return new WorkspaceFormatException(where(n, field) + ": " + what);
  }

  private String where(JsonNode n, String field) {
    String p = path(n);
    return p.isEmpty() ? field : p + "." + field;
  }

  private String path(JsonNode n) {
    return paths.getOrDefault(n, "");
  }
}
