package org.dnsseismograph.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Annotations as JSON for other programs ({@code seismograph annotations --format json}, the
 * evidence bundle): {@code {"format": "dns-seismograph-annotations", "version": 1, "title": ...,
 * "annotations": [...]}}, each annotation with exactly the fields of the workspace file (id, kind,
 * start, end as nanosecond-exact ISO-8601 UTC instants, label, text, zone, servers, state,
 * proposedBy) plus {@code durationNanos}. Rejected ones are included: the decision is part of the
 * record. Stateless and thread-safe.
 *
 * @see WorkspaceJson
 */
public final class AnnotationsJson {
  /** The value of the {@code format} field. */
  public static final String FORMAT = "dns-seismograph-annotations";

  private AnnotationsJson() {}

  /** The document, indented, ending with a newline. */
  public static String write(String title, List<Annotation> annotations) {
    ObjectNode root = WorkspaceJson.MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", 1);
    root.put("title", title == null ? "" : title);
    ArrayNode all = root.putArray("annotations");
    for (Annotation a : annotations) {
      ObjectNode n = WorkspaceJson.annotation(a);
      n.put("durationNanos", a.span().durationNanos());
      all.add(n);
    }
    try {
      return WorkspaceJson.MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      // A tree of strings and numbers always serialises; this would be a Jackson defect.
      throw new IllegalStateException("cannot serialise annotations", e);
    }
  }
}
