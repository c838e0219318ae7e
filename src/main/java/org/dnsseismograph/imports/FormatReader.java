package org.dnsseismograph.imports;

import java.util.List;

/**
 * Reads one export format into raw series. Detection is in two steps: {@link #rejection} looks at
 * the text cheaply and says why it is not this format (null when it may be); {@link #read} then
 * reads it and may still find that it is not ({@link NotThisFormat}), so that the next format is
 * tried. Implementations are stateless and thread-safe; all state of one import is in its log.
 */
interface FormatReader {

  ImportFormat format();

  /** Why {@code text} is not in this format, or null when it may be. */
  String rejection(ExportText text);

  /**
   * Reads {@code text}; skips what it cannot read into {@code log}, never throws on bad values.
   *
   * @return the series found, in the export's order
   * @throws NotThisFormat when the content turns out not to be this format at all
   */
  List<RawSeries> read(ExportText text, ImportOptions options, ImportLog log) throws NotThisFormat;

  /** The content is not in the format being tried; the message says where and why. */
  class NotThisFormat extends Exception {
    private static final long serialVersionUID = 1L;

    NotThisFormat(String reason) {
      super(reason, null, false, false);
    }
  }

  /**
   * The content is this format but cannot be imported as it stands (a snapshot without a time):
   * no other format is tried, the message goes to the user as it is.
   */
  final class Unusable extends NotThisFormat {
    private static final long serialVersionUID = 1L;

    Unusable(String reason) {
      super(reason);
    }
  }
}
