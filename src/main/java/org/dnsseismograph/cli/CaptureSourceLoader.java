package org.dnsseismograph.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.dnsseismograph.analysis.CaptureLoader;
import org.dnsseismograph.analysis.LoadRequest;
import org.dnsseismograph.analysis.LoadResult;
import org.dnsseismograph.capture.DnstapFiles;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.imports.SourceLoader;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.wire.DecodeOptions;
import org.dnsseismograph.wire.MessageFiles;

/**
 * Packet captures and dnstap logs as a {@link SourceLoader}, so verbs written for exports ({@code align})
 * take a capture as well: recognised by content, loaded through the window's own {@link CaptureLoader}.
 */
final class CaptureSourceLoader implements SourceLoader {
  private final DecodeOptions decode;
  private final long timeoutNanos;

  CaptureSourceLoader(DecodeOptions decode, long timeoutNanos) {
    this.decode = decode;
    this.timeoutNanos = timeoutNanos;
  }

  /** True when the file is read message by message: a capture or a resolver's dnstap log. */
  static boolean readsMessages(Path path) {
    return messagesOf(path) != null;
  }

  /** How the file is read into DNS messages, or null when it is not (an export). */
  static MessageFiles messagesOf(Path path) {
    return DnstapFiles.kindOf(path);
  }

  /** True when the file begins as a dnstap log (Frame Streams with the dnstap content type). */
  static boolean isDnstap(Path path) {
    return DnstapFiles.kindOf(path) == DnstapFiles.INSTANCE;
  }

  /**
   * This loader for captures, {@code others} for everything else — so a file that is neither gets
   * the other loader's detailed reason (which formats were tried and why each failed).
   */
  SourceLoader orElse(SourceLoader others) {
    CaptureSourceLoader captures = this;
    return new SourceLoader() {
      @Override
      public boolean recognizes(Path path) {
        return captures.recognizes(path) || others.recognizes(path);
      }

      @Override
      public SeriesSet load(Path path) throws IOException {
        return captures.recognizes(path) ? captures.load(path) : others.load(path);
      }
    };
  }

  @Override
  public boolean recognizes(Path path) {
    return readsMessages(path);
  }

  @Override
  public SeriesSet load(Path path) throws IOException {
    return load(List.of(path));
  }

  /** The series of a capture rotated into several files (or of a dnstap log), read as one. */
  SeriesSet load(List<Path> files) throws IOException {
    return loadResult(files).snapshot().series();
  }

  /** A capture rotated into several files (or a dnstap log) read as one: its series, and what its detectors found. */
  LoadResult loadResult(List<Path> files) throws IOException {
    MessageFiles messages = messagesOf(files.get(0));
    DecodeOptions options = messages == null ? decode : decode.withMessages(messages);
    return new CaptureLoader(new LoadRequest(files, options, timeoutNanos)).load(Progress.NONE, s -> {});
  }
}
