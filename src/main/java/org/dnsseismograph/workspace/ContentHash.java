package org.dnsseismograph.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The SHA-256 of a file's bytes as {@code sha256:<64 hex digits>}: how a workspace and an exported
 * image say which data they were made from, and how a moved or changed source is noticed. Reads the
 * file once in 64 KiB blocks; stateless and thread-safe.
 *
 * @see <a href="https://csrc.nist.gov/pubs/fips/180-4/upd1/final">FIPS 180-4 (SHA-256)</a>
 */
public final class ContentHash {
  /** The prefix naming the algorithm. */
  public static final String PREFIX = "sha256:";

  private ContentHash() {}

  /**
   * Hashes the file at {@code path}.
   *
   * @throws IOException if it cannot be read
   */
  public static String of(Path path) throws IOException {
    return of(List.of(path));
  }

  /**
   * Hashes the files' bytes one after another, as if they were one file: the content of a capture
   * rotated into several files (one file hashes as {@link #of(Path)}).
   *
   * @throws IOException if one cannot be read
   */
  public static String of(List<Path> files) throws IOException {
    MessageDigest md = sha256();
    byte[] block = new byte[1 << 16];
    for (Path path : files) {
      try (InputStream in = Files.newInputStream(path)) {
        for (int n = in.read(block); n >= 0; n = in.read(block)) {
          md.update(block, 0, n);
        }
      }
    }
    return PREFIX + HexFormat.of().formatHex(md.digest());
  }

  /** Hashes {@code bytes}. */
  public static String of(byte[] bytes) {
    return PREFIX + HexFormat.of().formatHex(sha256().digest(bytes));
  }

  /** The first {@code hexDigits} of the hash, prefix kept, for footers: {@code sha256:3f2a9c01…}. */
  public static String abbreviate(String hash, int hexDigits) {
    if (!hash.startsWith(PREFIX) || hash.length() <= PREFIX.length() + hexDigits) {
      return hash;
    }
    return hash.substring(0, PREFIX.length() + hexDigits) + "…";
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256 (MessageDigest's Javadoc), so this cannot happen.
      throw new IllegalStateException("SHA-256 missing from the Java platform", e);
    }
  }
}
