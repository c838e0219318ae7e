package org.dnsseismograph.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dnsseismograph.capture.ControlType;
import org.dnsseismograph.capture.DnstapFileReader;
import org.dnsseismograph.capture.FrameStreamException;
import org.dnsseismograph.capture.FrameStreamReader;
import org.dnsseismograph.capture.FrameStreamWriter;
import org.dnsseismograph.capture.StreamFrame;

/** Cuts a dnstap log into two pieces as the live dnstap recording rotates one: {@code live-dnstap-00001.fstrm}, {@code -00002}. */
public final class DnstapPieces {
  private DnstapPieces() {}

  /** The log's data frames {@code [0, firstFrames)} and the rest, each a whole Frame Streams file (START ... STOP) in {@code dir}. */
  public static List<Path> cut(Path log, Path dir, int firstFrames) throws IOException {
    List<byte[]> frames = dataFrames(log);
    return List.of(write(dir.resolve("live-dnstap-00001.fstrm"), frames.subList(0, firstFrames)),
        write(dir.resolve("live-dnstap-00002.fstrm"), frames.subList(firstFrames, frames.size())));
  }

  /** The data frames of a Frame Streams file, in order. */
  public static List<byte[]> dataFrames(Path file) throws IOException {
    List<byte[]> out = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      FrameStreamReader reader = new FrameStreamReader(in);
      StreamFrame f;
      while ((f = reader.next()) != null) {
        if (f instanceof StreamFrame.Data d) {
          out.add(d.bytes());
        }
      }
    } catch (FrameStreamException e) {
      throw new IOException(e);
    }
    return out;
  }

  /** A dnstap Frame Streams file of {@code frames}. */
  public static Path write(Path file, List<byte[]> frames) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      FrameStreamWriter w = new FrameStreamWriter(out);
      w.writeControl(ControlType.START, DnstapFileReader.CONTENT_TYPE);
      for (byte[] f : frames) {
        w.writeData(f, 0, f.length);
      }
      w.writeControl(ControlType.STOP);
    }
    return file;
  }
}
