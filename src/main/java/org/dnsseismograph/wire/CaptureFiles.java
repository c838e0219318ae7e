package org.dnsseismograph.wire;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipException;

/**
 * Opens capture files by their content, never by their name: classic pcap (both magics, both byte
 * orders), pcapng, and gzip'd versions of either (magic {@code 1f 8b}). Plain files are
 * read through one reused buffer ({@link FileSource}); gzip'd files are decompressed as a stream into bounded buffers.
 * Stateless and thread-safe; each reader it returns is confined to one thread.
 *
 * @see <a href="https://www.ietf.org/archive/id/draft-ietf-opsawg-pcap-04.html">pcap</a>
 * @see <a href="https://www.ietf.org/archive/id/draft-ietf-opsawg-pcapng-03.html">pcapng</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc1952">RFC 1952 (gzip)</a>
 */
public final class CaptureFiles {
  /** Bytes a glance reads at a time: a pcap header and a first frame of common size. */
  private static final int GLANCE_BUFFER = 4 << 10;
  /** Compressed bytes a gzip'd capture is read at a time. */
  private static final int GZIP_INPUT = 16 << 10;

  private static final int PCAP_MICRO = 0xA1B2_C3D4;
  private static final int PCAP_NANO = 0xA1B2_3C4D;

  private CaptureFiles() {}

  /**
   * Opens one capture file.
   *
   * @param skips receives what the reader skips (truncated tail, corrupt records)
   * @throws NotACaptureException when the content is none of the recognised formats
   * @throws IOException when the file cannot be read
   */
  public static FrameReader open(Path file, SkipCounter skips) throws IOException {
    return open(file, skips, FileSource.DEFAULT_BUFFER);
  }

  /** As {@link #open(Path, SkipCounter)} with a chosen read buffer size (tests use tiny ones). */
  static FrameReader open(Path file, SkipCounter skips, int window) throws IOException {
    return open(file, skips, window, true);
  }

  /**
   * As {@link #open(Path, SkipCounter)}, or for a {@code glance} at the first frame: then a plain
   * file is read in small pieces and a gzip'd one inflated on the caller's thread (a glance is
   * worth neither a read of the whole buffer nor a thread).
   */
  static FrameReader open(Path file, SkipCounter skips, boolean glance) throws IOException {
    return open(file, skips, glance ? GLANCE_BUFFER : FileSource.DEFAULT_BUFFER, !glance);
  }

  private static FrameReader open(Path file, SkipCounter skips, int window, boolean ahead) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    long size;
    try {
      byte[] head = new byte[2];
      int n = channel.read(ByteBuffer.wrap(head), 0);
      if (n != 2 || !isGzip(head)) {
        return reader(file, new FileSource(channel, window), skips);
      }
      size = channel.size();
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    channel.close();
    // A glance inflates a few kilobytes. Opening a day of rotated files twice each, 64 KiB buffers
    // per glance made ~100 MB of garbage; 16 KiB reads inflate the 10 M bench capture as fast as 64 KiB.
    InputStream in = Files.newInputStream(file);
    int inputBuffer = ahead ? GZIP_INPUT : GLANCE_BUFFER;
    return reader(file, gzipSource(file, in, inputBuffer, size, skips, Math.min(window, InflateAhead.CHUNK), ahead), skips);
  }

  /**
   * Whether the file's content is a capture this package reads (pcap, pcapng, either gzip'd): a
   * glance at its header, a gzip'd file inflated no further than that.
   *
   * @throws IOException when the file cannot be read
   */
  public static boolean isCapture(Path file) throws IOException {
    try (FrameReader r = open(file, new SkipCounter(), true)) {
      return true;
    } catch (NotACaptureException e) {
      return false;
    }
  }

  /**
   * The files of a directory that holds a capture rotated into pieces, as {@code tcpdump -w DIR/...}
   * or {@code dnscap} leave it: its regular files sorted by name, when there is at least one and
   * every one (hidden ones aside) is a capture; else none (a directory of exports, or of anything).
   *
   * @throws IOException when the directory cannot be listed or a file in it cannot be read
   */
  public static List<Path> capturesIn(Path directory) throws IOException {
    return filesIn(directory, MessageFiles.CAPTURES);
  }

