package org.dnsseismograph.ui.sources;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The status bar's figures, summed over the sources: whether anything loads and how far (for the
 * progress bar with Cancel), frames read and DNS messages seen (the loader's own counts), what was
 * skipped (a count, and the list of reasons with counts and where they happened first), and how
 * many sources failed. {@link #refresh()} recomputes them; the window calls it when a frame took up
 * new snapshots or a source changed state.
 *
 * <p>FX thread only.
 */
public final class StatusViewModel {
  private final SourcesViewModel sources;
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
  private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper("");
  private final ReadOnlyLongWrapper frames = new ReadOnlyLongWrapper();
  private final ReadOnlyLongWrapper dnsMessages = new ReadOnlyLongWrapper();
  private final ReadOnlyLongWrapper skipped = new ReadOnlyLongWrapper();
  private final ReadOnlyObjectWrapper<List<SkipLine>> skipLines = new ReadOnlyObjectWrapper<>(List.of());
  private final ReadOnlyStringWrapper failures = new ReadOnlyStringWrapper("");

  public StatusViewModel(SourcesViewModel sources) {
    this.sources = sources;
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** The part of the loading files read, 0..1, or -1 while unknown (gzip'd input). */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  /** "Loading capture.pcap.gz (2 sources)", empty when idle. */
  public ReadOnlyStringProperty activityProperty() {
    return activity.getReadOnlyProperty();
  }

  /** "78,547 frames · 71,020 DNS messages", as far as known. */
  public ReadOnlyStringProperty countsProperty() {
    return counts.getReadOnlyProperty();
  }

  /** Frames read from every capture that finished loading. */
  public ReadOnlyLongProperty framesProperty() {
    return frames.getReadOnlyProperty();
  }

  /** DNS messages seen in every capture so far. */
  public ReadOnlyLongProperty dnsMessagesProperty() {
    return dnsMessages.getReadOnlyProperty();
  }

  /** Things skipped in all sources: frames, messages, lines. */
  public ReadOnlyLongProperty skippedProperty() {
    return skipped.getReadOnlyProperty();
  }

  /** Every reason with its count and first place, most frequent first. */
  public ReadOnlyObjectProperty<List<SkipLine>> skipLinesProperty() {
    return skipLines.getReadOnlyProperty();
  }

  /** "1 source failed", empty when none did. */
  public ReadOnlyStringProperty failuresProperty() {
    return failures.getReadOnlyProperty();
  }

  /** Recomputes every figure from the sources. */
  public void refresh() {
    List<Source> loading = sources.sources().stream().filter(s -> s.state() == SourceState.LOADING).toList();
    busy.set(!loading.isEmpty());
    double sum = 0;
    boolean known = !loading.isEmpty();
    for (Source s : loading) {
      double f = s.figuresProperty().get().fractionDone();
      known &= !Double.isNaN(f);
      sum += Double.isNaN(f) ? 0 : f;
    }
    progress.set(known ? sum / loading.size() : -1);
    activity.set(loading.isEmpty() ? "" : "Loading " + loading.get(0).name() + (loading.size() > 1 ? " and " + (loading.size() - 1) + " more" : ""));
    long f = 0;
    long m = 0;
    List<SkipLine> lines = new ArrayList<>();
    for (Source s : sources.sources()) {
      LoadFigures fig = s.figuresProperty().get();
      f += Math.max(0, fig.frames());
      m += fig.dnsMessages();
      lines.addAll(fig.skipped());
    }
    lines.sort((a, b) -> Long.compare(b.count(), a.count()));
    frames.set(f);
    dnsMessages.set(m);
    skipLines.set(List.copyOf(lines));
    skipped.set(lines.stream().mapToLong(SkipLine::count).sum());
    counts.set(countsText(f, m, !loading.isEmpty()));
    long failed = sources.sources().stream().filter(s -> s.state() == SourceState.FAILED).count();
    failures.set(failed == 0 ? "" : failed + (failed == 1 ? " source failed" : " sources failed"));
  }

  private static String countsText(long frames, long messages, boolean loading) {
    List<String> parts = new ArrayList<>();
    if (frames > 0) {
      parts.add(String.format(Locale.ROOT, "%,d frames read", frames));
    }
    if (messages > 0 || loading) {
      parts.add(String.format(Locale.ROOT, "%,d DNS messages", messages));
    }
    return String.join(" · ", parts);
  }
}
