package org.dnsseismograph.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The files a recorder has written and still keeps, oldest first, and the deletion of the oldest
 * ones once they hold more than the {@link Recording#keepBytes()} budget. The budget counts a
 * size-rotated file being written at its full size, so the files on disk never hold more than it;
 * the file being written is never deleted. Files this recorder did not write are never touched.
 * Changed by the recorder's thread only; {@link #files()} and the counts may be read from any.
 */
final class KeptFiles {
  private final long budget;
  private final long reserve;
  private final List<Path> files = new CopyOnWriteArrayList<>();
  /** Sizes of the closed files still kept, oldest first. */
  private final ArrayDeque<Long> closedSizes = new ArrayDeque<>();
  private long closedBytes;
  private volatile int deleted;

  KeptFiles(Recording recording) {
    this.budget = recording.keepBytes();
    this.reserve = recording.rotateBytes();
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
    closedSizes.addLast(bytes);
    closedBytes += bytes;
    while (budget > 0 && !closedSizes.isEmpty() && closedBytes + reserve > budget) {
      Path oldest = files.get(0);
      try {
        Files.deleteIfExists(oldest);
      } catch (IOException e) {
        throw new IOException("cannot delete " + oldest + " to keep the recording within " + budget / (1 << 20) + " MiB: " + e.getMessage(), e);
      }
      files.remove(0);
      closedBytes -= closedSizes.removeFirst();
      deleted++;
    }
  }

  /** The files kept, oldest first (the one being written last). */
  List<Path> files() {
    return List.copyOf(files);
  }

  /** How many files were deleted to keep within the budget. */
  int deleted() {
    return deleted;
  }
}
