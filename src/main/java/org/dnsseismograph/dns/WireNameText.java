package org.dnsseismograph.dns;

import java.nio.ByteBuffer;

/**
 * The lower-case presentation text of a domain name kept in uncompressed wire form (as {@link
 * DnsMessageView#qnameWire()} gives it), written when first asked for: the text of {@link
 * DnsMessageView#qname()}, with its {@link DnsMessageView#nameHash}. For holders of a name whose text
 * is wanted later or not at all ({@link DnsMessageView}, the matcher's transactions). One instance
 * per holder, reused; not thread-safe.
 *
 * <p>Failure behaviour: the wire form must be one a scan accepted (labels of at most 63 octets, a
 * final zero octet, at most 255 octets); it is not checked again.
 */
public final class WireNameText {
  /** Bytes a wire-form array needs: the longest name and one word to spare for word-wide reads. */
  public static final int WIRE_CAPACITY = NameReader.MAX_NAME_OCTETS + Long.BYTES;

  private final NameTextWriter writer = new NameTextWriter();
  private final byte[] text = new byte[DnsMessageView.MAX_QNAME_TEXT * 4];
  private ByteBuffer wrapped;
  private boolean written;

  /** True when the text was written since the last {@link #forget()}. */
  public boolean isWritten() {
    return written;
  }

  /** Forgets the text, for a holder whose name changed. */
  public void forget() {
    written = false;
  }

  /**
   * Writes the text of the name {@code wire[0, octets)}; {@code wire} holds at least {@link
   * #WIRE_CAPACITY} bytes. The empty wire form ({@code octets} 0, no question) gives the empty text
   * with hash 0.
   */
  public void write(byte[] wire, int octets) {
    written = true;
    if (octets == 0) {
      writer.textLength = 0;
      writer.hash = 0;
      return;
    }
    if (wrapped == null || wrapped.array() != wire) {
      wrapped = ByteBuffer.wrap(wire);
    }
    writer.writeWire(wrapped, octets, text);
  }

  /** The text's characters: the first {@link #length()} bytes; this holder's array, overwritten by the next write. */
  public byte[] bytes() {
    return text;
  }

  /** Characters of the text. */
  public int length() {
    return writer.textLength;
  }

  /** {@link DnsMessageView#nameHash} of the text; 0 for the empty one. */
  public long hash() {
    return writer.hash;
  }
}
