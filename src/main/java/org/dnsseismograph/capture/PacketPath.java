package org.dnsseismograph.capture;

import java.nio.ByteBuffer;
import java.util.List;
import org.dnsseismograph.wire.DecodeOptions;
import org.dnsseismograph.wire.PacketDecoder;
import org.dnsseismograph.wire.RawFrame;
import org.dnsseismograph.wire.SkipCounter;
import org.dnsseismograph.wire.Skipped;

/**
 * The worker's stage of a live capture: each frame goes through the file path's {@link
 * PacketDecoder} (link layer, IP, fragments, UDP, TCP reassembly) and every DNS payload on to the
 * scanner and the analysis, as {@link MessageRole#UNKNOWN}. Reader skips reach the analysis with
 * the frame's time, as {@code packets.skipped}. Confined to the worker thread.
 */
final class PacketPath implements Stage<CapturedFrame> {
  private final RawFrame raw = new RawFrame();
  private final SkipCounter skips;
  private final PacketDecoder decoder;
  private final ScannedMessages messages;
  private long frames;

  PacketPath(DecodeOptions options, LiveAnalysis analysis) {
    this.messages = new ScannedMessages(analysis);
    this.skips = new SkipCounter((reason, frame, time) -> {
      if (time != Long.MIN_VALUE) {
        analysis.onSkipped(time);
      }
    });
    this.decoder = new PacketDecoder(options, skips, p -> messages.onPayload(p, MessageRole.UNKNOWN));
  }

  /** The LINKTYPE of every frame (the handle's), known once it is open; set before the worker starts. */
  void setLinkType(int linkType) {
    raw.linkType = linkType;
  }

  @Override
  public void accept(CapturedFrame frame) {
    frames++;
    raw.timestampNanos = frame.timestampNanos();
    raw.buffer = ByteBuffer.wrap(frame.data());
    raw.offset = 0;
    raw.capturedLength = frame.data().length;
    raw.originalLength = frame.originalLength();
    raw.frameNumber = frames;
    decoder.decode(raw);
  }

  @Override
  public void finish() {
    decoder.finish();
  }

  @Override
  public long clockNanos() {
    return messages.clockNanos();
  }

  @Override
  public long analyzed() {
    return frames;
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
