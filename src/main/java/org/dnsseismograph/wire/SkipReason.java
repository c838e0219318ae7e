package org.dnsseismograph.wire;

/**
 * Why a reader skipped something. Implemented by enums of each layer (for example {@link
 * WireSkip} here and the DNS scanner's errors), so one {@link SkipCounter} can count them all.
 */
public interface SkipReason {

  /** A stable, machine-readable code, e.g. {@code ip.fragment-timeout}. */
  String code();

  /** One human sentence fragment, e.g. "IPv4 fragment never completed within the timeout". */
  String description();
}
