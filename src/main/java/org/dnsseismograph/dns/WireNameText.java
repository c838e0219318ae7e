package org.dnsseismograph.dns;

import java.nio.ByteBuffer;

/**
 * Writes a domain name kept in uncompressed wire form (as {@link DnsMessageView#qnameWire()} gives
 * it) as the lower-case presentation text of {@link DnsMessageView#qname()}, with that text's {@link
 * DnsMessageView#nameHash}: for holders of a name whose text is wanted later or not at all. One
 * instance per holder (it keeps the last text's hash); not thread-safe.
 *
 * <p>Failure behaviour: the wire form must be one a scan accepted (labels of at most 63 octets, a
 * final zero octet, at most 255 octets); it is not checked again.
 */
public final class WireNameText {
  /** Bytes a wire-form array needs: the longest name and one word to spare for word-wide reads. */
  public static final int WIRE_CAPACITY = NameReader.MAX_NAME_OCTETS + Long.BYTES;

  private final NameTextWriter writer = new NameTextWriter();
  private ByteBuffer wrapped;

  /**
   * Writes the text of the name {@code wire[0, octets)} into {@code text} (at least {@link
   * DnsMessageView#MAX_QNAME_TEXT} x 4 bytes); {@code wire} holds at least {@link #WIRE_CAPACITY}
   * bytes. The empty wire form ({@code octets} 0, no question) gives the empty text.
   *
   * @return the number of characters written
   */
  public int write(byte[] wire, int octets, byte[] text) {
    if (octets == 0) {
      writer.textLength = 0;
      writer.hash = 0;
      return 0;
    }
    if (wrapped == null || wrapped.array() != wire) {
      wrapped = ByteBuffer.wrap(wire);
    }
    writer.writeWire(wrapped, octets, text);
    return writer.textLength;
  }

  /** {@link DnsMessageView#nameHash} of the last text written; 0 for the empty one. */
  public long hash() {
    return writer.hash;
  }
}
