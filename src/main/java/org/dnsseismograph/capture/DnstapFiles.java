package org.dnsseismograph.capture;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.wire.DecodeOptions;
import org.dnsseismograph.wire.DnsPayloadSink;
import org.dnsseismograph.wire.IpAddress;
import org.dnsseismograph.wire.MessageFiles;
import org.dnsseismograph.wire.ScanSummary;
import org.dnsseismograph.wire.ScanSummary.FileSpan;
import org.dnsseismograph.wire.SkipCounter;

/**
 * A resolver's dnstap log files ({@code fstrm_capture} output, or this program's recording of a
 * dnstap stream) read as the analysis reads captures: every logged DNS message as the payload the
 * packet path would have made of it, the files one after the other in the order given (a rotated
 * recording is consecutive). Unlike a capture, the log names its resolver: the address that
 * answered its CLIENT_* messages and sent its RESOLVER_* and FORWARDER_* ones. Stateless.
 */
public final class DnstapFiles implements MessageFiles {
  /** The one instance. */
  public static final MessageFiles INSTANCE = new DnstapFiles();
  /** Every kind of file read message by message: captures and dnstap logs. */
  public static final List<MessageFiles> KINDS = List.of(MessageFiles.CAPTURES, INSTANCE);

  /** Messages read for the resolvers' addresses, as the role scan of a capture reads its first messages. */
  static final int PREFIX_MESSAGES = 100_000;
  /** Addresses named at most: a resolver has a few (IPv4, IPv6, several interfaces), not hundreds. */
  static final int MAX_RESOLVERS = 16;

  private DnstapFiles() {}

  /**
   * True when {@code file} begins as a dnstap Frame Streams file: a START control frame that allows
   * the dnstap content type. Reads at most the first control frame (a few hundred bytes).
   */
  public static boolean isDnstap(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      DnstapFileReader.expectStart(file, new FrameStreamReader(in));
      return true;
    } catch (NotADnstapFileException e) {
      return false;
    }
  }

  /** The kind of {@link #KINDS} {@code file} is, or null (an export, a workspace, nothing readable). */
  public static MessageFiles kindOf(Path file) {
    try {
      if (Files.isRegularFile(file)) {
        for (MessageFiles kind : KINDS) {
          if (kind.recognises(file)) {
            return kind;
          }
        }
      }
    } catch (IOException e) {
      // unreadable: its read says why
    }
    return null;
  }

  @Override
  public boolean recognises(Path file) throws IOException {
    return isDnstap(file);
  }

  @Override
  public ScanSummary scan(List<Path> files, DecodeOptions options, DnsPayloadSink sink, SkipCounter skips, Progress progress) throws IOException {
    long total = 0;
    for (Path f : files) {
      total += Files.size(f);
    }
    long frames = 0;
    long messages = 0;
    long done = 0;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    List<FileSpan> spans = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      int index = i;
      skips.inFile(i);
      DnstapFileSummary s = DnstapFileReader.read(files.get(i), (payload, m) -> {
        payload.file = index;
        sink.onDnsPayload(payload);
      }, skips, offset(progress, done, total));
      frames += s.frames();
      messages += s.messages();
      done += Files.size(files.get(i));
      if (s.messages() > 0) {
        spans.add(new FileSpan(s.firstTimeNanos(), s.lastTimeNanos()));
        first = Math.min(first, s.firstTimeNanos());
        last = Math.max(last, s.lastTimeNanos());
      }
    }
    return new ScanSummary(files, frames, done, messages, messages == 0 ? 0 : first, messages == 0 ? 0 : last, skips.snapshot(), spans);
  }

  @Override
  public List<FileSpan> spans(List<Path> files, Progress progress) throws IOException {
    List<FileSpan> spans = new ArrayList<>();
    for (Path f : files) {
      DnstapFileSummary s = DnstapFileReader.read(f, (payload, m) -> {}, new SkipCounter(), cancelOnly(progress));
      if (s.messages() > 0) {
        spans.add(new FileSpan(s.firstTimeNanos(), s.lastTimeNanos()));
      }
    }
    return spans;
  }

  @Override
  public long firstTimeNanos(Path file) throws IOException {
    long[] first = {Long.MIN_VALUE};
    try {
      DnstapFileReader.read(file, (payload, m) -> {
        first[0] = payload.timestampNanos;
        throw new PrefixRead();
      }, new SkipCounter(), Progress.NONE);
    } catch (PrefixRead enough) {
      // the first message is read
    }
    return first[0];
  }

  /** Ends a read once what it needs is read: thrown from the sink, caught here. */
  private static final class PrefixRead extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PrefixRead() {
      super("prefix read", null, false, false);
    }
  }

  @Override
  public List<IpAddress> namedResolvers(List<Path> files, Progress progress) throws IOException {
    Set<IpAddress> named = new LinkedHashSet<>();
    int[] seen = {0};
    try {
      for (Path f : files) {
        DnstapFileReader.read(f, (payload, m) -> {
          IpAddress a = resolverOf(m);
          if (a != null && named.size() < MAX_RESOLVERS) {
            named.add(a);
          }
          if (++seen[0] >= PREFIX_MESSAGES) {
            throw new PrefixRead();
          }
        }, new SkipCounter(), cancelOnly(progress));
      }
    } catch (PrefixRead enough) {
      // the prefix is read
    }
    return List.copyOf(named);
  }

  /** The address of the resolver that logged {@code m}, or null when its type or its fields do not say. */
  private static IpAddress resolverOf(DnstapMessage m) {
    switch (m.type) {
      case CLIENT_QUERY, CLIENT_RESPONSE -> {
        return address(m.responseAddressHi, m.responseAddressLo);
      }
      case RESOLVER_QUERY, RESOLVER_RESPONSE, FORWARDER_QUERY, FORWARDER_RESPONSE -> {
        return address(m.queryAddressHi, m.queryAddressLo);
      }
      default -> {
        return null;
      }
    }
  }

  private static IpAddress address(long hi, long lo) {
    return hi == 0 && lo == 0 ? null : new IpAddress(hi, lo);
  }

  /** The caller's cancel, without its progress: a read before the pass that reports it. */
  private static Progress cancelOnly(Progress progress) {
    return new Progress() {
      @Override
      public void update(long done, long total) {
        // the pass after this read reports the progress
      }

      @Override
      public boolean isCancelled() {
        return progress.isCancelled();
      }
    };
  }

  /** The progress of one file of several: its bytes counted after those of the files before it. */
  private static Progress offset(Progress progress, long before, long total) {
    return new Progress() {
      @Override
      public void update(long done, long fileTotal) {
        progress.update(before + done, total);
      }

      @Override
      public boolean isCancelled() {
        return progress.isCancelled();
      }
    };
  }

  @Override
  public String toString() {
    return "dnstap";
  }
}
