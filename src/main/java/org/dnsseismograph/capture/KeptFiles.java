package org.dnsseismograph.capture;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;

/**
 * The files a recorder has written and still keeps, oldest first, and the deletion of the oldest
 * ones once they hold more than the {@link Recording#keepBytes()} budget. The budget counts a
 * size-rotated file being written at its full size, so the files on disk never hold more than it;
 * the file being written is never deleted. With {@link Recording#keepAcross()} the earlier live
 * recordings in the directory count too and are deleted first, oldest first, except those written
 * to in the last {@value #BUSY_SECONDS} s: another live source may be writing them. No other file is
 * touched. Changed by the recorder's thread only; {@link #files()} and the counts may be read from any.
 */
final class KeptFiles {
  static final int BUSY_SECONDS = 60;

  /** A closed file counted against the budget. */
  private record Closed(Path file, long bytes) {}

  private final long budget;
  private final long reserve;
  private final List<Path> files = new CopyOnWriteArrayList<>();
  /** Closed files counted against the budget, oldest first: earlier recordings', then this one's. */
  private final ArrayDeque<Closed> closed = new ArrayDeque<>();
  private long closedBytes;
  private volatile int deleted;
  private volatile int deletedEarlier;

  /**
   * Counts {@code recording}'s earlier recordings when it shares its budget, and deletes those the
   * first file's room needs.
   *
   * @throws IOException when an earlier recording to delete cannot be
   */
  KeptFiles(Recording recording) throws IOException {
    this.budget = recording.keepBytes();
    this.reserve = recording.rotateBytes();
    if (recording.keepAcross()) {
      for (Closed c : earlier(recording, FileTime.fromMillis(System.currentTimeMillis() - BUSY_SECONDS * 1000L))) {
        closed.addLast(c);
        closedBytes += c.bytes();
      }
      trim();
    }
  }

  /** The earlier live recordings in the directory, oldest first, leaving out the ones written to since {@code busySince}. */
  private static List<Closed> earlier(Recording recording, FileTime busySince) throws IOException {
    record Found(String order, Closed file) {}
    String stem = recording.name().substring(0, recording.name().lastIndexOf('.'));
    List<Found> found = new ArrayList<>();
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(recording.directory())) {
      for (Path p : dir) {
        String name = p.getFileName().toString();
        Matcher m = Recording.EARLIER.matcher(name);
        if (!m.matches() || name.startsWith(stem)) {
          continue;
        }
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        if (a.isRegularFile() && a.lastModifiedTime().compareTo(busySince) < 0) {
          // by start stamp, then file number: sources of different names interleave in time
          found.add(new Found(m.group(1) + "-" + (m.group(2) == null ? "00000" : m.group(2)) + " " + name, new Closed(p, a.size())));
        }
      }
    }
    found.sort(Comparator.comparing(Found::order));
    return found.stream().map(Found::file).toList();
  }

  /** A new file, now being written. */
  void opened(Path file) {
    files.add(file);
  }

  /**
   * The file being written was closed at {@code bytes}; a new one is about to open. Deletes the
   * oldest closed files while they and a new file's room exceed the budget.
   *
   * @throws IOException when a file to delete cannot be: better to stop recording than to fill the disk
   */
  void closed(long bytes) throws IOException {
    closed.addLast(new Closed(files.get(files.size() - 1), bytes));
    closedBytes += bytes;
    trim();
  }

  private void trim() throws IOException {
    while (budget > 0 && !closed.isEmpty() && closedBytes + reserve > budget) {
      Closed oldest = closed.removeFirst();
      try {
        Files.deleteIfExists(oldest.file());
      } catch (IOException e) {
        throw new IOException("cannot delete " + oldest.file() + " to keep the recordings within " + budget / (1 << 20) + " MiB: " + e.getMessage(), e);
      }
      closedBytes -= oldest.bytes();
      if (!files.isEmpty() && files.get(0).equals(oldest.file())) {
        files.remove(0);
        deleted++;
      } else {
        deletedEarlier++;
      }
    }
  }

  /** The files kept, oldest first (the one being written last). */
  List<Path> files() {
    return List.copyOf(files);
  }

  /** How many of this recording's files were deleted to keep within the budget. */
  int deleted() {
    return deleted;
  }

  /** How many earlier recordings' files were deleted to keep within the budget. */
  int deletedEarlier() {
    return deletedEarlier;
  }
}
