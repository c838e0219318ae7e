package org.dnsseismograph.capture;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.util.List;

/**
 * A bidirectional Frame Streams sender over TCP or a Unix socket, as a resolver's dnstap I/O
 * thread is, made of our {@link FrameStreamWriter} and {@link FrameStreamReader}: READY and its
 * ACCEPT, START, data frames, STOP and its FINISH, each step when the test asks for it. One
 * connection, one thread; I/O failures are {@link IOException}s.
 *
 * @see <a href="https://farsightsec.github.io/fstrm/">Frame Streams</a>
 */
public final class FrameStreamSender implements AutoCloseable {
  private final SocketChannel ch;
  private final FrameStreamWriter out;
  private final FrameStreamReader in;

  /** Connects to {@code address} (a {@link UnixDomainSocketAddress} or an IP socket address). */
  public FrameStreamSender(SocketAddress address) throws IOException {
    ch = address instanceof UnixDomainSocketAddress ? SocketChannel.open(StandardProtocolFamily.UNIX) : SocketChannel.open();
    ch.connect(address);
    out = new FrameStreamWriter(Channels.newOutputStream(ch));
    in = new FrameStreamReader(Channels.newInputStream(ch));
  }

  /** The ACCEPT frame, or null when the receiver closed the connection without one. */
  public StreamFrame ready(String... contentTypes) throws Exception {
    try {
      out.writeControl(ControlType.READY, contentTypes);
      return in.next();
    } catch (SocketException closedByPeer) {
      // A close with unread data arrives as a reset or a broken pipe rather than an end of stream;
      // both say the same thing: no ACCEPT.
      return null;
    }
  }

  /** Starts the stream of dnstap frames. */
  public void start() throws IOException {
    out.writeControl(ControlType.START, DnstapFileReader.CONTENT_TYPE);
  }

  /** Sends each of {@code frames} as a data frame. */
  public void send(List<byte[]> frames) throws IOException {
    for (byte[] f : frames) {
      out.writeData(f, 0, f.length);
    }
  }

  /** Stops the stream; the receiver's answer (FINISH) or null at the end of the connection. */
  public StreamFrame stop() throws Exception {
    out.writeControl(ControlType.STOP);
    return in.next();
  }

  @Override
  public void close() throws IOException {
    ch.close();
  }
}
