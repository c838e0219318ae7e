package org.dnsseismograph.dns;

import java.nio.charset.StandardCharsets;

/**
 * A reusable holder of one domain name as lower-case presentation text (ASCII, dnsjava's escaping,
 * no final dot, the root as {@code "."}; see {@link DnsMessageView#qname}) with its hash ({@link DnsMessageView#nameHash}).
 * Filled by {@link ResponseSectionScanner}; valid until the next scan into the same {@link
 * ResponseSections}. Not thread-safe; copy it ({@link #toString()}) to keep it.
 */
public final class NameText {
  final byte[] bytes = new byte[DnsMessageView.MAX_QNAME_TEXT * 4];
  int length;
  long hash;

  /** Number of characters (ASCII bytes). */
  public int length() {
    return length;
  }

  /** The character at {@code index}, as an ASCII byte. */
  public byte byteAt(int index) {
    if (index < 0 || index >= length) {
      throw new IndexOutOfBoundsException(index);
    }
    return bytes[index];
  }

  /** {@link DnsMessageView#nameHash} of the characters, as {@link DnsMessageView#qnameHash}. */
  public long hash() {
    return hash;
  }

  /** True when this text equals the first {@code otherLength} ASCII bytes of {@code other}. */
  public boolean contentEquals(byte[] other, int otherLength) {
    if (otherLength != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (bytes[i] != other[i]) {
        return false;
      }
    }
    return true;
  }

  /** True when both hold the same text. */
  public boolean contentEquals(NameText other) {
    return other.hash == hash && contentEquals(other.bytes, other.length);
  }

  /** The text as a String (allocates). */
  @Override
  public String toString() {
    return new String(bytes, 0, length, StandardCharsets.US_ASCII);
  }

  void set(NameReader from) {
    length = from.textLength;
    hash = from.hash;
  }
}
