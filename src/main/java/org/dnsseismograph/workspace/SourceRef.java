package org.dnsseismograph.workspace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.dnsseismograph.series.TimeUnits;

/**
 * A source of an incident as a workspace remembers it: where the file was, what it contained (so a
 * changed or moved file is noticed), the clock offset the analyst applied and the time zone its
 * naive timestamps were read in. Immutable.
 *
 * @param name a short name for legends, e.g. {@code capture.pcap}
 * @param path the file as the analyst opened it (absolute, or relative to the workspace file)
 * @param contentHash {@code sha256:<hex>} of the file's bytes (see {@link ContentHash}), or empty if unknown
 * @param offsetNanos added to every timestamp of the source, in ns (positive moves it later)
 * @param timeZone the zone id naive timestamps were read in ({@code Europe/Berlin}), or empty
 * @param parts for a capture rotated into several files, the names of the files after the first
 *     ({@code path}), in the same directory, in time order; empty for a source of one file. By name,
 *     not by path: pieces moved together are found together, beside the first.
 */
public record SourceRef(String name, String path, String contentHash, long offsetNanos, String timeZone, List<String> parts) {
  public SourceRef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    contentHash = contentHash == null ? "" : contentHash;
    timeZone = timeZone == null ? "" : timeZone;
    parts = parts == null ? List.of() : List.copyOf(parts);
    for (String part : parts) {
      if (part.isEmpty() || part.contains("/") || part.contains("\\")) {
        throw new IllegalArgumentException("a part of a rotated capture is a file name, not a path: '" + part + "'");
      }
    }
  }

  /** A source of one file. */
  public SourceRef(String name, String path, String contentHash, long offsetNanos, String timeZone) {
    this(name, path, contentHash, offsetNanos, timeZone, List.of());
  }

  /** A source of the files given, the first one's path kept and the others' names beside it. */
  public static SourceRef ofFiles(String name, List<Path> files, String contentHash, long offsetNanos, String timeZone) {
    List<String> parts = files.subList(1, files.size()).stream().map(f -> f.getFileName().toString()).toList();
    return new SourceRef(name, files.get(0).toString(), contentHash, offsetNanos, timeZone, parts);
  }

  /** The source's files: {@code first} (where its path was found) and its parts beside it. */
  public List<Path> files(Path first) {
    List<Path> files = new ArrayList<>(1 + parts.size());
    files.add(first);
    for (String part : parts) {
      files.add(first.resolveSibling(part));
    }
    return files;
  }

  /** The same source with another clock offset. */
  public SourceRef withOffset(long nanos) {
    return new SourceRef(name, path, contentHash, nanos, timeZone, parts);
  }

  /** The same source with another content hash ("" for none recorded). */
  public SourceRef withContentHash(String hash) {
    return new SourceRef(name, path, hash, offsetNanos, timeZone, parts);
  }

  /** The same source with its first file at another path. */
  public SourceRef withPath(String newPath) {
    return new SourceRef(name, newPath, contentHash, offsetNanos, timeZone, parts);
  }

  /** "capture.pcap" or "unbound.csv (offset +1.5s, Europe/Berlin)", as legends show it. */
  public String legendText() {
    StringBuilder b = new StringBuilder(name);
    if (offsetNanos != 0 || !timeZone.isEmpty()) {
      b.append(" (");
      b.append("offset ").append(offsetNanos > 0 ? "+" : "").append(TimeUnits.formatDuration(offsetNanos));
      if (!timeZone.isEmpty()) {
        b.append(", ").append(timeZone);
      }
      b.append(')');
    }
    return b.toString();
  }
}
