package org.dnsseismograph.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.dns.DnsHeaderScanner;
import org.dnsseismograph.dns.DnsMessageView;
import org.dnsseismograph.dns.ScanResult;
import org.dnsseismograph.traffic.ResolverRole;
import org.dnsseismograph.traffic.RoleDetector;
import org.dnsseismograph.wire.DecodeOptions;
import org.dnsseismograph.wire.SkipCounter;

/**
 * Finds a capture's resolvers before the real pass: reads the first {@value #PREFIX_MESSAGES} DNS
 * messages (or the whole capture when it is shorter) through a {@link RoleDetector}. Classifying
 * every message needs the roles from the first message on; a resolver whose traffic only starts
 * later is still found during the real pass ({@link SideClassifier}). Runs on the calling thread;
 * honours the progress' cancel but reports no progress (it is a small fraction of the work).
 */
final class RoleScan {
  /** Messages read to decide the roles. */
  static final int PREFIX_MESSAGES = 100_000;

  /** Ends the scan once the prefix is read: thrown from the sink, caught here. */
  private static final class PrefixRead extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PrefixRead() {
      super("prefix read", null, false, false);
    }
  }

  private RoleScan() {}

  /**
   * The resolvers of the first messages of the files.
   *
   * @throws IOException when a file cannot be read or is no capture
   */
  static List<ResolverRole> resolvers(List<Path> files, DecodeOptions decode, Progress progress) throws IOException {
    RoleDetector detector = new RoleDetector(decode.ports(), RoleDetector.DEFAULT_MAX_ADDRESSES);
    DnsHeaderScanner scanner = new DnsHeaderScanner();
    DnsMessageView view = new DnsMessageView();
    int[] seen = {0};
    Progress cancelOnly = new Progress() {
      @Override
      public void update(long done, long total) {
        // The real pass reports the progress; this one is short.
      }

      @Override
      public boolean isCancelled() {
        return progress.isCancelled();
      }
    };
    try {
      decode.messages().scan(files, decode, p -> {
        if (scanner.scan(p.buffer, p.offset, p.length, view) == ScanResult.OK) {
          detector.observe(p, view);
        }
        if (++seen[0] >= PREFIX_MESSAGES) {
          throw new PrefixRead();
        }
      }, new SkipCounter(), cancelOnly);
    } catch (PrefixRead enough) {
      // The prefix is read: the evidence is in the detector.
    }
    return detector.resolvers();
  }
}
