package org.dnsseismograph.dns;

import org.dnsseismograph.wire.SkipReason;

/**
 * The outcome of a scan ({@link DnsHeaderScanner#scan}, {@link ResponseSectionScanner#scan}): OK, or
 * the first reason the message is malformed. Each reason is a {@link SkipReason}, so readers count
 * rejected messages by it. Immutable.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc1035#section-4.1">RFC 1035 §4.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6891#section-6.1.1">RFC 6891 §6.1.1</a>
 */
public enum ScanResult implements SkipReason {
  OK("dns.ok", "well-formed"),
  TOO_SHORT("dns.too-short", "DNS message shorter than its 12-byte header"),
  TRUNCATED_QUESTION("dns.truncated-question", "DNS question runs past the end of the message"),
  TRUNCATED_RECORD("dns.truncated-record", "DNS resource record runs past the end of the message"),
  BAD_LABEL_TYPE("dns.bad-label-type", "DNS name uses a reserved label type (0x40 or 0x80)"),
  POINTER_LOOP("dns.pointer-loop", "DNS name compression pointers loop"),
  FORWARD_POINTER("dns.forward-pointer", "DNS name compression pointer points forward"),
  NAME_TOO_LONG("dns.name-too-long", "DNS name longer than 255 octets"),
  /**
   * A name follows more than 128 compression pointers. A name has at most 127 labels and a real
   * compressor jumps once per shared suffix, so only a forged chain of pointers to pointers gets here;
   * the bound keeps the work per message linear.
   */
  TOO_MANY_POINTERS("dns.too-many-pointers", "DNS name follows too many compression pointers"),
  /** The OPT record is not owned by the root, or its options run past its data. */
  BAD_OPT("dns.bad-opt", "DNS OPT record malformed or not owned by the root"),
  /** A second OPT record in the additional section (RFC 6891 §6.1.1: FORMERR). */
  DUPLICATE_OPT("dns.duplicate-opt", "DNS message carries more than one OPT record"),
  /** A record the section scanner decodes (NS, A, AAAA) has data that does not match its type. */
  BAD_RDATA("dns.bad-rdata", "DNS record data does not match its type");

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
