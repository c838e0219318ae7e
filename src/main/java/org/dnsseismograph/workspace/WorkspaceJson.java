package org.dnsseismograph.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dnsseismograph.series.TimeRange;

/**
 * Reads and writes a {@link Workspace} as JSON with a format version. Times are written as
 * ISO-8601 UTC instants with as many fraction digits as they need (nanosecond exact), offsets as
 * integer nanoseconds. Unknown fields are ignored (a newer minor writer may add some); a newer
 * {@link #VERSION} is refused with a message that says so, never half-read.
 *
 * <p>Thread-safe (the mapper is shared and immutable after construction). Files are written to a
 * temporary sibling and moved into place, so a crash never leaves half a workspace.
 */
public final class WorkspaceJson {
  /** The format version this program writes and the newest it reads. */
  public static final int VERSION = 1;
  /** The value of the {@code format} field, naming what the file is. */
  public static final String FORMAT = "dns-seismograph-workspace";

  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private WorkspaceJson() {}

  /** The workspace as JSON text. */
  public static String write(Workspace w) {
    try {
      return MAPPER.writeValueAsString(tree(w)) + "\n";
    } catch (JsonProcessingException e) {
      // A tree of strings and numbers always serialises; this would be a Jackson defect.
      throw new IllegalStateException("cannot serialise workspace", e);
    }
  }

