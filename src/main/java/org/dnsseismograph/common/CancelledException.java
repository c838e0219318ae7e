package org.dnsseismograph.common;

/** Thrown out of long work when its {@link Progress} was cancelled; not an error. */
public final class CancelledException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CancelledException() {
    super("cancelled", null, false, false);
  }
}
