package org.dnsseismograph.wire;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Tells which of several capture files are pieces of one rotated capture, as {@code tcpdump -C} or
 * {@code -G} and {@code dnscap -t} write them: files of one directory whose names differ only in
 * their numbers ({@code dnscap.20261127.0800.pcap}, {@code dnscap.20261127.0801.pcap}; {@code
 * dump.pcap}, {@code dump.pcap1}), gzip'd or not ({@code dump.pcap1.gz}); a dnstap log rotated
 * by its recorder likewise. Each piece is put in the order of its first frame's time.
 *
 * <p>Names alone cannot tell pieces of one capture from captures of two places named alike ({@code
 * ns1.pcap}, {@code ns2.pcap}); their times can, but only after a read of the whole files (a pcap
 * file has no index): pieces follow each other, captures of two places overlap. So whoever reads a
 * group checks its files' spans ({@link ScanSummary#fileSpans()}) with {@link #overlapping}.
 * Stateless.
 */
public final class RotatedCaptures {
  /**
   * How far a piece may begin before the one before it ends and still follow it: frames stamped on
   * several CPUs reach the file slightly out of order, so a rotation can cut between two frames
   * whose times step back a little.
   */
  static final long JITTER_NANOS = 1_000_000_000L;

  private RotatedCaptures() {}

  /**
   * The files in groups: pieces of one rotated capture together, in time order; every other file
   * alone. Groups come in the order of their first member in {@code captures}.
   *
   * @param captures files known to be captures
   * @throws IOException when a file of a possible group cannot be read
   */
  public static List<List<Path>> group(List<Path> captures) throws IOException {
    return group(captures, p -> MessageFiles.CAPTURES);
  }

  /**
   * As {@link #group(List)} for files of several kinds: {@code kindOf} says how a file is read (null
   * for one that may join no group, an export); only files read alike join a group (a dnstap log
   * rotated as a capture is), the others stay alone, in their place.
   */
  public static List<List<Path>> group(List<Path> files, Function<Path, MessageFiles> kindOf) throws IOException {
    Map<String, List<Path>> byPattern = new LinkedHashMap<>();
    Map<Path, MessageFiles> kinds = new HashMap<>();
    int alone = 0;
    for (Path p : files) {
      MessageFiles kind = kinds.computeIfAbsent(p, kindOf);
      // patterns begin with an absolute directory, so "alone N" is never one
      String key = kind != null ? pattern(p) + " " + kind : "alone " + alone++;
      List<Path> same = byPattern.computeIfAbsent(key, k -> new ArrayList<>());
      if (!same.contains(p)) {
        same.add(p);
      }
    }
    List<List<Path>> groups = new ArrayList<>();
    for (List<Path> same : byPattern.values()) {
      if (same.size() == 1) {
        groups.add(List.of(same.get(0)));
        continue;
      }
      List<Piece> pieces = new ArrayList<>();
      for (Path p : same) {
        pieces.add(new Piece(p, kinds.get(p).firstTimeNanos(p)));
      }
      pieces.sort(Comparator.comparingLong(Piece::firstNanos).thenComparing(x -> x.file().getFileName().toString()));
      groups.add(pieces.stream().map(Piece::file).toList());
    }
    return groups;
  }

  /** A short name for legends: the first file's name, with "+N" for the others ({@code dnscap.0800.pcap +59}). */
  public static String name(List<Path> files) {
    String first = files.get(0).getFileName().toString();
    return files.size() == 1 ? first : first + " +" + (files.size() - 1);
  }

  /**
   * The file's directory and its name without a {@code .gz} suffix, every run of digits as one
   * {@code #}, a trailing one dropped. The suffix goes because gzip is told by content, and {@code
   * tcpdump -C -z gzip} or logrotate compress every piece but the one being written.
   */
  static String pattern(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    String name = abs.getFileName().toString();
    if (name.length() > 3 && name.regionMatches(true, name.length() - 3, ".gz", 0, 3)) {
      name = name.substring(0, name.length() - 3);
    }
    String masked = name.replaceAll("[0-9]+", "#");
    if (masked.endsWith("#")) {
      masked = masked.substring(0, masked.length() - 1);
    }
    return abs.getParent() + "/" + masked;
  }

  /**
   * True when some file's frames begin more than {@link #JITTER_NANOS} before the frames of the file
   * before it end: {@code spans} are a group's file spans in its order, as {@link
   * ScanSummary#fileSpans()} gives them.
   */
  public static boolean overlapping(List<ScanSummary.FileSpan> spans) {
    for (int i = 1; i < spans.size(); i++) {
      if (spans.get(i).firstNanos() < spans.get(i - 1).lastNanos() - JITTER_NANOS) {
        return true;
      }
    }
    return false;
  }

  private record Piece(Path file, long firstNanos) {}
}
