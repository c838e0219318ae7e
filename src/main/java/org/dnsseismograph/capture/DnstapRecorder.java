package org.dnsseismograph.capture;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Records received dnstap frames as dnstap files, the way {@code fstrm_capture} writes them: a START
 * frame with the dnstap content type, the data frames, and a STOP frame when the file is closed.
 * Files rotate as the {@link Recording} says (time is the receiver's wall clock). A file is
 * readable up to the last {@link #flush()} (a reader sees it as ending without STOP). Thread-safe:
 * the connections write under this object's lock.
 *
 * @see <a href="https://farsightsec.github.io/fstrm/">Frame Streams</a>
 */
final class DnstapRecorder implements Closeable {
  /** A STOP control frame: escape, frame length, control type. */
  private static final int STOP_BYTES = 12;

  private final Recording recording;
  private final KeptFiles files;
  private int fileCount;
  private FrameStreamWriter writer;
  private long fileBytes;
  private long fileOpenedNanos;
  private long fileFrames;
  private volatile long frames;
  private volatile long bytes;
  private boolean closed;

  DnstapRecorder(Recording recording) throws IOException {
    this.recording = recording;
    this.files = new KeptFiles(recording);
    open();
  }

  private void open() throws IOException {
    Path file = recording.file(++fileCount);
    writer = new FrameStreamWriter(new BufferedOutputStream(Files.newOutputStream(file), 64 << 10));
    files.opened(file);
    writer.writeControl(ControlType.START, DnstapFileReader.CONTENT_TYPE);
    fileBytes = writer.bytesWritten();
    bytes += fileBytes;
    fileOpenedNanos = System.nanoTime();
    fileFrames = 0;
  }

  synchronized void write(byte[] frame) throws IOException {
    if (closed) {
      return;
    }
    long stored = 4L + frame.length;
    boolean rotate = fileFrames > 0 && (recording.rotateBytes() > 0 && fileBytes + stored + STOP_BYTES > recording.rotateBytes()
        || recording.rotateNanos() > 0 && System.nanoTime() - fileOpenedNanos >= recording.rotateNanos());
    if (rotate) {
      finishFile();
      files.closed(fileBytes);
      open();
    }
    writer.writeData(frame, 0, frame.length);
    fileBytes += stored;
    bytes += stored;
    fileFrames++;
    frames++;
  }

  synchronized void flush() throws IOException {
    if (!closed) {
      writer.flush();
    }
  }

  private void finishFile() throws IOException {
    writer.writeControl(ControlType.STOP);
    fileBytes += STOP_BYTES;
    bytes += STOP_BYTES;
    writer.close();
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

  long frames() {
    return frames;
  }

  long bytes() {
    return bytes;
  }

  @Override
  public synchronized void close() throws IOException {
    if (!closed) {
      closed = true;
      finishFile();
    }
  }
}
