package org.dnsseismograph.cli;

import java.util.Locale;
import org.dnsseismograph.capture.Recording;
import org.dnsseismograph.series.TimeUnits;
import picocli.CommandLine.Option;

/**
 * The recording's rotation options, shared by {@code capture} and {@code open --live}: a new file by
 * size or by the span of traffic it holds. Parsing failures are {@link IllegalArgumentException}s
 * naming the option (exit 2).
 */
final class RotationOptions {
  @Option(names = "--rotate-size", paramLabel = "SIZE", description = "Start a new file before one grows past SIZE (100MiB, 1GiB, 500M; at least 1MiB).")
  String rotateSize;

  @Option(names = "--rotate-time", paramLabel = "DURATION", description = "Start a new file once one spans DURATION of traffic (1h, 15min; at least 1s).")
  String rotateTime;

  @Option(names = "--keep", paramLabel = "SIZE", description = "With rotation: keep only the newest files, deleting the oldest once the files "
      + "would hold more than SIZE (10GiB; at least two files of --rotate-size). Without it every file is kept.")
  String keep;

  /** Whether any of the options was given. */
  boolean given() {
    return rotateSize != null || rotateTime != null || keep != null;
  }

  /** {@code recording} with the rotation asked for (none when no option is given). */
  Recording applyTo(Recording recording) {
    long bytes = rotateSize == null ? 0 : parseSize("--rotate-size", rotateSize);
    long nanos = rotateTime == null ? 0 : positiveDuration("--rotate-time", rotateTime);
    long kept = keep == null ? 0 : parseSize("--keep", keep);
    if (keep != null && kept <= 0) {
      throw new IllegalArgumentException("--keep must be a positive size, not " + keep);
    }
    return recording.withRotation(bytes, nanos).keeping(kept);
  }

  /** A duration option's value in nanoseconds, which must be positive. */
  static long positiveDuration(String option, String text) {
    long d = TimeUnits.parseDuration(text);
    if (d <= 0) {
      throw new IllegalArgumentException(option + " must be positive, not " + text);
    }
    return d;
  }

  /** Parses a size: a number with k/K/KiB, M/MiB, G/GiB (powers of 1024), KB/MB/GB (powers of 1000), or bytes. */
  static long parseSize(String option, String text) {
    String t = text.strip();
    int i = 0;
    while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.')) {
      i++;
    }
    if (i == 0) {
      throw new IllegalArgumentException(option + " must be a size such as 100MiB or 1GiB, not " + text);
    }
    double n = Double.parseDouble(t.substring(0, i));
    long scale = switch (t.substring(i).strip().toUpperCase(Locale.ROOT)) {
      case "", "B" -> 1L;
      case "K", "KIB" -> 1L << 10;
      case "M", "MIB" -> 1L << 20;
      case "G", "GIB" -> 1L << 30;
      case "KB" -> 1_000L;
      case "MB" -> 1_000_000L;
      case "GB" -> 1_000_000_000L;
      default -> throw new IllegalArgumentException("unknown size unit in " + option + " " + text + " (use KiB, MiB, GiB, KB, MB or GB)");
    };
    return Math.round(n * scale);
  }
}
