package org.dnsseismograph.capture;

import java.util.List;

/**
 * One frame of a Frame Streams stream: data (the payload, a dnstap protobuf here) or control.
 * Immutable by convention (the data array is handed over, not copied).
 *
 * @see <a href="https://farsightsec.github.io/fstrm/">Frame Streams</a>
 */
public sealed interface StreamFrame {

  /** A data frame; {@code bytes} is its whole payload. */
  record Data(byte[] bytes) implements StreamFrame {}

  /**
   * A control frame.
   *
   * @param contentTypes the CONTENT_TYPE fields, in order (empty when none)
   */
  record Control(ControlType type, List<String> contentTypes) implements StreamFrame {
    public Control {
      contentTypes = List.copyOf(contentTypes);
    }

    /** True when the frame names no content type (any is acceptable) or names {@code wanted}. */
    public boolean allows(String wanted) {
      return contentTypes.isEmpty() || contentTypes.contains(wanted);
    }
  }
}
