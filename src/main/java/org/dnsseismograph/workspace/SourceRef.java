package org.dnsseismograph.workspace;

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
 */
public record SourceRef(String name, String path, String contentHash, long offsetNanos, String timeZone) {
  public SourceRef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    contentHash = contentHash == null ? "" : contentHash;
    timeZone = timeZone == null ? "" : timeZone;
  }

  /** The same source with another clock offset. */
  public SourceRef withOffset(long nanos) {
    return new SourceRef(name, path, contentHash, nanos, timeZone);
  }

  /** The same source with another content hash ("" for none recorded). */
  public SourceRef withContentHash(String hash) {
    return new SourceRef(name, path, hash, offsetNanos, timeZone);
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
