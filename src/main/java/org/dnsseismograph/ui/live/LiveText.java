package org.dnsseismograph.ui.live;

import java.nio.file.Path;
import java.util.Locale;
import org.dnsseismograph.capture.LiveCounters;
import org.dnsseismograph.capture.LiveSnapshot;
import org.dnsseismograph.capture.LiveState;

/** The words the live bar shows for a snapshot: state and counts, drops, the problem. Stateless. */
final class LiveText {
  private LiveText() {}

  /** "lo · live · 12,345 frames · 6,789 DNS messages · recorded 12 files, 1.2 GB (oldest 2 deleted)". */
  static String status(LiveSnapshot s) {
    LiveCounters c = s.counters();
    boolean dnstap = s.sourceName().startsWith("dnstap");
    StringBuilder b = new StringBuilder(s.sourceName()).append(" · ").append(state(s.state()));
    b.append(String.format(Locale.ROOT, " · %,d %s · %,d DNS messages", c.received(), dnstap ? "dnstap frames" : "frames", c.dnsMessages()));
    if (dnstap) {
      b.append(String.format(Locale.ROOT, " · %d sender%s", c.connections(), c.connections() == 1 ? "" : "s"));
    }
    if (c.pausedDiscarded() > 0) {
      b.append(String.format(Locale.ROOT, " · %,d discarded while paused", c.pausedDiscarded()));
    }
    if (!s.recordings().isEmpty()) {
      int files = s.recordings().size() + c.recordingsDeleted();
      b.append(String.format(Locale.ROOT, " · recorded %d file%s, %s", files, files == 1 ? "" : "s", bytes(c.recordedBytes())));
      if (c.recordingsDeleted() > 0) {
        b.append(String.format(Locale.ROOT, " (oldest %d deleted)", c.recordingsDeleted()));
      }
      if (c.earlierRecordingsDeleted() > 0) {
        b.append(String.format(Locale.ROOT, " · %d file%s of earlier recordings deleted to make room", c.earlierRecordingsDeleted(),
            c.earlierRecordingsDeleted() == 1 ? "" : "s"));
      }
    }
    return b.toString();
  }

  /**
   * Where the source records, for the status line's tooltip: "Recording into /dir: live-lo-…-00003.pcap
   * is being written, 3 files kept", or that it records nothing and what that costs.
   */
  static String recordingPlace(LiveSnapshot s) {
    if (s.recordings().isEmpty()) {
      return "Not recorded: this source is not checked for spikes and outages, and nothing of it outlives the window.";
    }
    Path newest = s.recordings().get(s.recordings().size() - 1);
    int kept = s.recordings().size();
    return String.format(Locale.ROOT, "Recording into %s: %s %s, %d file%s kept", newest.getParent(), newest.getFileName(),
        s.state().isActive() ? "is being written" : "was the last", kept, kept == 1 ? "" : "s");
  }

  /** "drops: kernel 0 · interface 0 · our queue 0" (dnstap has only the queue). */
  static String drops(LiveSnapshot s) {
    LiveCounters c = s.counters();
    if (s.sourceName().startsWith("dnstap")) {
      return String.format(Locale.ROOT, "drops: our queue %,d", c.queueDropped());
    }
    return String.format(Locale.ROOT, "drops: kernel %,d · interface %,d · our queue %,d", c.kernelDropped(), c.interfaceDropped(), c.queueDropped());
  }

  static String state(LiveState state) {
    return switch (state) {
      case NEW -> "starting";
      case RUNNING -> "live";
      case PAUSED -> "paused";
      case STOPPED -> "stopped";
      case FAILED -> "failed";
    };
  }

  /** "1.2 MB", "512 B". */
  static String bytes(long n) {
    if (n < 1000) {
      return n + " B";
    }
    String[] units = {"kB", "MB", "GB", "TB"};
    double v = n;
    int u = -1;
    while (v >= 1000 && u < units.length - 1) {
      v /= 1000;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
