package org.dnsseismograph.capture;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.wire.SkipCounter;

/**
 * Reads a dnstap file as {@code fstrm_capture} writes it (unidirectional Frame Streams: START with
 * the content type {@value #CONTENT_TYPE}, data frames, STOP) and hands every usable message to a
 * sink as a DNS payload, on the calling thread. A recording made by {@link DnstapReceiver} reads
 * the same way.
 *
 * <p>Failure behaviour: a file that does not begin with such a START frame is refused with {@link
 * NotADnstapFileException} before anything is read; after it, bad frames are counted and skipped,
 * and a truncated tail, a forged length or a malformed control frame ends the reading, counted.
 * Cancellation (checked every 4,096 frames) ends it with {@link
 * org.dnsseismograph.common.CancelledException}. Stateless and thread-safe.
 *
 * @see <a href="https://farsightsec.github.io/fstrm/">Frame Streams</a>
 */
public final class DnstapFileReader {
  /** The Frame Streams content type of dnstap. */
  public static final String CONTENT_TYPE = "protobuf:dnstap.Dnstap";
  private static final int CHECK_EVERY_FRAMES = 4096;

  private DnstapFileReader() {}

  /**
   * Reads {@code file}; skips are counted in {@code skips} (and told to its listener with the time
   * of the last good message).
   *
   * @throws NotADnstapFileException when the file is not a dnstap Frame Streams file
   * @throws IOException when the file cannot be read
   */
  public static DnstapFileSummary read(Path file, DnstapSink sink, SkipCounter skips, Progress progress) throws IOException {
    long size = Files.size(file);
    try (InputStream in = Files.newInputStream(file)) {
      FrameStreamReader reader = new FrameStreamReader(in);
      expectStart(file, reader);
      DnstapPayloads payloads = new DnstapPayloads(skips, sink);
      boolean complete = readFrames(reader, payloads, skips, progress, size);
      progress.update(reader.bytesRead(), size);
      return new DnstapFileSummary(file, payloads.frames(), payloads.messages(), payloads.firstTime(), payloads.lastTime(), payloads.identity(),
          payloads.version(), complete, skips.snapshot());
    }
  }

  static void expectStart(Path file, FrameStreamReader reader) throws IOException {
    StreamFrame first;
    try {
      first = reader.next();
    } catch (FrameStreamException e) {
      throw new NotADnstapFileException(file, e.getMessage());
    }
    if (!(first instanceof StreamFrame.Control c) || c.type() != ControlType.START) {
      throw new NotADnstapFileException(file, first == null ? "empty" : "no START control frame at the beginning");
    }
    if (!c.allows(CONTENT_TYPE)) {
      throw new NotADnstapFileException(file, "content type " + c.contentTypes());
    }
  }

  /** Reads data frames until STOP (true) or until the input ends or breaks (false). */
  private static boolean readFrames(FrameStreamReader reader, DnstapPayloads payloads, SkipCounter skips, Progress progress, long size)
      throws IOException {
    while (true) {
      StreamFrame frame;
      try {
        frame = reader.next();
      } catch (FrameStreamException e) {
        skips.count(e.reason(), payloads.frames() + 1);
        return false;
      }
      if (frame == null) {
        // fstrm_capture killed before it wrote STOP: everything before is good.
        return false;
      }
      if (frame instanceof StreamFrame.Data d) {
        payloads.onFrame(d.bytes());
        if (payloads.frames() % CHECK_EVERY_FRAMES == 0) {
          progress.checkCancelled();
          progress.update(reader.bytesRead(), size);
        }
      } else if (((StreamFrame.Control) frame).type() == ControlType.STOP) {
        return true;
      } else {
        skips.count(DnstapSkip.CONTROL_MALFORMED, payloads.frames() + 1);
        return false;
      }
    }
  }
}
