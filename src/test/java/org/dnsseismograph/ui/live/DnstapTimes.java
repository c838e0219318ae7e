package org.dnsseismograph.ui.live;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Moves a recorded dnstap frame in time, as a replay would: the message's query and response
 * seconds (fields 8 and 12 of {@code Message}, field 14 of {@code Dnstap}) gain a number of seconds,
 * every other field is copied as it is.
 *
 * @see <a href="https://github.com/dnstap/dnstap.pb/blob/master/dnstap.proto">dnstap.proto</a>
 */
final class DnstapTimes {
  private static final int DNSTAP_MESSAGE = 14;
  private static final int QUERY_TIME_SEC = 8;
  private static final int RESPONSE_TIME_SEC = 12;

  private DnstapTimes() {}

  /** {@code frame} with its message's times moved by {@code seconds}. */
  static byte[] shifted(byte[] frame, long seconds) throws IOException {
    CodedInputStream in = CodedInputStream.newInstance(frame);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    int tag;
    while ((tag = in.readTag()) != 0) {
      if (WireFormat.getTagFieldNumber(tag) == DNSTAP_MESSAGE && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
        out.writeByteArray(DNSTAP_MESSAGE, shiftedMessage(in.readByteArray(), seconds));
      } else {
        in.skipField(tag, out);
      }
    }
    out.flush();
    return bytes.toByteArray();
  }

  private static byte[] shiftedMessage(byte[] message, long seconds) throws IOException {
    CodedInputStream in = CodedInputStream.newInstance(message);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    int tag;
    while ((tag = in.readTag()) != 0) {
      int field = WireFormat.getTagFieldNumber(tag);
      if ((field == QUERY_TIME_SEC || field == RESPONSE_TIME_SEC) && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_VARINT) {
        out.writeUInt64(field, in.readUInt64() + seconds);
      } else {
        in.skipField(tag, out);
      }
    }
    out.flush();
    return bytes.toByteArray();
  }
}
