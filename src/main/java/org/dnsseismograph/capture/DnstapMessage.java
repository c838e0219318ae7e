package org.dnsseismograph.capture;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.dnsseismograph.wire.DnsPayload;
import org.dnsseismograph.wire.IpAddress;
import org.dnsseismograph.wire.Transport;

/**
 * One decoded dnstap {@code Message}, as {@link DnstapDecoder} fills it. A reused flyweight: the
 * DNS message and the identity are offsets into the frame it was decoded from ({@link #frame}),
 * valid until the next decode; addresses are held as two longs each ({@link IpAddress}). Times are
 * epoch nanoseconds, UTC, as the logging server stamped them. Not thread-safe.
 *
 * @see <a href="https://github.com/dnstap/dnstap.pb/blob/master/dnstap.proto">dnstap.proto</a>
 */
public final class DnstapMessage {
  /** Value of the time fields when absent. */
  public static final long NO_TIME = Long.MIN_VALUE;
  /** Value of the port fields when absent. */
  public static final int NO_PORT = -1;

  static final int FAMILY_INET = 1;
  static final int FAMILY_INET6 = 2;
  static final int PROTOCOL_UDP = 1;
  static final int PROTOCOL_DNSCRYPT_UDP = 5;
  static final int PROTOCOL_DOQ = 7;

  public DnstapType type;
  /** SocketFamily: 1 INET, 2 INET6; 0 when absent. */
  public int socketFamily;
  /** SocketProtocol: 1 UDP, 2 TCP, 3 DOT, 4 DOH, 5 DNSCryptUDP, 6 DNSCryptTCP, 7 DOQ; 0 when absent. */
  public int socketProtocol;
  /** The initiator's address (zero when absent). */
  public long queryAddressHi;
  public long queryAddressLo;
  /** The responder's address (zero when absent). */
  public long responseAddressHi;
  public long responseAddressLo;
  public int queryPort = NO_PORT;
  public int responsePort = NO_PORT;
  public long queryTimeNanos = NO_TIME;
  public long responseTimeNanos = NO_TIME;
  /** The frame the offsets below point into. */
  public byte[] frame;
  /** The DNS query message: {@code frame[queryMessageOffset, + queryMessageLength)}; length -1 when absent. */
  public int queryMessageOffset;
  public int queryMessageLength = -1;
  public int responseMessageOffset;
  public int responseMessageLength = -1;
  /** The server's identity string (the Dnstap envelope's); length -1 when absent. */
  public int identityOffset;
  public int identityLength = -1;
  public int versionOffset;
  public int versionLength = -1;

  void reset(byte[] source) {
    type = null;
    socketFamily = 0;
    socketProtocol = 0;
    queryAddressHi = 0;
    queryAddressLo = 0;
    responseAddressHi = 0;
    responseAddressLo = 0;
    queryPort = NO_PORT;
    responsePort = NO_PORT;
    queryTimeNanos = NO_TIME;
    responseTimeNanos = NO_TIME;
    frame = source;
    queryMessageLength = -1;
    responseMessageLength = -1;
    identityLength = -1;
    versionLength = -1;
  }

  /** The transport as the matcher knows it: datagram protocols are UDP, stream ones TCP. */
  public Transport transport() {
    return switch (socketProtocol) {
      case PROTOCOL_UDP, PROTOCOL_DNSCRYPT_UDP, PROTOCOL_DOQ -> Transport.UDP;
      default -> socketProtocol == 0 ? Transport.UDP : Transport.TCP;
    };
  }

  /** The time of the message its type carries: the response's for responses, else the query's. */
  public long timeNanos() {
    return type.isResponse() ? responseTimeNanos : queryTimeNanos;
  }

  /** The identity string, or null. */
  public String identity() {
    return identityLength < 0 ? null : new String(frame, identityOffset, identityLength, StandardCharsets.UTF_8);
  }

  /** The version string, or null. */
  public String version() {
    return versionLength < 0 ? null : new String(frame, versionOffset, versionLength, StandardCharsets.UTF_8);
  }

  /**
   * Fills {@code out} as if the DNS message had been captured on the wire: its time, the sender as
   * source (the initiator for a query, the responder for a response), transport and bytes. Call
   * only after a successful decode.
   *
   * @param frameBuffer {@link #frame} wrapped (reused by the caller across messages of one frame)
   * @param sequence 1-based number of the frame in its stream, used as the frame number
   */
  public void toPayload(DnsPayload out, ByteBuffer frameBuffer, long sequence) {
    boolean response = type.isResponse();
    out.timestampNanos = timeNanos();
    out.frameNumber = sequence;
    out.transport = transport();
    out.srcHi = response ? responseAddressHi : queryAddressHi;
    out.srcLo = response ? responseAddressLo : queryAddressLo;
    out.dstHi = response ? queryAddressHi : responseAddressHi;
    out.dstLo = response ? queryAddressLo : responseAddressLo;
    out.srcPort = Math.max(0, response ? responsePort : queryPort);
    out.dstPort = Math.max(0, response ? queryPort : responsePort);
    out.buffer = frameBuffer;
    out.offset = response ? responseMessageOffset : queryMessageOffset;
    out.length = response ? responseMessageLength : queryMessageLength;
    out.originalLength = out.length;
  }

  @Override
  public String toString() {
    return type + " " + new IpAddress(queryAddressHi, queryAddressLo) + "#" + queryPort + " -> " + new IpAddress(responseAddressHi, responseAddressLo)
        + "#" + responsePort + " proto " + socketProtocol;
  }
}
