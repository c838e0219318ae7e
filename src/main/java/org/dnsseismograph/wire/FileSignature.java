package org.dnsseismograph.wire;

import java.nio.charset.StandardCharsets;

/**
 * Says in a few words what the first bytes of a file that is not a capture look like, so an
 * error line can tell a user "this is a zip archive" rather than only "not a capture". Stateless.
 */
final class FileSignature {
  private FileSignature() {}

  /**
   * Describes {@code head} (up to 16 first bytes).
   *
   * @param size the file's size, or -1 when unknown
   */
  static String describe(byte[] head, long size) {
    if (head.length == 0) {
      return size == 0 ? "the file is empty" : "no data";
    }
    StringBuilder sb = new StringBuilder("first bytes ");
    for (int i = 0; i < Math.min(head.length, 8); i++) {
      sb.append(String.format("%02x", head[i] & 0xFF)).append(i + 1 < Math.min(head.length, 8) ? " " : "");
    }
    String kind = kind(head);
    if (kind != null) {
      sb.append(" (").append(kind).append(')');
    }
    return sb.toString();
  }

  private static String kind(byte[] h) {
    if (startsWith(h, 0xA1, 0xB2, 0xCD, 0x34) || startsWith(h, 0x34, 0xCD, 0xB2, 0xA1)) {
      return "looks like the unsupported modified (Kuznetzov) pcap format";
    }
    if (startsWith(h, 'P', 'K', 3, 4)) {
      return "looks like a ZIP archive";
    }
    if (startsWith(h, 'B', 'Z', 'h')) {
      return "looks like bzip2-compressed data";
    }
    if (startsWith(h, 0xFD, '7', 'z', 'X', 'Z', 0)) {
      return "looks like xz-compressed data";
    }
    if (startsWith(h, 0x28, 0xB5, 0x2F, 0xFD)) {
      return "looks like zstd-compressed data";
    }
    if (startsWith(h, 's', 'n', 'o', 'o', 'p', 0)) {
      return "looks like a Solaris snoop capture";
    }
    if (startsWith(h, 0x7F, 'E', 'L', 'F')) {
      return "looks like an executable";
    }
    if (startsWith(h, '%', 'P', 'D', 'F')) {
      return "looks like a PDF document";
    }
    if (isText(h)) {
      String text = new String(h, StandardCharsets.US_ASCII).strip();
      return "looks like text: \"" + text.replaceAll("\\s+", " ") + "\"";
    }
    return null;
  }

  private static boolean startsWith(byte[] h, int... expected) {
    if (h.length < expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if ((h[i] & 0xFF) != expected[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isText(byte[] h) {
    for (byte b : h) {
      int c = b & 0xFF;
      if (c >= 0x7F || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
        return false;
      }
    }
    return true;
  }
}
