package org.dnsseismograph.capture;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import org.dnsseismograph.wire.IpAddress;

/**
 * Decodes a dnstap protobuf (one Frame Streams data frame) into a {@link DnstapMessage}, with
 * protobuf-java's {@link CodedInputStream} and no generated code: only the fields the timeline
 * needs are read, the DNS messages are left in place as offsets, unknown fields are skipped (the
 * schema may grow). A field with an unexpected wire type is skipped as unknown.
 *
 * <p>Failure behaviour: never throws for any bytes; {@link #decode} returns the reason a frame
 * cannot be used. Not thread-safe (one per worker thread).
 *
 * @see <a href="https://github.com/dnstap/dnstap.pb/blob/master/dnstap.proto">dnstap.proto</a>
 * @see <a href="https://protobuf.dev/programming-guides/encoding/">protobuf encoding</a>
 */
public final class DnstapDecoder {
  private static final int DNSTAP_IDENTITY = 1;
  private static final int DNSTAP_VERSION = 2;
  private static final int DNSTAP_MESSAGE = 14;
  private static final int DNSTAP_TYPE = 15;
  private static final int TYPE_MESSAGE = 1;
  /** Seconds beyond this overflow epoch nanoseconds in a long. */
  private static final long MAX_SECONDS = Long.MAX_VALUE / 1_000_000_000L - 1;

  private DnstapSkip problem;
  private int offset;
  /** Length of the field {@link #bytesAt} last skipped. */
  private int lastLength;

  /**
   * Decodes {@code frame[offset, offset + length)} into {@code out}.
   *
   * @return null when {@code out} holds a usable message (a known type, its DNS message and its
   *     time), else why the frame is skipped
   */
  public DnstapSkip decode(byte[] frame, int offset, int length, DnstapMessage out) {
    out.reset(frame);
    this.offset = offset;
    problem = null;
    CodedInputStream in = CodedInputStream.newInstance(frame, offset, length);
    boolean isMessage = false;
    boolean hasMessage = false;
    try {
      int tag;
      while ((tag = in.readTag()) != 0) {
        int field = WireFormat.getTagFieldNumber(tag);
        int wire = WireFormat.getTagWireType(tag);
        if (field == DNSTAP_TYPE && wire == WireFormat.WIRETYPE_VARINT) {
          isMessage = in.readEnum() == TYPE_MESSAGE;
        } else if (field == DNSTAP_MESSAGE && wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
          int limit = in.pushLimit(in.readRawVarint32());
          message(in, out);
          in.popLimit(limit);
          hasMessage = true;
        } else if (field == DNSTAP_IDENTITY && wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
          out.identityOffset = bytesAt(in);
          out.identityLength = lastLength;
        } else if (field == DNSTAP_VERSION && wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
          out.versionOffset = bytesAt(in);
          out.versionLength = lastLength;
        } else if (!in.skipField(tag)) {
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      // InvalidProtocolBufferException for truncated or malformed input; a forged length may also
      // surface as an unchecked exception from the limit arithmetic. Either way the frame is bad.
      return DnstapSkip.PROTOBUF_MALFORMED;
    }
    return verdict(isMessage, hasMessage, out);
  }

  private DnstapSkip verdict(boolean isMessage, boolean hasMessage, DnstapMessage out) {
    if (!isMessage || !hasMessage) {
      return DnstapSkip.NOT_A_MESSAGE;
    }
    if (problem != null) {
      return problem;
    }
    if (out.type == null) {
      return DnstapSkip.UNKNOWN_TYPE;
    }
    int dnsLength = out.type.isResponse() ? out.responseMessageLength : out.queryMessageLength;
    if (dnsLength < 0) {
      return DnstapSkip.NO_DNS_MESSAGE;
    }
    if (out.timeNanos() == DnstapMessage.NO_TIME) {
      return DnstapSkip.NO_TIME;
    }
    return null;
  }

  /** Reads a length-delimited field's header and skips its bytes; returns their absolute offset. */
  private int bytesAt(CodedInputStream in) throws IOException {
    int length = in.readRawVarint32();
    int at = offset + in.getTotalBytesRead();
    in.skipRawBytes(length);
    lastLength = length;
    return at;
  }

  private void message(CodedInputStream in, DnstapMessage out) throws IOException {
    long querySeconds = -1;
    long queryNanos = 0;
    long responseSeconds = -1;
    long responseNanos = 0;
    int tag;
    while ((tag = in.readTag()) != 0) {
      int field = WireFormat.getTagFieldNumber(tag);
      int wire = WireFormat.getTagWireType(tag);
      switch (wire) {
        case WireFormat.WIRETYPE_VARINT -> {
          long v = in.readUInt64();
          switch (field) {
            case 1 -> out.type = DnstapType.of((int) Math.min(v, Integer.MAX_VALUE));
            case 2 -> out.socketFamily = (int) Math.min(v, Integer.MAX_VALUE);
            case 3 -> out.socketProtocol = (int) Math.min(v, Integer.MAX_VALUE);
            case 6 -> out.queryPort = port(v);
            case 7 -> out.responsePort = port(v);
            case 8 -> querySeconds = v;
            case 12 -> responseSeconds = v;
            default -> {
              // A varint field this reader does not need (http_protocol, a future field).
            }
          }
        }
        case WireFormat.WIRETYPE_FIXED32 -> {
          long v = in.readFixed32() & 0xFFFF_FFFFL;
          if (field == 9) {
            queryNanos = v;
          } else if (field == 13) {
            responseNanos = v;
          }
        }
        case WireFormat.WIRETYPE_LENGTH_DELIMITED -> lengthDelimited(in, field, out);
        default -> {
          if (!in.skipField(tag)) {
            return;
          }
        }
      }
    }
    out.queryTimeNanos = time(querySeconds, queryNanos);
    out.responseTimeNanos = time(responseSeconds, responseNanos);
  }

  private void lengthDelimited(CodedInputStream in, int field, DnstapMessage out) throws IOException {
    int at = bytesAt(in);
    int length = lastLength;
    switch (field) {
      case 4 -> address(out.frame, at, length, out, true);
      case 5 -> address(out.frame, at, length, out, false);
      case 10 -> {
        out.queryMessageOffset = at;
        out.queryMessageLength = length;
      }
      case 14 -> {
        out.responseMessageOffset = at;
        out.responseMessageLength = length;
      }
      default -> {
        // query_zone, policy, or a future field: not needed for the timeline.
      }
    }
  }

  private void address(byte[] b, int at, int length, DnstapMessage out, boolean query) {
    long hi;
    long lo;
    if (length == 4) {
      hi = 0;
      lo = IpAddress.v4Lo(((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF));
    } else if (length == 16) {
      hi = 0;
      lo = 0;
      for (int i = 0; i < 8; i++) {
        hi = (hi << 8) | (b[at + i] & 0xFF);
        lo = (lo << 8) | (b[at + 8 + i] & 0xFF);
      }
    } else {
      problem = DnstapSkip.BAD_ADDRESS;
      return;
    }
    if (query) {
      out.queryAddressHi = hi;
      out.queryAddressLo = lo;
    } else {
      out.responseAddressHi = hi;
      out.responseAddressLo = lo;
    }
  }

  private static int port(long v) {
    return v >= 0 && v <= 0xFFFF ? (int) v : DnstapMessage.NO_PORT;
  }

  private static long time(long seconds, long nanos) {
    if (seconds < 0 || seconds > MAX_SECONDS || nanos >= 1_000_000_000L) {
      return DnstapMessage.NO_TIME;
    }
    return seconds * 1_000_000_000L + nanos;
  }
}
