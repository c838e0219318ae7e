package org.dnsseismograph.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.dnsseismograph.series.TimeRange;

/**
 * The manifest of an evidence bundle, as JSON: what the pictures show (title, range as ISO-8601
 * UTC instants), which sources they were made from (name, path as recorded, SHA-256 of the
 * content, clock offset in ns, time zone), and every other file of the bundle with its size and
 * SHA-256, so a reader can check that nothing was swapped. Immutable and thread-safe.
 *
 * @param title the incident's title
 * @param range the time range the pictures show
 * @param createdAt when the bundle was made
 * @param sources the workspace's sources
 * @param entries the bundle's other files
 */
public record BundleManifest(String title, TimeRange range, Instant createdAt, List<SourceRef> sources, List<Entry> entries) {
  /** The value of the {@code format} field. */
  public static final String FORMAT = "dns-seismograph-evidence";
  /** The manifest's own name inside the bundle. */
  public static final String NAME = "manifest.json";

  /**
   * One file of the bundle.
   *
   * @param name its name inside the zip
   * @param bytes its size
   * @param sha256 {@code sha256:<hex>} of its bytes
   */
  public record Entry(String name, long bytes, String sha256) {
    /** The entry describing {@code content} stored as {@code name}. */
    public static Entry of(String name, byte[] content) {
      return new Entry(name, content.length, ContentHash.of(content));
    }
  }

  public BundleManifest {
    title = title == null ? "" : title;
    sources = List.copyOf(sources);
    entries = List.copyOf(entries);
  }

  /** The manifest as indented JSON ending with a newline. */
  public String toJson() {
    ObjectNode root = WorkspaceJson.MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", 1);
    root.put("title", title);
    root.put("createdAt", createdAt.toString());
    root.put("rangeStart", JsonReader.instant(range.startNanos()));
    root.put("rangeEnd", JsonReader.instant(range.endNanos()));
    ArrayNode src = root.putArray("sources");
    for (SourceRef s : sources) {
      ObjectNode n = src.addObject().put("name", s.name()).put("path", s.path()).put("contentHash", s.contentHash())
          .put("offsetNanos", s.offsetNanos()).put("timeZone", s.timeZone());
      if (!s.parts().isEmpty()) {
        ArrayNode parts = n.putArray("parts");
        s.parts().forEach(parts::add);
      }
    }
    ArrayNode files = root.putArray("files");
    for (Entry e : entries) {
      files.addObject().put("name", e.name()).put("bytes", e.bytes()).put("sha256", e.sha256());
    }
    try {
      return WorkspaceJson.MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      // A tree of strings and numbers always serialises; this would be a Jackson defect.
      throw new IllegalStateException("cannot serialise the manifest", e);
    }
  }
}
