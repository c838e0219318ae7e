package org.dnsseismograph.capture;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.dnsseismograph.wire.CaptureFormat;
import org.dnsseismograph.wire.PcapWriter;

/**
 * Records captured frames as they arrive into classic pcap files ({@link PcapWriter}), rotating by
 * size and time as the {@link Recording} says. A file is complete and readable up to the last
 * {@link #flush()}, which the capture thread calls at least every second; each file is closed when
 * the next one opens, and the oldest are deleted then when the recording keeps only its newest
 * ({@link KeptFiles}). Written by the capture thread only; {@link #files()}, {@link #records()} and
 * {@link #bytes()} may be read from any thread.
 *
 * @see <a href="https://www.ietf.org/archive/id/draft-ietf-opsawg-pcap-04.html">pcap</a>
 */
final class PcapRecorder implements Closeable {
  private static final int FILE_HEADER = 24;
  private static final int RECORD_HEADER = 16;

  private final Recording recording;
  private final int linkType;
  private final int snapLength;
  private final CaptureFormat precision;
  private final KeptFiles files;
  private PcapWriter writer;
  private int fileCount;
  private long fileBytes;
  private long fileStartNanos = Long.MIN_VALUE;
  private volatile long records;
  private volatile long bytes;

  /** Creates the first file at once, so an unwritable directory fails before capturing starts. */
  PcapRecorder(Recording recording, int linkType, int snapLength, CaptureFormat precision) throws IOException {
    this.recording = recording;
    this.linkType = linkType;
    this.snapLength = snapLength;
    this.precision = precision;
    this.files = new KeptFiles(recording);
    open();
  }

  private void open() throws IOException {
    Path file = recording.file(++fileCount);
    writer = PcapWriter.create(file, precision, linkType, snapLength);
    files.opened(file);
    fileBytes = FILE_HEADER;
    bytes += FILE_HEADER;
    fileStartNanos = Long.MIN_VALUE;
  }

  /** Writes one frame (cut to the snap length), rotating first when it is due. */
  void write(long timestampNanos, byte[] data, int originalLength) throws IOException {
    int stored = RECORD_HEADER + Math.min(data.length, snapLength);
    if (rotationDue(timestampNanos, stored)) {
      writer.close();
      files.closed(fileBytes);
      open();
    }
    writer.write(timestampNanos, data, 0, data.length, originalLength);
    if (fileStartNanos == Long.MIN_VALUE) {
      fileStartNanos = timestampNanos;
    }
    fileBytes += stored;
    bytes += stored;
    records++;
  }

  private boolean rotationDue(long t, int stored) {
    if (fileStartNanos == Long.MIN_VALUE) {
      // An empty file takes the frame whatever its size.
      return false;
    }
    return recording.rotateBytes() > 0 && fileBytes + stored > recording.rotateBytes()
        || recording.rotateNanos() > 0 && t - fileStartNanos >= recording.rotateNanos();
  }

  /** Pushes buffered records to the file, so it is readable up to here. */
  void flush() throws IOException {
    writer.flush();
  }

  /** The files kept, oldest first. */
  List<Path> files() {
    return files.files();
  }

  /** Files deleted to keep the recording within its budget. */
  int deletedFiles() {
    return files.deleted();
  }

  /** Files of earlier recordings deleted to keep within the budget they share. */
  int deletedEarlierFiles() {
    return files.deletedEarlier();
  }

  long records() {
    return records;
  }

  /** Bytes of all files written, headers included (deleted ones too). */
  long bytes() {
    return bytes;
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }
}
