package org.dnsseismograph.capture;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;

/**
 * One dnstap sender's connection: the Frame Streams handshake, then its data frames until STOP.
 *
 * <p>Bidirectional (what resolvers do on a socket): the sender's READY must offer {@value
 * DnstapFileReader#CONTENT_TYPE}; we answer ACCEPT with it; the sender's START begins the data; at
 * its STOP we answer FINISH and close. A sender that begins with START is served unidirectionally
 * ({@code fstrm_replay}-style). A stream of another content type, a malformed control frame, a
 * frame over the limit or a truncated frame ends the connection, counted. Runs on its own thread;
 * closing the channel from another thread ends it.
 *
 * @see <a href="https://farsightsec.github.io/fstrm/">Frame Streams</a>
 */
final class DnstapSession implements Runnable {
  /** What a session hands each data frame to; called on the session's thread. */
  interface FrameSink {
    void onFrame(byte[] frame);

    void onSkip(DnstapSkip reason);
  }

  private final SocketChannel channel;
  private final int maxFrameBytes;
  private final FrameSink sink;
  private final Runnable onEnd;

  DnstapSession(SocketChannel channel, int maxFrameBytes, FrameSink sink, Runnable onEnd) {
    this.channel = channel;
    this.maxFrameBytes = maxFrameBytes;
    this.sink = sink;
    this.onEnd = onEnd;
  }

  @Override
  public void run() {
    try {
      FrameStreamReader reader = new FrameStreamReader(Channels.newInputStream(channel), maxFrameBytes);
      FrameStreamWriter writer = new FrameStreamWriter(Channels.newOutputStream(channel));
      Boolean bidirectional = handshake(reader, writer);
      if (bidirectional != null) {
        frames(reader, writer, bidirectional);
      }
    } catch (FrameStreamException e) {
      sink.onSkip(e.reason());
    } catch (IOException e) {
      // The sender went away or the receiver is stopping: the connection simply ends.
    } finally {
      close();
      onEnd.run();
    }
  }

  /** True for a bidirectional stream, false for a unidirectional one, null when refused. */
  private Boolean handshake(FrameStreamReader reader, FrameStreamWriter writer) throws IOException, FrameStreamException {
    StreamFrame first = reader.next();
    if (!(first instanceof StreamFrame.Control c)) {
      if (first != null) {
        sink.onSkip(DnstapSkip.CONTROL_MALFORMED);
      }
      return null;
    }
    if (c.type() == ControlType.START) {
      return acceptable(c) ? Boolean.FALSE : null;
    }
    if (c.type() != ControlType.READY) {
      sink.onSkip(DnstapSkip.CONTROL_MALFORMED);
      return null;
    }
    if (!acceptable(c)) {
      return null;
    }
    writer.writeControl(ControlType.ACCEPT, DnstapFileReader.CONTENT_TYPE);
    StreamFrame start = reader.next();
    if (!(start instanceof StreamFrame.Control s) || s.type() != ControlType.START) {
      if (start != null) {
        sink.onSkip(DnstapSkip.CONTROL_MALFORMED);
      }
      return null;
    }
    return acceptable(s) ? Boolean.TRUE : null;
  }

  private boolean acceptable(StreamFrame.Control c) {
    if (c.allows(DnstapFileReader.CONTENT_TYPE)) {
      return true;
    }
    sink.onSkip(DnstapSkip.CONTENT_TYPE);
    return false;
  }

  private void frames(FrameStreamReader reader, FrameStreamWriter writer, boolean bidirectional) throws IOException, FrameStreamException {
    StreamFrame f;
    while ((f = reader.next()) != null) {
      if (f instanceof StreamFrame.Data d) {
        sink.onFrame(d.bytes());
      } else if (((StreamFrame.Control) f).type() == ControlType.STOP) {
        if (bidirectional) {
          writer.writeControl(ControlType.FINISH);
        }
        return;
      } else {
        sink.onSkip(DnstapSkip.CONTROL_MALFORMED);
        return;
      }
    }
  }

  /** Closes the connection; safe from any thread, any number of times. */
  void close() {
    try {
      channel.close();
    } catch (IOException e) {
      // Nothing more to do with a socket that will not close.
    }
  }
}
