package org.dnsseismograph.capture;

/**
 * The control frame types of Frame Streams, with their numbers on the wire. Immutable.
 *
 * @see <a href="https://farsightsec.github.io/fstrm/">Frame Streams</a>
 */
public enum ControlType {
  ACCEPT(1),
  START(2),
  STOP(3),
  READY(4),
  FINISH(5);

  private final int number;

  ControlType(int number) {
    this.number = number;
  }

  public int number() {
    return number;
  }

  /** The type with this number, or null. */
  public static ControlType of(int number) {
    for (ControlType t : values()) {
      if (t.number == number) {
        return t;
      }
    }
    return null;
  }
}
