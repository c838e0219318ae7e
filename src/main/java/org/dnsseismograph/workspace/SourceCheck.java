package org.dnsseismograph.workspace;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The outcome of looking for one source of a workspace being opened. Immutable.
 *
 * @param ref the source as the workspace recorded it
 * @param file where the file was found, or where it was expected when {@link SourceStatus#MISSING}
 * @param status found, changed or missing
 * @param actualHash the content hash of {@code file} as it is now, or empty when missing
 * @param relocated true when the file was not at its recorded path but found, with the recorded
 *     content, beside the workspace file (the folder was moved)
 */
public record SourceCheck(SourceRef ref, Path file, SourceStatus status, String actualHash, boolean relocated) {
  public SourceCheck {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(status, "status");
    actualHash = actualHash == null ? "" : actualHash;
  }

  /** One line for a dialog or stderr: "capture.pcap: changed since the workspace was saved (/data/capture.pcap)". */
  public String describe() {
    String what = switch (status) {
      case PRESENT -> relocated ? "found beside the workspace" : "present";
      case UNVERIFIED -> "present, no content hash recorded to check it against";
      case CHANGED -> "changed since the workspace was saved (content hash differs)";
      case MISSING -> "missing";
    };
    return ref.name() + ": " + what + " (" + file + ")";
  }
}
