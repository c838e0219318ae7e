package org.dnsseismograph.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The coreutils {@code sha256sum} of a file, as a trusted peer for content hashes ({@code sha256:<hex>}). */
final class Sha256sum {
  private Sha256sum() {}

  static String of(Path file) {
    try {
      Process p = new ProcessBuilder("sha256sum", file.toString()).redirectErrorStream(true).start();
      String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new AssertionError("sha256sum failed: " + text);
      }
      return "sha256:" + text.substring(0, 64);
    } catch (IOException e) {
      throw new AssertionError("sha256sum not runnable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
