package org.dnsseismograph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.dnsseismograph.analysis.DispatchStats;
import org.dnsseismograph.wire.ScanSummary;
import org.dnsseismograph.wire.Skipped;

/** The summary a reading verb writes to stderr: what was read, and what was skipped and why. */
final class ScanReport {
  private ScanReport() {}

  static void print(PrintWriter err, ScanSummary scan, DispatchStats dns, List<Skipped> skipped) {
    // a dnstap log's frames are its Frame Streams frames, one message each, not packets
    String frames = !scan.files().isEmpty() && CaptureSourceLoader.isDnstap(scan.files().get(0)) ? "dnstap frames" : "frames";
    err.printf(Locale.ROOT, "read %d %s (%s) from %d file%s: %d DNS messages (%d queries, %d responses)%n", scan.frames(), frames,
        bytes(scan.bytes()), scan.files().size(), scan.files().size() == 1 ? "" : "s", dns.messages(), dns.queries(), dns.responses());
    long total = skipped.stream().mapToLong(Skipped::count).sum() + dns.headerless();
    if (total == 0) {
      err.println("skipped: nothing");
      return;
    }
    err.printf(Locale.ROOT, "skipped: %d%n", total);
    for (Skipped s : skipped) {
      err.printf(Locale.ROOT, "  %8d  %-28s %s%s%n", s.count(), s.reason().code(), s.reason().description(), where(s, scan.files()));
    }
    if (dns.headerless() > 0) {
      err.printf(Locale.ROOT, "  %8d  %-28s %s%n", dns.headerless(), "dns.headerless", "DNS payload shorter than 4 bytes: no flags to count");
    }
  }

  /** " (first at frame 12 of dump.pcap3)", " (first in dump.pcap3)", or empty. */
  private static String where(Skipped s, List<Path> files) {
    String place = s.place(files);
    return place.isEmpty() ? "" : (s.firstFrame() > 0 ? " (first at " : " (first in ") + place + ")";
  }

  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = n;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
