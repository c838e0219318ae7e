package org.dnsseismograph.capture;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where and how a live source records what it receives: one file, or a numbered series of files
 * rotated by size and/or by time. Without rotation the file is {@code directory/name}; with it, the
 * number goes before the extension: {@code capture.pcap} becomes {@code capture-00001.pcap},
 * {@code capture-00002.pcap}, ... Existing files of those names are replaced.
 *
 * <p>A rotated recording may keep only its newest files: once they would hold more than {@code
 * keepBytes}, the oldest are deleted (a ring of files, as {@code tcpdump -C -W} keeps by count), so a
 * capture left running for days cannot fill the disk. A {@link #live live source's recording} in its
 * directory of recordings shares that budget with the earlier recordings there, which go first:
 * recording by default must not fill the disk a session at a time either. Immutable.
 *
 * @param directory where the files go (must exist and be writable)
 * @param name the file name, with its extension
 * @param rotateBytes start a new file before one would grow past this many bytes; 0 for never
 * @param rotateNanos start a new file once one spans this long of capture time; 0 for never
 * @param keepBytes the most the files may hold together before the oldest are deleted; 0 keeps all.
 *     Only with rotation, and at least two files' worth of a size rotation. The file being written
 *     is always kept, so with rotation by time only it may hold more.
 * @param keepAcross whether the budget also counts the earlier live recordings in the directory
 *     ({@link #EARLIER}), deleted before this recording's own files
 */
public record Recording(Path directory, String name, long rotateBytes, long rotateNanos, long keepBytes, boolean keepAcross) {
  /** Smallest rotation size accepted: room for the largest frame with its headers. */
  public static final long MIN_ROTATE_BYTES = 1 << 20;
  /** Shortest rotation time accepted. */
  public static final long MIN_ROTATE_NANOS = 1_000_000_000L;
  /**
   * The names {@link #live} gives, and so the earlier recordings a shared budget counts: source,
   * UTC start stamp (group 1), file number (group 2, absent without rotation), pcap or dnstap.
   */
  public static final Pattern EARLIER = Pattern.compile("live-[A-Za-z0-9._-]+?-(\\d{8}-\\d{6})(?:-(\\d{5}))?\\.(?:pcap|fstrm)");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

  public Recording {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(name, "name");
    if (name.isBlank() || name.contains("/")) {
      throw new IllegalArgumentException("not a file name: '" + name + "'");
    }
    if (rotateBytes != 0 && rotateBytes < MIN_ROTATE_BYTES) {
      throw new IllegalArgumentException("rotation size must be at least 1 MiB, not " + rotateBytes + " bytes");
    }
    if (rotateNanos != 0 && rotateNanos < MIN_ROTATE_NANOS) {
      throw new IllegalArgumentException("rotation time must be at least 1 s");
    }
    if (rotateBytes < 0 || rotateNanos < 0 || keepBytes < 0) {
      throw new IllegalArgumentException("rotation limits must not be negative");
    }
    if (keepBytes > 0 && rotateBytes == 0 && rotateNanos == 0) {
      throw new IllegalArgumentException("keeping only the newest files needs rotation by size or by time");
    }
    if (keepAcross && keepBytes == 0) {
      throw new IllegalArgumentException("a budget shared with earlier recordings needs a size");
    }
    if (keepBytes > 0 && keepBytes < 2 * rotateBytes) {
      throw new IllegalArgumentException("keep at least two files' worth: " + (2 * rotateBytes >> 20) + " MiB for files of " + (rotateBytes >> 20) + " MiB");
    }
  }

  /** A recording that keeps all its files. */
  public Recording(Path directory, String name, long rotateBytes, long rotateNanos) {
    this(directory, name, rotateBytes, rotateNanos, 0, false);
  }

  /** A recording that keeps its newest files within {@code keepBytes} (0: all), its own only. */
  public Recording(Path directory, String name, long rotateBytes, long rotateNanos, long keepBytes) {
    this(directory, name, rotateBytes, rotateNanos, keepBytes, false);
  }

  /**
   * A live source's recording in a directory of recordings: {@code live-<source>-<UTC stamp>.pcap}
   * (or {@code .fstrm} for dnstap), rotated, keeping the newest {@code keepBytes} of it and of the
   * earlier recordings there together.
   *
   * @param source the interface's name, or "dnstap"; characters unsafe in a file name become '_'
   */
  public static Recording live(Path directory, String source, Instant start, boolean dnstap, long rotateBytes, long rotateNanos, long keepBytes) {
    String name = "live-" + source.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + STAMP.format(start) + (dnstap ? ".fstrm" : ".pcap");
    return new Recording(directory, name, rotateBytes, rotateNanos, keepBytes, keepBytes > 0);
  }

  /** Records into exactly {@code file}, without rotation. */
  public static Recording toFile(Path file) {
    Path abs = file.toAbsolutePath();
    return new Recording(abs.getParent(), abs.getFileName().toString(), 0, 0, 0, false);
  }

  /** This recording rotated by size ({@code bytes}, 0 for never) and time ({@code nanos}, 0 for never). */
  public Recording withRotation(long bytes, long nanos) {
    return new Recording(directory, name, bytes, nanos, keepBytes, keepAcross);
  }

  /** This recording keeping its newest files within {@code bytes} (0 keeps all). */
  public Recording keeping(long bytes) {
    return new Recording(directory, name, rotateBytes, rotateNanos, bytes, keepAcross && bytes > 0);
  }

  public boolean rotates() {
    return rotateBytes > 0 || rotateNanos > 0;
  }

  /** The path of the {@code index}-th file (1-based). */
  public Path file(int index) {
    if (!rotates()) {
      return directory.resolve(name);
    }
    int dot = name.lastIndexOf('.');
    String number = String.format(Locale.ROOT, "-%05d", index);
    return directory.resolve(dot > 0 ? name.substring(0, dot) + number + name.substring(dot) : name + number);
  }
}
