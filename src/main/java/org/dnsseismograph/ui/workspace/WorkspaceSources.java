package org.dnsseismograph.ui.workspace;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.dnsseismograph.analysis.CaptureLoader;
import org.dnsseismograph.analysis.LoadRequest;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.imports.ExportImporter;
import org.dnsseismograph.imports.ImportOptions;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.wire.CaptureFiles;
import org.dnsseismograph.wire.DecodeOptions;
import org.dnsseismograph.workspace.SourceRef;

/**
 * Loads a workspace's sources as series, each named as the workspace names it: captures
 * (recognised by content) through the window's {@link CaptureLoader}, everything else as an
 * operator's export in the source's time zone. A plain function for a background thread; the
 * window's sources panel does the same with progress and cancel.
 */
public final class WorkspaceSources {
  /** The query timeout used for captures, as the window's default. */
  public static final long TIMEOUT_NANOS = 3 * TimeUnits.NANOS_PER_SECOND;

  private WorkspaceSources() {}

  /**
   * Loads every source.
   *
   * @throws IOException naming the source that could not be read
   */
  public static List<SeriesSet> load(List<SourceRef> sources, Progress progress) throws IOException {
    List<SeriesSet> out = new ArrayList<>();
    for (SourceRef s : sources) {
      out.add(load(s, progress));
    }
    return out;
  }

  /** Loads one source from its (absolute) path. */
  public static SeriesSet load(SourceRef s, Progress progress) throws IOException {
    Path file = Path.of(s.path());
    SeriesSet set;
    if (isCapture(file)) {
      set = new CaptureLoader(new LoadRequest(s.files(file), DecodeOptions.defaults(), TIMEOUT_NANOS)).load(progress, x -> {}).snapshot()
          .series();
    } else {
      set = new ExportImporter(options(s)).load(file);
    }
    return new SeriesSet(s.name(), set.series());
  }

  private static ImportOptions options(SourceRef s) throws IOException {
    if (s.timeZone().isEmpty()) {
      return ImportOptions.defaults();
    }
    try {
      return ImportOptions.defaults().withZone(ZoneId.of(s.timeZone()));
    } catch (DateTimeException e) {
      throw new IOException(s.name() + ": unknown time zone '" + s.timeZone() + "'", e);
    }
  }

  private static boolean isCapture(Path file) {
    try {
      return CaptureFiles.isCapture(file);
    } catch (IOException e) {
      return false;
    }
  }
}
