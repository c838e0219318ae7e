package org.dnsseismograph.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The decoded text of one export file: gzip undone, byte-order mark removed, UTF-8 (or UTF-16 with
 * a BOM; ISO-8859-1 when the bytes are not UTF-8), split into lines without their line ends.
 * Immutable.
 */
final class ExportText {
  /** The most text one import reads, so a gzip bomb or a wrong file cannot exhaust memory. */
  static final long MAX_BYTES = 1L << 30;

  private final String name;
  private final String text;
  private final List<String> lines;
  private final String encodingNote;

  ExportText(String name, String text, String encodingNote) {
    this.name = name;
    this.text = text;
    this.encodingNote = encodingNote;
    this.lines = splitLines(text);
  }

  /** Reads and decodes a file; gzip is recognised by its magic bytes. */
  static ExportText read(Path path) throws ImportException {
    if (!Files.isRegularFile(path)) {
      throw new ImportException(path + (Files.exists(path) ? ": not a regular file" : ": no such file"));
    }
    byte[] bytes;
    try {
      long size = Files.size(path);
      if (size > MAX_BYTES) {
        throw new ImportException(path + ": " + size + " bytes is more than the " + MAX_BYTES + " an import reads");
      }
      bytes = Files.readAllBytes(path);
      if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
        bytes = gunzip(path, bytes);
      }
    } catch (ImportException e) {
      throw e;
    } catch (IOException e) {
      throw new ImportException(path + ": cannot read: " + e.getMessage(), e);
    }
    return decode(String.valueOf(path.getFileName()), bytes);
  }

  /**
   * The first {@code limit} bytes of a file (after gzip), decoded, for a cheap look at its format;
   * the last line may be cut.
   */
  static ExportText readHead(Path path, int limit) throws ImportException {
    try (InputStream raw = Files.newInputStream(path)) {
      byte[] magic = raw.readNBytes(2);
      InputStream in = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(magic), raw);
      if (magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
        in = new GZIPInputStream(in);
      }
      byte[] head = in.readNBytes(limit);
      // A multi-byte character cut at the end would make valid UTF-8 look like Latin-1: drop the tail.
      int end = head.length;
      while (end > 0 && end > head.length - 4 && (head[end - 1] & 0xc0) == 0x80) {
        end--;
      }
      if (end > 0 && end < head.length && (head[end - 1] & 0xc0) == 0xc0) {
        end--;
      }
      return decode(String.valueOf(path.getFileName()), java.util.Arrays.copyOf(head, head.length == limit ? end : head.length));
    } catch (IOException e) {
      throw new ImportException(path + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Decodes bytes: BOM first, then strict UTF-8, else ISO-8859-1 (noted). */
  static ExportText decode(String name, byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
      return new ExportText(name, utf8OrLatin1(b, 3).text, "UTF-8 with byte-order mark");
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) {
      return new ExportText(name, new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE), "UTF-16BE");
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
      return new ExportText(name, new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE), "UTF-16LE");
    }
    Decoded d = utf8OrLatin1(b, 0);
    return new ExportText(name, d.text, d.note);
  }

  private record Decoded(String text, String note) {}

  private static Decoded utf8OrLatin1(byte[] b, int from) {
    try {
      String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, from, b.length - from)).toString();
      return new Decoded(s, null);
    } catch (CharacterCodingException e) {
      return new Decoded(new String(b, from, b.length - from, StandardCharsets.ISO_8859_1), "not UTF-8: read as ISO-8859-1");
    }
  }

  private static byte[] gunzip(Path path, byte[] packed) throws ImportException {
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(packed))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(packed.length * 4);
      byte[] buf = new byte[65536];
      long total = 0;
      for (int n; (n = in.read(buf)) > 0;) {
        total += n;
        if (total > MAX_BYTES) {
          throw new ImportException(path + ": unpacks to more than the " + MAX_BYTES + " bytes an import reads");
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    } catch (ImportException e) {
      throw e;
    } catch (IOException e) {
      throw new ImportException(path + ": broken gzip: " + e.getMessage(), e);
    }
  }

  private static List<String> splitLines(String s) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r') {
        out.add(s.substring(start, i));
        if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    if (start < s.length()) {
      out.add(s.substring(start));
    }
    return out;
  }

  String name() {
    return name;
  }

  String text() {
    return text;
  }

  /** Lines without line ends; line {@code n} (1-based) is {@code lines().get(n - 1)}. */
  List<String> lines() {
    return lines;
  }

  /** How the bytes were decoded when it is worth telling (a BOM, not UTF-8); null otherwise. */
  String encodingNote() {
    return encodingNote;
  }

  /** The first non-blank line, stripped, or "" when there is none. */
  String firstContentLine() {
    for (String l : lines) {
      if (!l.isBlank()) {
        return l.strip();
      }
    }
    return "";
  }

  /** The first {@code n} characters after leading whitespace, for sniffing. */
  String head(int n) {
    String t = text.stripLeading();
    return t.length() <= n ? t : t.substring(0, n);
  }
}
