package org.dnsseismograph.dns;

import org.dnsseismograph.wire.SkipReason;

/** The outcome of {@link DnsHeaderScanner#scan}: OK, or why the message is malformed. */
public enum ScanResult implements SkipReason {
  OK("dns.ok", "well-formed"),
  TOO_SHORT("dns.too-short", "DNS message shorter than its 12-byte header"),
  TRUNCATED_QUESTION("dns.truncated-question", "DNS question runs past the end of the message"),
  TRUNCATED_RECORD("dns.truncated-record", "DNS resource record runs past the end of the message"),
  BAD_LABEL_TYPE("dns.bad-label-type", "DNS name uses a reserved label type (0x40 or 0x80)"),
  POINTER_LOOP("dns.pointer-loop", "DNS name compression pointers loop"),
  FORWARD_POINTER("dns.forward-pointer", "DNS name compression pointer points forward"),
  NAME_TOO_LONG("dns.name-too-long", "DNS name longer than 255 octets"),
  BAD_OPT("dns.bad-opt", "DNS OPT record malformed or not owned by the root");

  private final String code;
  private final String description;

  ScanResult(String code, String description) {
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
