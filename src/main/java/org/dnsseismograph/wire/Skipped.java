package org.dnsseismograph.wire;

import java.nio.file.Path;
import java.util.List;

/**
 * How often one reason made a reader skip something, and where it happened first.
 *
 * @param reason why
 * @param count how many times
 * @param firstFrame the 1-based frame number of the first occurrence within its file, or 0 when it
 *     is not tied to a frame (a truncated file tail)
 * @param firstFile the index of that file among the files read together (0 for one file)
 */
public record Skipped(SkipReason reason, long count, long firstFrame, int firstFile) {
  /** A skip in the only file read. */
  public Skipped(SkipReason reason, long count, long firstFrame) {
    this(reason, count, firstFrame, 0);
  }

  /**
   * Where it happened first, as a person would look it up: "frame 12" (numbered within its file, as
   * tshark numbers a file it opens), "frame 12 of dump.pcap3" or "dump.pcap3" (a truncated tail is no
   * frame) when several {@code files} were read, or empty.
   */
  public String place(List<Path> files) {
    String file = files.size() > 1 && firstFile >= 0 && firstFile < files.size() ? files.get(firstFile).getFileName().toString() : "";
    if (firstFrame <= 0) {
      return file;
    }
    return "frame " + firstFrame + (file.isEmpty() ? "" : " of " + file);
  }
}
