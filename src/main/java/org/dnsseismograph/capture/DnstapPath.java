package org.dnsseismograph.capture;

import java.util.List;
import org.dnsseismograph.wire.SkipCounter;
import org.dnsseismograph.wire.Skipped;

/**
 * The worker's stage of a dnstap receiver: each data frame is decoded ({@link DnstapPayloads}) and
 * its DNS message goes on to the scanner and the analysis with the role its dnstap type gives.
 * Frames that cannot be used reach the analysis as {@code packets.skipped} at the time of the last
 * good message. Confined to the worker thread.
 */
final class DnstapPath implements Stage<byte[]> {
  private final SkipCounter skips;
  private final DnstapPayloads payloads;
  private final ScannedMessages messages;

  DnstapPath(LiveAnalysis analysis) {
    this.messages = new ScannedMessages(analysis);
    this.skips = new SkipCounter((reason, frame, time) -> {
      if (time != Long.MIN_VALUE) {
        analysis.onSkipped(time);
      }
    });
    this.payloads = new DnstapPayloads(skips, (payload, message) -> messages.onPayload(payload, message.type.role()));
  }

  @Override
  public void accept(byte[] frame) {
    payloads.onFrame(frame);
  }

  @Override
  public void finish() {
    // Frames are whole messages: nothing is held between them.
  }

  @Override
  public long clockNanos() {
    return messages.clockNanos();
  }

  @Override
  public long analyzed() {
    return payloads.frames();
  }

  @Override
  public long dnsMessages() {
    return messages.messages();
  }

  @Override
  public long queries() {
    return messages.queries();
  }

  @Override
  public long responses() {
    return messages.responses();
  }

  @Override
  public List<Skipped> skipped() {
    return messages.skippedWith(skips.snapshot());
  }
}