  /** The workspace as a JSON tree (for files that embed one, such as recovery copies). */
  static ObjectNode tree(Workspace w) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("title", w.title());
    ArrayNode sources = root.putArray("sources");
    for (SourceRef s : w.sources()) {
      ObjectNode n = sources.addObject();
      n.put("name", s.name());
      n.put("path", s.path());
      n.put("contentHash", s.contentHash());
      n.put("offsetNanos", s.offsetNanos());
      n.put("timeZone", s.timeZone());
      if (!s.parts().isEmpty()) {
        ArrayNode parts = n.putArray("parts");
        s.parts().forEach(parts::add);
      }
    }
    ArrayNode lanes = root.putArray("lanes");
    for (LaneSettings l : w.lanes()) {
      ObjectNode lane = lanes.addObject().put("key", l.key()).put("visible", l.visible()).put("height", l.height());
      if (l.axis() != null) {
        lane.put("axis", l.axis().word());
      }
      if (l.style() != null) {
        lane.put("style", l.style().word());
      }
    }
    if (w.view() == null) {
      root.putNull("view");
    } else {
      root.set("view", range(w.view()));
    }
    ArrayNode annotations = root.putArray("annotations");
    for (Annotation a : w.annotations()) {
      annotations.add(annotation(a));
    }
    return root;
  }

  /**
   * Parses workspace JSON.
   *
   * @throws WorkspaceFormatException if it is not JSON, not a workspace, of a newer version, or a
   *     field is missing or malformed (the message names the field)
   */
  public static Workspace read(String json) throws WorkspaceFormatException {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new WorkspaceFormatException("not a workspace: the file is not valid JSON (" + e.getOriginalMessage() + ")", e);
    }
    return read(root);
  }

  /** Reads a workspace from a JSON tree (the root of a file, or a recovery copy's embedded one). */
  static Workspace read(JsonNode root) throws WorkspaceFormatException {
    if (root == null || !root.isObject()) {
      throw new WorkspaceFormatException("not a workspace: the file holds no JSON object");
    }
    checkVersion(root);
    JsonReader r = new JsonReader();
    String title = r.optionalText(root, "title");
    List<SourceRef> sources = new ArrayList<>();
    for (JsonNode n : r.array(root, "sources")) {
      String name = r.text(n, "name");
      String path = r.text(n, "path");
      String hash = r.optionalText(n, "contentHash");
      long offset = r.optionalLong(n, "offsetNanos");
      String zone = r.optionalText(n, "timeZone");
      List<String> parts = r.texts(n, "parts");
      sources.add(r.build(n, () -> new SourceRef(name, path, hash, offset, zone, parts)));
    }
    List<LaneSettings> lanes = new ArrayList<>();
    for (JsonNode n : r.array(root, "lanes")) {
      lanes.add(r.build(n, () -> laneSettings(r, n)));
    }
    JsonNode view = r.optionalObject(root, "view");
    TimeRange range = view == null ? null : r.range(view);
    List<Annotation> annotations = new ArrayList<>();
    for (JsonNode n : r.array(root, "annotations")) {
      annotations.add(r.build(n, () -> annotation(r, n)));
    }
    return new Workspace(title, sources, lanes, range, annotations);
  }

  /**
   * Writes the workspace to {@code file}, atomically where the file system allows.
   *
   * @throws IOException if it cannot be written
   */
  public static void save(Workspace w, Path file) throws IOException {
    AtomicFile.writeString(file, write(w));
  }

  /**
   * Reads the workspace in {@code file}.
   *
   * @throws WorkspaceFormatException if its content is not a readable workspace
   * @throws IOException if it cannot be read
   */
  public static Workspace load(Path file) throws IOException {
    try {
      return read(Files.readString(file, StandardCharsets.UTF_8));
    } catch (WorkspaceFormatException e) {
      throw new WorkspaceFormatException(file.getFileName() + ": " + e.getMessage(), e);
    }
  }

  private static void checkVersion(JsonNode root) throws WorkspaceFormatException {
    JsonNode format = root.get("format");
    if (format != null && !FORMAT.equals(format.asText())) {
      throw new WorkspaceFormatException("not a workspace: format is '" + format.asText() + "', expected '" + FORMAT + "'");
    }
    JsonNode version = root.get("version");
    if (version == null || !version.canConvertToInt() || !version.isIntegralNumber()) {
      throw new WorkspaceFormatException("not a workspace: no integer 'version' field");
    }
    int v = version.asInt();
    if (v > VERSION) {
      throw new WorkspaceFormatException("workspace format version " + v + " is newer than this program reads (up to " + VERSION
          + "); open it with a newer DNS Seismograph");
    }
    if (v < 1) {
      throw new WorkspaceFormatException("workspace format version " + v + " does not exist (versions start at 1)");
    }
  }

  private static ObjectNode range(TimeRange r) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("start", JsonReader.instant(r.startNanos()));
    n.put("end", JsonReader.instant(r.endNanos()));
    return n;
  }

  static ObjectNode annotation(Annotation a) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", a.id());
    n.put("kind", a.kind().word());
    n.put("start", JsonReader.instant(a.span().startNanos()));
    n.put("end", JsonReader.instant(a.span().endNanos()));
    n.put("label", a.label());
    n.put("text", a.text());
    n.put("zone", a.zone());
    ArrayNode servers = n.putArray("servers");
    a.servers().forEach(servers::add);
    n.put("state", a.state().word());
    n.put("proposedBy", a.proposedBy());
    return n;
  }

  /** A lane's settings; a lane saved without {@code axis} or {@code style} keeps its own. */
  static LaneSettings laneSettings(JsonReader r, JsonNode n) throws WorkspaceFormatException {
    String axis = r.optionalText(n, "axis");
    String style = r.optionalText(n, "style");
    return new LaneSettings(r.text(n, "key"), r.bool(n, "visible"), r.number(n, "height"), axis.isEmpty() ? null : ValueAxis.ofWord(axis),
        style.isEmpty() ? null : LaneStyle.ofWord(style));
  }

  static Annotation annotation(JsonReader r, JsonNode n) throws WorkspaceFormatException {
    AnnotationKind kind = r.build(n, () -> AnnotationKind.ofWord(r.text(n, "kind")));
    AnnotationState state = r.build(n, () -> AnnotationState.ofWord(r.text(n, "state")));
    return new Annotation(r.text(n, "id"), kind, r.range(n), r.text(n, "label"), r.optionalText(n, "text"), r.optionalText(n, "zone"),
        r.texts(n, "servers"), state, r.optionalText(n, "proposedBy"));
  }
}
