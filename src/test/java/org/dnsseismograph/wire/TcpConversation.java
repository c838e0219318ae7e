package org.dnsseismograph.wire;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** Builds the Ethernet frames of one TCP connection to port 53, by stream offsets. */
final class TcpConversation {
  private final FrameBuilder link = new FrameBuilder(LinkType.ETHERNET);
  final IpAddress client;
  final IpAddress server;
  final int clientPort;
  final int clientIsn;
  final int serverIsn;

  TcpConversation(IpAddress client, int clientPort, int clientIsn, IpAddress server, int serverIsn) {
    this.client = client;
    this.server = server;
    this.clientPort = clientPort;
    this.clientIsn = clientIsn;
    this.serverIsn = serverIsn;
  }

  TcpConversation() {
    this(PacketDecoderTest.CLIENT4, 40_000, 1_000, PacketDecoderTest.SERVER4, 50_000);
  }

  byte[] syn() {
    return link.tcp(client, clientPort, server, 53, clientIsn, 0, FrameBuilder.SYN, new byte[0]);
  }

  byte[] synAck() {
    return link.tcp(server, 53, client, clientPort, serverIsn, clientIsn + 1, FrameBuilder.SYN, new byte[0]);
  }

  /** Client bytes at stream offset {@code offset} (0 = first byte after the SYN). */
  byte[] client(int offset, byte[] data) {
    return link.tcp(client, clientPort, server, 53, clientIsn + 1 + offset, serverIsn + 1, FrameBuilder.PSH, data);
  }

  byte[] server(int offset, byte[] data) {
    return link.tcp(server, 53, client, clientPort, serverIsn + 1 + offset, clientIsn + 1, FrameBuilder.PSH, data);
  }

  /** The server acknowledging the client's stream up to {@code clientOffset}. */
  byte[] serverAck(int clientOffset) {
    return link.tcp(server, 53, client, clientPort, serverIsn + 1, clientIsn + 1 + clientOffset, 0, new byte[0]);
  }

  byte[] clientFin(int offset) {
    return link.tcp(client, clientPort, server, 53, clientIsn + 1 + offset, serverIsn + 1, FrameBuilder.FIN, new byte[0]);
  }

  byte[] clientRst(int offset) {
    return link.tcp(client, clientPort, server, 53, clientIsn + 1 + offset, 0, FrameBuilder.RST, new byte[0]);
  }

  /** A query for {@code name}: header, one question of type A, class IN. */
  static byte[] query(int id, String name) {
    return message(id, 0x0100, name, 0);
  }

  /** A response with {@code answers} A records. */
  static byte[] response(int id, String name, int answers) {
    return message(id, 0x8180, name, answers);
  }

  private static byte[] message(int id, int flags, String name, int answers) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer header = ByteBuffer.allocate(12).putShort((short) id).putShort((short) flags).putShort((short) 1)
        .putShort((short) answers).putShort((short) 0).putShort((short) 0);
    out.writeBytes(header.array());
    for (String label : name.split("\\.")) {
      out.write(label.length());
      out.writeBytes(label.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
    out.writeBytes(new byte[] {0, 0, 1, 0, 1});
    for (int i = 0; i < answers; i++) {
      out.writeBytes(new byte[] {(byte) 0xC0, 12, 0, 1, 0, 1, 0, 0, 1, 44, 0, 4, (byte) 192, 0, 2, (byte) i});
    }
    return out.toByteArray();
  }

  /** Messages with their two-byte length prefixes, back to back. */
  static byte[] framed(byte[]... messages) {
    return PacketDecoderTest.tcpFramed(messages);
  }

  static byte[] slice(byte[] a, int from, int to) {
    return Arrays.copyOfRange(a, from, to);
  }
}
