package org.dnsseismograph.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.wire.MessageFiles;
import org.dnsseismograph.wire.ScanSummary.FileSpan;

/**
 * The gaps between the stretches of time the capture files cover: where one stretch's last frame is
 * followed, more than a query timeout later, by the next stretch's first frame, with no file
 * watching in between (rotated captures with hours or days missing). The files are cut into
 * stretches at these gaps and numbered from 0: nothing is known of the time between, so a server
 * dark at the end of one stretch is not known to be dark through the gap. A gap no longer than a
 * timeout hides no more than the answers of one timeout, the uncertainty every moment of a capture
 * has; overlapping and back-to-back files are one stretch. Times are epoch ns, UTC. Immutable and
 * thread-safe.
 */
final class CaptureGaps {
  /** No gap: one stretch, the whole capture. */
  static final CaptureGaps NONE = new CaptureGaps(new long[0], new long[0]);

  /** Per gap, the last frame before it, ascending. */
  private final long[] ends;
  /** Per gap, the first frame after it. */
  private final long[] starts;

  private CaptureGaps(long[] ends, long[] starts) {
    this.ends = ends;
    this.starts = starts;
  }

  /** The gaps longer than {@code minGapNanos} between the files' spans (in any order, overlapping or not). */
  static CaptureGaps of(List<FileSpan> spans, long minGapNanos) {
    List<FileSpan> sorted = new ArrayList<>(spans);
    sorted.sort(Comparator.comparingLong(FileSpan::firstNanos));
    List<long[]> gaps = new ArrayList<>();
    long last = Long.MIN_VALUE;
    for (FileSpan s : sorted) {
      if (last != Long.MIN_VALUE && s.firstNanos() - last > minGapNanos) {
        gaps.add(new long[] {last, s.firstNanos()});
      }
      last = Math.max(last, s.lastNanos());
    }
    return gaps.isEmpty() ? NONE
        : new CaptureGaps(gaps.stream().mapToLong(g -> g[0]).toArray(), gaps.stream().mapToLong(g -> g[1]).toArray());
  }

  /**
   * The gaps between {@code files}, from a read of their frame times before the pass that needs
   * them (a capture file has no index of its times): the dark-span tracker must know a gap when
   * its stream reaches it, and the stream merges the files. One file has no gap and is not read.
   * Reads with the readers the scan uses, so the spans equal {@link
   * org.dnsseismograph.wire.ScanSummary#fileSpans()}; a file that is no capture fails the read when
   * it is reached. Honours the progress' cancel; reports no progress (the pass
   * after it does, from zero), so done never goes back.
   *
   * @throws IOException when a file cannot be read; {@link org.dnsseismograph.wire.NotACaptureException}
   *     for a file that is no capture
   */
  static CaptureGaps read(List<Path> files, long minGapNanos, Progress progress) throws IOException {
    return read(files, MessageFiles.CAPTURES, minGapNanos, progress);
  }

  /** As {@link #read(List, long, Progress)}, for files read as {@code messages} says. */
  static CaptureGaps read(List<Path> files, MessageFiles messages, long minGapNanos, Progress progress) throws IOException {
    if (files.size() < 2) {
      return NONE;
    }
    return of(messages.spans(files, progress), minGapNanos);
  }

  /** How many gaps; the stretches are one more. */
  int count() {
    return ends.length;
  }

  /** The last frame before gap {@code k}: where stretch {@code k} ends. */
  long endBefore(int k) {
    return ends[k];
  }

  /** The first frame after gap {@code k}: where stretch {@code k + 1} begins. */
  long startAfter(int k) {
    return starts[k];
  }

  /** The stretch a time in a file falls in: the number of gaps before it. */
  int stretchOf(long t) {
    int k = 0;
    while (k < starts.length && t >= starts[k]) {
      k++;
    }
    return k;
  }

  /** The last frame of stretch {@code k}, or {@link Outage#OPEN} for the last stretch (it ends with the capture). */
  long stretchEnd(int k) {
    return k < ends.length ? ends[k] : Outage.OPEN;
  }

  /** The first frame of stretch {@code k}, or {@link Long#MIN_VALUE} for the first (it begins with the capture). */
  long stretchStart(int k) {
    return k == 0 ? Long.MIN_VALUE : starts[k - 1];
  }
}
