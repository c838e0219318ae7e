package org.dnsseismograph.capture;

import java.util.Objects;

/**
 * What a {@link DnstapReceiver} listens on and how. Immutable.
 *
 * @param endpoint the Unix socket or TCP address
 * @param maxConnections senders served at once (a resolver opens one per dnstap I/O thread); more
 *     are refused
 * @param maxFrameBytes longest data frame accepted; a longer one ends its connection, counted
 * @param recording where received frames are recorded as dnstap files (START, frames, STOP, as
 *     {@code fstrm_capture} writes them); null for no recording
 * @param live queue and publication settings
 */
public record DnstapReceiverConfig(DnstapEndpoint endpoint, int maxConnections, int maxFrameBytes, Recording recording, LiveOptions live) {
  public DnstapReceiverConfig {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(live, "live");
    if (maxConnections < 1) {
      throw new IllegalArgumentException("at least one connection must be allowed");
    }
    if (maxFrameBytes < 1024) {
      throw new IllegalArgumentException("frame limit must be at least 1 KiB, not " + maxFrameBytes);
    }
  }

  /** Listen on {@code endpoint}: 16 connections, 1 MiB frames, no recording. */
  public static DnstapReceiverConfig of(DnstapEndpoint endpoint) {
    return new DnstapReceiverConfig(endpoint, 16, FrameStreamReader.DEFAULT_MAX_FRAME, null, LiveOptions.defaults());
  }

  public DnstapReceiverConfig withRecording(Recording newRecording) {
    return new DnstapReceiverConfig(endpoint, maxConnections, maxFrameBytes, newRecording, live);
  }

  public DnstapReceiverConfig withLive(LiveOptions newLive) {
    return new DnstapReceiverConfig(endpoint, maxConnections, maxFrameBytes, recording, newLive);
  }

  public DnstapReceiverConfig withMaxConnections(int connections) {
    return new DnstapReceiverConfig(endpoint, connections, maxFrameBytes, recording, live);
  }
}
