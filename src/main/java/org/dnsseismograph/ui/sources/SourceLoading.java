package org.dnsseismograph.ui.sources;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dnsseismograph.analysis.LoadResult;
import org.dnsseismograph.analysis.LoadSnapshot;
import org.dnsseismograph.imports.ImportReport;
import org.dnsseismograph.imports.SeriesReport;
import org.dnsseismograph.imports.SkippedLines;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.ui.common.TaskRunner;
import org.dnsseismograph.wire.RotatedCaptures;
import org.dnsseismograph.wire.Skipped;

/**
 * Starts the load of a source on the task runner and applies what it produces to the {@link
 * Source}: partial snapshots (taken up once per frame, the newest only), then the final result,
 * or a one-line reason, or the cancellation. FX thread only (the load itself runs on the runner).
 */
final class SourceLoading {
  private final TaskRunner tasks;
  private final SourceLoads loads;
  private final Runnable seriesChanged;

  /** @param seriesChanged called on the FX thread whenever a source's series or state changed */
  SourceLoading(TaskRunner tasks, SourceLoads loads, Runnable seriesChanged) {
    this.tasks = tasks;
    this.loads = loads;
    this.seriesChanged = seriesChanged;
  }

  /** Loads (or loads again) {@code s} as its kind says; the source goes to LOADING. */
  void start(Source s, String expectedHash) {
    if (s.state() != SourceState.LOADING) {
      s.setState(SourceState.LOADING);
      s.setHealth(null);
    }
    s.setFailure("");
    s.setFigures(LoadFigures.NONE);
    ZoneId zone = s.setting().zone();
    TaskRunner.Job job = switch (s.kind()) {
      case CAPTURE -> tasks.submit("Loading " + s.name(), p -> loads.capture(s.files(), p, s::offer), outcome(s, expectedHash, this::capture));
      case DNSTAP -> tasks.submit("Loading " + s.name(), p -> loads.dnstap(s.files(), p, s::offer), outcome(s, expectedHash, this::capture));
      case EXPORT -> tasks.submit("Importing " + s.name(), p -> loads.export(s.path(), zone, p), outcome(s, expectedHash, this::export));
      case UNKNOWN -> null;
    };
    s.setJob(job);
  }

  /** Cancels the source's load, if it is loading. */
  void cancel(Source s) {
    if (s.job() != null && !s.job().isDone()) {
      s.job().cancel();
    }
  }

  /** Takes up the newest snapshot a loading capture published; true when its series changed. */
  boolean takeOffered(Source s) {
    LoadSnapshot snap = s.takeOffered();
    if (snap == null || s.state() != SourceState.LOADING) {
      return false;
    }
    s.setSeries(renamed(snap.series(), s.name()));
    s.setTraffic(snap.transactions(), snap.resolvers());
    List<SkipLine> skips = new ArrayList<>();
    snap.readerSkipped().forEach(k -> skips.add(SkipLine.of(s.name(), k, s.files())));
    snap.dispatch().malformed().forEach(k -> skips.add(SkipLine.of(s.name(), k, s.files())));
    skips.sort((a, b) -> Long.compare(b.count(), a.count()));
    s.setFigures(new LoadFigures(snap.fractionDone(), snap.dispatch().messages(), -1, skips, false));
    return true;
  }

  private interface Finish<T> {
    void apply(Source s, T value);
  }

  private <T> TaskRunner.Outcome<T> outcome(Source s, String expectedHash, Finish<T> finish) {
    return new TaskRunner.Outcome<>() {
      @Override
      public void succeeded(T value) {
        if (stale(s)) {
          return;
        }
        finish.apply(s, value);
        s.setState(SourceState.READY);
        if (!expectedHash.isEmpty() && !s.contentHash().isEmpty() && !expectedHash.equals(s.contentHash())) {
          s.setWarning(join(s.warningProperty().get(), "the file changed since the workspace was saved (content hash differs)"));
        }
        seriesChanged.run();
      }

      @Override
      public void failed(Throwable error) {
        if (stale(s)) {
          return;
        }
        s.setFailure(SourceLoads.reason(s.path(), error));
        s.setSeries(new SeriesSet(s.name(), java.util.Map.of()));
        s.setState(SourceState.FAILED);
        seriesChanged.run();
      }

      @Override
      public void cancelled() {
        if (stale(s)) {
          return;
        }
        s.setState(SourceState.CANCELLED);
        seriesChanged.run();
      }
    };
  }

  /** True when the source is no longer loading (closed meanwhile): the outcome is dropped. */
  private static boolean stale(Source s) {
    s.takeOffered();
    return s.state() != SourceState.LOADING;
  }

  private void capture(Source s, SourceLoads.CaptureLoad load) {
    LoadResult r = load.result();
    s.setContentHash(load.contentHash());
    s.setHealth(r.health());
    s.setSeries(renamed(r.snapshot().series(), s.name()));
    s.setTraffic(r.snapshot().transactions(), r.snapshot().resolvers());
    List<SkipLine> skips = new ArrayList<>();
    for (Skipped k : r.skipped()) {
      skips.add(SkipLine.of(s.name(), k, s.files()));
    }
    s.setFigures(new LoadFigures(1, r.snapshot().dispatch().messages(), r.scan().frames(), skips, true));
    String files = s.files().size() == 1 ? "" : String.format(Locale.ROOT, " in %,d files", s.files().size());
    String frames = s.kind() == SourceKind.DNSTAP ? "dnstap frames" : "frames";
    s.setDescription(String.format(Locale.ROOT, "%,d %s%s, %,d DNS messages", r.scan().frames(), frames, files, r.snapshot().dispatch().messages()));
    boolean overlap = s.files().size() > 1 && RotatedCaptures.overlapping(r.scan().fileSpans());
    s.setPiecesOverlap(overlap);
    s.setWarning(overlap ? "its files overlap in time: captures of different places named alike?" : "");
  }

  private void export(Source s, SourceLoads.ExportLoad load) {
    ImportReport report = load.result().report();
    s.setContentHash(load.contentHash());
    s.setSeries(renamed(load.result().series(), s.name()));
    List<SkipLine> skips = new ArrayList<>();
    for (SkippedLines k : report.skipped()) {
      skips.add(SkipLine.of(s.name(), k));
    }
    s.setFigures(new LoadFigures(1, 0, -1, skips, true));
    s.setDescription(describe(report));
    s.setWarning(report.isComplete() ? "" : "partial: " + String.join("; ", report.partialReasons()));
  }

  /** "unbound-control stats, 128 series every 1s; times: UTC". */
  static String describe(ImportReport r) {
    long step = r.series().stream().mapToLong(SeriesReport::stepNanos).filter(x -> x > 0).min().orElse(0);
    String every = step > 0 ? " every " + TimeUnits.formatDuration(step) : "";
    return r.format().title() + ", " + r.series().size() + " series" + every + "; times: " + r.timeBasis();
  }

  private static SeriesSet renamed(SeriesSet set, String name) {
    return set.sourceName().equals(name) ? set : new SeriesSet(name, set.series());
  }

  private static String join(String a, String b) {
    return a == null || a.isEmpty() ? b : a + "; " + b;
  }
}
