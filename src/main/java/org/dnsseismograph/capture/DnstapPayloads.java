package org.dnsseismograph.capture;

import java.nio.ByteBuffer;
import org.dnsseismograph.wire.DnsPayload;
import org.dnsseismograph.wire.SkipCounter;

/**
 * Turns dnstap frames into DNS payloads: decodes each ({@link DnstapDecoder}), counts what it
 * skips, and hands the usable ones to a sink. Shared by the file reader and the live receiver so
 * both read frames alike. Not thread-safe (one per reading thread); allocates one buffer wrapper
 * per frame.
 */
final class DnstapPayloads {
  private final DnstapDecoder decoder = new DnstapDecoder();
  private final DnstapMessage message = new DnstapMessage();
  private final DnsPayload payload = new DnsPayload();
  private final SkipCounter skips;
  private final DnstapSink sink;
  private long frames;
  private long messages;
  private long firstTime = Long.MAX_VALUE;
  private long lastTime = Long.MIN_VALUE;
  private String identity;
  private String version;

  DnstapPayloads(SkipCounter skips, DnstapSink sink) {
    this.skips = skips;
    this.sink = sink;
  }

  /** Decodes one data frame (its whole array) and offers it. */
  void onFrame(byte[] frame) {
    frames++;
    DnstapSkip problem = decoder.decode(frame, 0, frame.length, message);
    if (problem != null) {
      skips.count(problem, frames);
      return;
    }
    long t = message.timeNanos();
    skips.at(t);
    firstTime = Math.min(firstTime, t);
    lastTime = Math.max(lastTime, t);
    if (identity == null && message.identityLength >= 0) {
      identity = message.identity();
      version = message.version();
    }
    message.toPayload(payload, ByteBuffer.wrap(frame), frames);
    messages++;
    sink.onMessage(payload, message);
  }

  long frames() {
    return frames;
  }

  long messages() {
    return messages;
  }

  long firstTime() {
    return messages == 0 ? 0 : firstTime;
  }

  long lastTime() {
    return messages == 0 ? 0 : lastTime;
  }

  /** The first identity string seen, or null. */
  String identity() {
    return identity;
  }

  String version() {
    return version;
  }
}
