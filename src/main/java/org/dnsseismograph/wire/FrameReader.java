package org.dnsseismograph.wire;

import java.io.Closeable;
import java.io.IOException;

/**
 * Reads the frames of one capture file in file order. Obtained from {@link CaptureFiles#open}.
 * Confined to one thread.
 *
 * <p>Bad input is data: a truncated tail or a corrupt record is counted in the {@link SkipCounter}
 * given at open and ends the reading cleanly ({@link #next} returns false); no unchecked exception
 * escapes and no length read from the file is believed beyond fixed bounds. {@link IOException}
 * means the file itself could not be read.
 */
public interface FrameReader extends Closeable {

  /**
   * Fills {@code frame} with the next frame.
   *
   * @return false at the end of the capture (or of its readable part)
   */
  boolean next(RawFrame frame) throws IOException;

  /** The container format. */
  CaptureFormat format();

  /** True when the file was gzip-compressed (recognised by content, not by name). */
  boolean gzipped();

  /** Bytes of the file consumed so far (compressed bytes for a gzip'd file), for progress. */
  long position();

  /** The file's size in bytes as stored (compressed size for a gzip'd file), or -1 when unknown. */
  long size();
}
