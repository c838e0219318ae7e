package org.dnsseismograph.wire;

import java.util.Objects;

/**
 * How files are read into DNS messages ({@link MessageFiles}: captures, unless told otherwise), and
 * the bounds and choices of {@link PacketDecoder} for captures. Times are nanoseconds of capture
 * time (not wall clock), so results do not depend on how fast a file is read. Memory held by the
 * decoder is at most about {@code maxFragmentBytes + maxTcpFlows * maxTcpBufferedBytesPerFlow}.
 * Immutable.
 *
 * @param ports the DNS ports
 * @param fragmentTimeoutNanos an incomplete fragmented datagram is dropped this long after its
 *     first fragment
 * @param maxFragmentBytes bytes all incomplete datagrams together may hold (at least 128 KiB); the
 *     oldest is dropped beyond it
 * @param maxTcpFlows TCP stream directions tracked at once; the least recently used is dropped
 *     beyond it
 * @param tcpIdleTimeoutNanos a TCP stream direction silent this long is closed
 * @param maxTcpBufferedBytesPerFlow bytes one direction may buffer (a partial message plus
 *     out-of-order segments); at least 65,537 so the largest DNS message fits
 * @param messages how the files are read into DNS messages
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7766">RFC 7766</a>
 */
public record DecodeOptions(
    DnsPorts ports,
    long fragmentTimeoutNanos,
    long maxFragmentBytes,
    int maxTcpFlows,
    long tcpIdleTimeoutNanos,
    int maxTcpBufferedBytesPerFlow,
    MessageFiles messages) {
  /** The largest DNS-over-TCP message with its two-byte length prefix. */
  public static final int LARGEST_TCP_MESSAGE = 2 + 65_535;
  /** The smallest fragment memory: room for the largest datagram with its bookkeeping. */
  public static final long MIN_FRAGMENT_BYTES = 128 << 10;

  public DecodeOptions {
    Objects.requireNonNull(ports, "ports");
    Objects.requireNonNull(messages, "messages");
    if (fragmentTimeoutNanos <= 0 || tcpIdleTimeoutNanos <= 0) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
    if (maxFragmentBytes < MIN_FRAGMENT_BYTES) {
      throw new IllegalArgumentException("maxFragmentBytes must be at least 128 KiB (two datagrams of 64 KiB)");
    }
    if (maxTcpFlows < 1) {
      throw new IllegalArgumentException("maxTcpFlows must be at least 1");
    }
    if (maxTcpBufferedBytesPerFlow < LARGEST_TCP_MESSAGE) {
      throw new IllegalArgumentException("maxTcpBufferedBytesPerFlow must hold the largest DNS message (65,537 bytes)");
    }
  }

  /** Options for captures. */
  public DecodeOptions(DnsPorts ports, long fragmentTimeoutNanos, long maxFragmentBytes, int maxTcpFlows, long tcpIdleTimeoutNanos,
      int maxTcpBufferedBytesPerFlow) {
    this(ports, fragmentTimeoutNanos, maxFragmentBytes, maxTcpFlows, tcpIdleTimeoutNanos, maxTcpBufferedBytesPerFlow, MessageFiles.CAPTURES);
  }

  /**
   * Captures; port 53; fragments time out after 30 s and hold at most 4 MiB (the Linux defaults); 8,192 TCP
   * stream directions, idle after 120 s, each buffering at most 128 KiB.
   */
  public static DecodeOptions defaults() {
    return new DecodeOptions(DnsPorts.DEFAULT, 30_000_000_000L, 4L << 20, 8192, 120_000_000_000L, 128 << 10);
  }

  /** These options with other DNS ports. */
  public DecodeOptions withPorts(DnsPorts newPorts) {
    return new DecodeOptions(newPorts, fragmentTimeoutNanos, maxFragmentBytes, maxTcpFlows, tcpIdleTimeoutNanos, maxTcpBufferedBytesPerFlow,
        messages);
  }

  /** These options for files read as {@code files} says. */
  public DecodeOptions withMessages(MessageFiles files) {
    return new DecodeOptions(ports, fragmentTimeoutNanos, maxFragmentBytes, maxTcpFlows, tcpIdleTimeoutNanos, maxTcpBufferedBytesPerFlow, files);
  }
}
