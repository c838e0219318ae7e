package org.dnsseismograph.imports;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Parses JSON exports into trees, turning Jackson's failures into one specific sentence (a
 * truncated file says where it ends). Thread-safe.
 */
final class JsonTrees {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS)
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .enable(JsonParser.Feature.ALLOW_UNQUOTED_FIELD_NAMES)
      .build();

  private JsonTrees() {}

  /** The tree of {@code json}, or {@link FormatReader.NotThisFormat} saying why it is not JSON. */
  static JsonNode parse(String json) throws FormatReader.NotThisFormat {
    try {
      JsonNode node = MAPPER.readTree(json);
      if (node == null || node.isMissingNode()) {
        throw new FormatReader.NotThisFormat("no JSON value in the file");
      }
      return node;
    } catch (JsonEOFException e) {
      throw new FormatReader.NotThisFormat("the JSON ends early (truncated?) at " + where(e.getLocation()));
    } catch (JsonProcessingException e) {
      throw new FormatReader.NotThisFormat("not valid JSON at " + where(e.getLocation()) + ": " + e.getOriginalMessage());
    }
  }

  private static String where(JsonLocation l) {
    return l == null ? "an unknown place" : "line " + l.getLineNr() + ", column " + l.getColumnNr();
  }

  /** A number node, or a string holding a number or a missing-value word, as a double; null otherwise. */
  static Double number(JsonNode n) {
    if (n == null || n.isNull()) {
      return Double.NaN;
    }
    if (n.isNumber()) {
      double v = n.asDouble();
      return Double.isFinite(v) ? v : Double.NaN;
    }
    if (n.isTextual()) {
      return Cells.parse(n.asText());
    }
    return null;
  }

  /** A time in epoch seconds (integer or fraction, number or string) as epoch ns; null when not one. */
  static Long epochSeconds(JsonNode n) {
    if (n == null || !(n.isNumber() || n.isTextual())) {
      return null;
    }
    return epochSeconds(n.asText());
  }

  /** Decimal epoch seconds as epoch ns; null when the text is not a decimal number in range. */
  static Long epochSeconds(String text) {
    try {
      return new java.math.BigDecimal(text.strip()).movePointRight(9).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }
}
