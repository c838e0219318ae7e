package org.dnsseismograph.capture;

import java.util.Objects;
import java.util.StringJoiner;
import org.dnsseismograph.wire.DecodeOptions;
import org.dnsseismograph.wire.DnsPorts;

/**
 * What a {@link LiveCapture} captures and how. Immutable.
 *
 * @param interfaceName the interface, as {@link CaptureInterfaces#list()} names it ({@code lo},
 *     {@code eth0}, {@code any})
 * @param filter a BPF filter (pcap-filter(7) syntax); see {@link #defaultFilter}
 * @param snapLength bytes kept of each frame (1..262,144)
 * @param bufferBytes the kernel's capture buffer: how large a burst can wait for us before the
 *     kernel drops
 * @param promiscuous whether to see traffic not addressed to this host
 * @param decode the DNS ports and decoder bounds (the same as for files)
 * @param recording where frames are recorded as they arrive; null for no recording
 * @param live queue and publication settings
 */
public record LiveCaptureConfig(String interfaceName, String filter, int snapLength, int bufferBytes, boolean promiscuous, DecodeOptions decode,
    Recording recording, LiveOptions live) {
  /** The largest snap length: 262,144 bytes, libpcap's bound and what pcap readers accept. */
  public static final int MAX_SNAP_LENGTH = 262_144;
  /** Whole frames, as tcpdump keeps by default. */
  public static final int DEFAULT_SNAP_LENGTH = MAX_SNAP_LENGTH;
  /** 32 MiB of kernel buffer. */
  public static final int DEFAULT_BUFFER_BYTES = 32 << 20;

  public LiveCaptureConfig {
    Objects.requireNonNull(interfaceName, "interfaceName");
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(decode, "decode");
    Objects.requireNonNull(live, "live");
    if (interfaceName.isBlank()) {
      throw new IllegalArgumentException("no interface given");
    }
    if (snapLength < 1 || snapLength > MAX_SNAP_LENGTH) {
      throw new IllegalArgumentException("snap length must be 1.." + MAX_SNAP_LENGTH + ", not " + snapLength);
    }
    if (bufferBytes < 1 << 16) {
      throw new IllegalArgumentException("capture buffer must be at least 64 KiB, not " + bufferBytes + " bytes");
    }
  }

  /** Capture on {@code interfaceName} with the DNS-port filter, whole frames, no recording. */
  public static LiveCaptureConfig of(String interfaceName) {
    DecodeOptions decode = DecodeOptions.defaults();
    return new LiveCaptureConfig(interfaceName, defaultFilter(decode.ports()), DEFAULT_SNAP_LENGTH, DEFAULT_BUFFER_BYTES, false, decode, null,
        LiveOptions.defaults());
  }

  /**
   * The filter for DNS on {@code ports}: UDP and TCP on any of them, plus IPv4 fragments after the
   * first and IPv6 fragments (they carry no ports, and the decoder reassembles them).
   */
  public static String defaultFilter(DnsPorts ports) {
    StringJoiner p = new StringJoiner(" or ", "(", ")");
    for (int port = 0; port <= 0xFFFF; port++) {
      if (ports.contains(port)) {
        p.add("port " + port);
      }
    }
    return "((udp or tcp) and " + p + ") or (ip[6:2] & 0x1fff != 0) or (ip6 and ip6[6] = 44)";
  }

  public LiveCaptureConfig withFilter(String newFilter) {
    return new LiveCaptureConfig(interfaceName, newFilter, snapLength, bufferBytes, promiscuous, decode, recording, live);
  }

  public LiveCaptureConfig withSnapLength(int bytes) {
    return new LiveCaptureConfig(interfaceName, filter, bytes, bufferBytes, promiscuous, decode, recording, live);
  }

  public LiveCaptureConfig withBufferBytes(int bytes) {
    return new LiveCaptureConfig(interfaceName, filter, snapLength, bytes, promiscuous, decode, recording, live);
  }

  public LiveCaptureConfig withPromiscuous(boolean on) {
    return new LiveCaptureConfig(interfaceName, filter, snapLength, bufferBytes, on, decode, recording, live);
  }

  /** These decode options, and the default filter for their ports. */
  public LiveCaptureConfig withPorts(DecodeOptions newDecode) {
    return new LiveCaptureConfig(interfaceName, defaultFilter(newDecode.ports()), snapLength, bufferBytes, promiscuous, newDecode, recording, live);
  }

  public LiveCaptureConfig withRecording(Recording newRecording) {
    return new LiveCaptureConfig(interfaceName, filter, snapLength, bufferBytes, promiscuous, decode, newRecording, live);
  }

  public LiveCaptureConfig withLive(LiveOptions newLive) {
    return new LiveCaptureConfig(interfaceName, filter, snapLength, bufferBytes, promiscuous, decode, recording, newLive);
  }
}