  /** As {@link #capturesIn}, for a directory of files of {@code kind} (a rotated dnstap recording's). */
  public static List<Path> filesIn(Path directory, MessageFiles kind) throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(directory)) {
      files = list.filter(f -> Files.isRegularFile(f) && !f.getFileName().toString().startsWith(".")).sorted().toList();
    }
    for (Path f : files) {
      if (!kind.recognises(f)) {
        return List.of();
      }
    }
    return files;
  }

  /**
   * What a path given to be read stands for: a folder of captures ({@link #capturesIn}) its files,
   * anything else itself (a file, a folder of exports, a folder that cannot be listed, whose own read
   * then names the failure).
   */
  public static List<Path> filesOf(Path path) {
    return filesOf(path, List.of(MessageFiles.CAPTURES));
  }

  /** As {@link #filesOf(Path)}, a folder standing for its files when they are all of one of {@code kinds}. */
  public static List<Path> filesOf(Path path, List<MessageFiles> kinds) {
    if (Files.isDirectory(path)) {
      try {
        for (MessageFiles kind : kinds) {
          List<Path> files = filesIn(path, kind);
          if (!files.isEmpty()) {
            return files;
          }
        }
      } catch (IOException e) {
        // stands for itself: the read of it says why
      }
    }
    return List.of(path);
  }

  /** Opens capture bytes held in memory, recognised the same way (for fuzzing and tests). */
  static FrameReader open(ByteBuffer bytes, SkipCounter skips, int window) throws IOException {
    ByteBuffer b = bytes.duplicate();
    if (b.remaining() >= 2 && (b.get(b.position()) & 0xFF) == 0x1F && (b.get(b.position() + 1) & 0xFF) == 0x8B) {
      byte[] copy = new byte[b.remaining()];
      b.get(copy);
      return reader(null, gzipSource(null, new ByteArrayInputStream(copy), GLANCE_BUFFER, copy.length, skips, Math.min(window, InflateAhead.CHUNK), false),
          skips);
    }
    return reader(null, MappedSource.of(b, window), skips);
  }

  private static boolean isGzip(byte[] head) {
    return (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B;
  }

  /** A gzip'd capture inflated in chunks of {@code chunk} bytes, ahead on a thread of its own when {@code mayStart} and one is free. */
  private static ByteSource gzipSource(Path file, InputStream in, int inputBuffer, long size, SkipCounter skips, int chunk, boolean mayStart)
      throws IOException {
    try {
      return InflateAhead.source(InflateAhead.inflating(in, inputBuffer), size, chunk, skips, mayStart);
    } catch (ZipException | EOFException e) {
      in.close();
      throw new NotACaptureException(file, "starts with the gzip magic 1f 8b but its gzip header is unusable (" + e.getMessage() + ")");
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /** Recognises the content and builds its reader; closes the source when it is not a capture. */
  private static FrameReader reader(Path file, ByteSource source, SkipCounter skips) throws IOException {
    try {
      int got = source.fill(0, PcapReader.HEADER);
      ByteBuffer b = source.data();
      int i = source.index(0);
      int magic = got >= 4 ? b.getInt(i) : 0;
      if (magic == PcapNgReader.SECTION_HEADER) {
        return new PcapNgReader(source, skips);
      }
      boolean pcap = magic == PCAP_MICRO || magic == PCAP_NANO
          || magic == Integer.reverseBytes(PCAP_MICRO) || magic == Integer.reverseBytes(PCAP_NANO);
      if (pcap) {
        boolean swapped = magic != PCAP_MICRO && magic != PCAP_NANO;
        boolean nanos = magic == PCAP_NANO || magic == Integer.reverseBytes(PCAP_NANO);
        return new PcapReader(source, skips, swapped, nanos);
      }
      byte[] head = new byte[Math.min(got, 16)];
      b.get(i, head);
      String what = source.gzipped() ? "gzip'd data whose first bytes are " : "";
      throw new NotACaptureException(file, what + FileSignature.describe(head, source.gzipped() ? -1 : source.sourceSize()));
    } catch (IOException | RuntimeException e) {
      source.close();
      throw e;
    }
  }
}
