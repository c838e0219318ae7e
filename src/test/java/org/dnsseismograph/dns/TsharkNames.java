package org.dnsseismograph.dns;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a name the way tshark 4.0 prints {@code dns.qry.name}, from our (dnsjava's) presentation
 * text, so the two can be compared. tshark's rules, read off its output on crafted names with every
 * byte value: the root is {@code <Root>}; labels are joined by dots; bytes 0x20 to 0x7E stand for
 * themselves (a dot or backslash inside a label too); 0x07 to 0x0D are C escapes ({@code \a \b \t \n
 * \v \f \r}); other bytes below 0x20, and 0x7F, are three-digit octal escapes. Bytes from 0x80 are
 * read as UTF-8 with tshark's own recovery (it shows "F7 BF DE" as two U+FFFD where Java's decoder
 * shows three), so each maximal run of them is compared as one placeholder, U+FFFD, on both sides:
 * {@link #render} writes one per run of such bytes, {@link #collapse} one per run of non-ASCII
 * characters in tshark's text. ASCII is never part of a UTF-8 sequence, so the runs line up.
 */
final class TsharkNames {
  private static final String C_ESCAPES = "abtnvfr";
  private static final char PLACEHOLDER = '\uFFFD';

  private TsharkNames() {}

  static String render(String dnsjavaText) {
    if (dnsjavaText.equals(".")) {
      return "<Root>";
    }
    StringBuilder out = new StringBuilder();
    List<byte[]> labels = labels(dnsjavaText);
    for (int i = 0; i < labels.size(); i++) {
      if (i > 0) {
        out.append('.');
      }
      renderLabel(labels.get(i), out);
    }
    return out.toString();
  }

  /** Undoes dnsjava's escaping: {@code \DDD} and {@code \c} inside labels, dots between them. */
  static List<byte[]> labels(String text) {
    List<byte[]> labels = new ArrayList<>();
    ByteArrayOutputStream label = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '.') {
        labels.add(label.toByteArray());
        label.reset();
      } else if (c == '\\' && i + 3 < text.length() && Character.isDigit(text.charAt(i + 1))) {
        label.write(Integer.parseInt(text.substring(i + 1, i + 4)));
        i += 3;
      } else if (c == '\\') {
        label.write(text.charAt(++i));
      } else {
        label.write(c);
      }
    }
    labels.add(label.toByteArray());
    return labels;
  }

  private static void renderLabel(byte[] label, StringBuilder out) {
    int i = 0;
    while (i < label.length) {
      int b = label[i] & 0xFF;
      if (b >= 0x80) {
        while (i < label.length && (label[i] & 0xFF) >= 0x80) {
          i++;
        }
        out.append(PLACEHOLDER);
        continue;
      }
      if (b >= 0x07 && b <= 0x0D) {
        out.append('\\').append(C_ESCAPES.charAt(b - 0x07));
      } else if (b < 0x20 || b == 0x7F) {
        out.append('\\').append(String.format("%03o", b));
      } else {
        out.append((char) b);
      }
      i++;
    }
  }

  /** tshark's text with each maximal run of non-ASCII characters replaced by one placeholder. */
  static String collapse(String tshark) {
    StringBuilder out = new StringBuilder(tshark.length());
    boolean inRun = false;
    for (int i = 0; i < tshark.length(); i++) {
      char c = tshark.charAt(i);
      if (c >= 0x80) {
        if (!inRun) {
          out.append(PLACEHOLDER);
        }
        inRun = true;
      } else {
        out.append(c);
        inRun = false;
      }
    }
    return out.toString();
  }

}
