package org.dnsseismograph.capture;

/**
 * The lifecycle of a {@link LiveSource}: NEW → RUNNING ⇄ PAUSED → STOPPED, or FAILED from any
 * running state when the source breaks (the interface went away, the socket failed). Immutable.
 */
public enum LiveState {
  NEW,
  RUNNING,
  /** Open, but what arrives is discarded (counted), neither recorded nor analysed. */
  PAUSED,
  STOPPED,
  FAILED;

  /** True while the source holds its interface or socket. */
  public boolean isActive() {
    return this == RUNNING || this == PAUSED;
  }
}
