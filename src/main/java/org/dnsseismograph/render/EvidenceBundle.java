package org.dnsseismograph.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.dnsseismograph.workspace.AnnotationsCsv;
import org.dnsseismograph.workspace.AnnotationsJson;
import org.dnsseismograph.workspace.BundleManifest;
import org.dnsseismograph.workspace.Workspace;
import org.dnsseismograph.workspace.WorkspaceJson;

/**
 * Writes an evidence bundle: one zip holding the annotated timeline as PNG and SVG ({@link
 * #PNG}, {@link #SVG}), the annotations as JSON and CSV, the workspace file, and a {@link
 * BundleManifest} naming the sources with their content hashes and every file with its SHA-256.
 * Every entry carries the bundle's creation time, so equal inputs give equal bytes. The zip is
 * written next to its destination and moved into place, so a failed export never leaves half a
 * bundle. Draws on the calling thread (as {@link TimelineExport} does); stateless and thread-safe.
 *
 * @see <a href="https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT">ZIP File Format Specification</a>
 */
public final class EvidenceBundle {
  public static final String PNG = "timeline.png";
  public static final String SVG = "timeline.svg";
  public static final String ANNOTATIONS_JSON = "annotations.json";
  public static final String ANNOTATIONS_CSV = "annotations.csv";
  public static final String WORKSPACE = "workspace.seismograph.json";

  private EvidenceBundle() {}

  /**
   * Writes the bundle of {@code picture} (what the images show) and {@code workspace} (its
   * annotations and sources, as saved) to {@code zip}.
   *
   * @throws IOException if the zip cannot be written
   */
  public static void write(ExportRequest picture, Workspace workspace, Path zip, Instant createdAt) throws IOException {
    Map<String, byte[]> files = contents(picture, workspace);
    List<BundleManifest.Entry> entries = new ArrayList<>();
    files.forEach((name, bytes) -> entries.add(BundleManifest.Entry.of(name, bytes)));
    BundleManifest m = new BundleManifest(workspace.title(), picture.range(), createdAt, workspace.sources(), entries);
    files.put(BundleManifest.NAME, m.toJson().getBytes(StandardCharsets.UTF_8));
    Path dir = zip.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + zip.getFileName(), ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream z = new ZipOutputStream(out)) {
        FileTime time = FileTime.from(createdAt);
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
          ZipEntry e = new ZipEntry(f.getKey());
          e.setLastModifiedTime(time);
          z.putNextEntry(e);
          z.write(f.getValue());
          z.closeEntry();
        }
      }
      Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The bundle's files but the manifest, by name, in the order they are stored. */
  static Map<String, byte[]> contents(ExportRequest picture, Workspace workspace) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    if (!ImageIO.write(TimelineExport.image(picture), "png", png)) {
      throw new IOException("no PNG writer in this Java runtime");
    }
    files.put(PNG, png.toByteArray());
    files.put(SVG, TimelineExport.svg(picture).getBytes(StandardCharsets.UTF_8));
    files.put(ANNOTATIONS_JSON, AnnotationsJson.write(workspace.title(), workspace.annotations()).getBytes(StandardCharsets.UTF_8));
    files.put(ANNOTATIONS_CSV, AnnotationsCsv.write(workspace.annotations()).getBytes(StandardCharsets.UTF_8));
    files.put(WORKSPACE, WorkspaceJson.write(workspace).getBytes(StandardCharsets.UTF_8));
    return files;
  }
}
