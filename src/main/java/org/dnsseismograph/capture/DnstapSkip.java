package org.dnsseismograph.capture;

import org.dnsseismograph.wire.SkipReason;

/**
 * Why a dnstap reader or receiver skipped a frame or gave up on a stream. Each constant is counted;
 * nothing is printed. Immutable.
 *
 * @see <a href="https://farsightsec.github.io/fstrm/">Frame Streams</a>
 * @see <a href="https://github.com/dnstap/dnstap.pb/blob/master/dnstap.proto">dnstap.proto</a>
 */
public enum DnstapSkip implements SkipReason {
  STREAM_TRUNCATED("fstrm.truncated", "Frame Streams input ends inside a frame"),
  FRAME_TOO_LARGE("fstrm.frame-too-large", "Frame Streams data frame longer than the limit; the rest of the stream was not read"),
  CONTROL_MALFORMED("fstrm.bad-control", "Frame Streams control frame malformed or out of place; the rest of the stream was not read"),
  CONTENT_TYPE("fstrm.content-type", "Frame Streams stream of a content type other than protobuf:dnstap.Dnstap; not read"),
  PROTOBUF_MALFORMED("dnstap.bad-protobuf", "dnstap frame is not a well-formed protobuf message"),
  NOT_A_MESSAGE("dnstap.not-a-message", "dnstap payload of a type other than MESSAGE, or without its message"),
  UNKNOWN_TYPE("dnstap.unknown-type", "dnstap message of a type the schema does not define"),
  NO_DNS_MESSAGE("dnstap.no-dns-message", "dnstap message without the DNS message its type calls for"),
  NO_TIME("dnstap.no-time", "dnstap message without a valid time for its query or response"),
  BAD_ADDRESS("dnstap.bad-address", "dnstap address that is neither 4 nor 16 bytes long");

  private final String code;
  private final String description;

  DnstapSkip(String code, String description) {
    this.code = code;
    this.description = description;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public String description() {
    return description;
  }
}
