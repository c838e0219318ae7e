package org.dnsseismograph.ui.live;

import java.util.Objects;
import org.dnsseismograph.capture.DnstapEndpoint;
import org.dnsseismograph.capture.DnstapReceiver;
import org.dnsseismograph.capture.DnstapReceiverConfig;
import org.dnsseismograph.capture.LiveCapture;
import org.dnsseismograph.capture.LiveCaptureConfig;
import org.dnsseismograph.capture.LiveSource;
import org.dnsseismograph.capture.Recording;
import org.dnsseismograph.wire.DecodeOptions;
import org.dnsseismograph.wire.DnsPorts;

/**
 * What to watch live: a capture on an interface (with its filter, snap length and recording) or a
 * dnstap socket (with its recording). Immutable; {@link #open()} builds the source, not started.
 *
 * @param capture the capture's settings, or null for dnstap
 * @param dnstap the dnstap receiver's settings, or null for a capture
 */
public record LiveRequest(LiveCaptureConfig capture, DnstapReceiverConfig dnstap) {
  public LiveRequest {
    if ((capture == null) == (dnstap == null)) {
      throw new IllegalArgumentException("a live request is either a capture or a dnstap socket");
    }
  }

  /**
   * A capture on {@code interfaceName} of DNS on {@code ports} (the default filter),
   * whole frames, no recording: what {@code seismograph open --live IF} asks for.
   */
  public static LiveRequest capture(String interfaceName, DnsPorts ports) {
    DecodeOptions decode = DecodeOptions.defaults().withPorts(ports);
    return new LiveRequest(LiveCaptureConfig.of(interfaceName).withPorts(decode), null);
  }

  /** A dnstap socket at {@code endpoint}, no recording. */
  public static LiveRequest dnstap(DnstapEndpoint endpoint) {
    return new LiveRequest(null, DnstapReceiverConfig.of(Objects.requireNonNull(endpoint, "endpoint")));
  }

  /** This request recording to {@code recording} (null for none). */
  public LiveRequest withRecording(Recording recording) {
    return capture != null ? new LiveRequest(capture.withRecording(recording), null) : new LiveRequest(null, dnstap.withRecording(recording));
  }

  /** Where the source records, or null for nowhere. */
  public Recording recording() {
    return capture != null ? capture.recording() : dnstap.recording();
  }

  /** The source this request describes, not started. */
  public LiveSource open() {
    return capture != null ? new LiveCapture(capture) : new DnstapReceiver(dnstap);
  }

  /**
   * "lo" or "dnstap unix:/run/dnstap.sock", as the source names itself before its start (a dnstap
   * receiver asked for TCP port 0 names the port it bound once started).
   */
  public String name() {
    return capture != null ? capture.interfaceName() : "dnstap " + dnstap.endpoint();
  }
}
