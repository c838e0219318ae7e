package org.dnsseismograph.ui;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import org.dnsseismograph.analysis.HealthReport;
import org.dnsseismograph.analysis.Outage;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.ui.annotations.OutageProposals;
import org.dnsseismograph.ui.live.LiveReports;
import org.dnsseismograph.ui.live.LiveSession;
import org.dnsseismograph.ui.panel.Detection;
import org.dnsseismograph.ui.panel.HealthDetections;
import org.dnsseismograph.ui.panel.LiveDetectionHistory;
import org.dnsseismograph.ui.panel.SidePanelViewModel;
import org.dnsseismograph.ui.sources.Source;
import org.dnsseismograph.ui.sources.SourceState;
import org.dnsseismograph.ui.sources.SourcesViewModel;
import org.dnsseismograph.workspace.Annotation;

/**
 * Health detection of the window's captures: when a capture finishes loading, what the detectors of
 * {@code seismograph detect} found during the load ({@link Source#health()}, the same report as
 * {@code detect}'s, without reading the capture again) fills the side panel's detections list, on
 * the timeline's axis (moved again when an offset changes), and the capture's suspected outages are
 * handed over once as proposed annotations. A capture loaded again is detected again.
 *
 * <p>Live sources are checked from their recordings as they grow ({@link LiveReports}): each check
 * replaces the source's detections over the part of the recording it read, keeping those found
 * before it ({@link LiveDetectionHistory}), and an outage is proposed once it has ended (one still
 * going on at the recording's end would be proposed cut short; the annotations do not take the
 * same detector's outage twice over an overlapping span).
 *
 * <p>FX thread only.
 */
final class WindowDetections implements LiveReports {
  private final SourcesViewModel sources;
  private final SidePanelViewModel side;
  private final Consumer<List<Annotation>> proposals;
  private final Map<Source, HealthReport> reports = new IdentityHashMap<>();
  private final Map<Source, InvalidationListener> watching = new IdentityHashMap<>();
  private final Map<LiveSession, LiveDetectionHistory> live = new LinkedHashMap<>();
  private final Set<LiveSession> unrecorded = new LinkedHashSet<>();

  /** @param proposals receives each capture's suspected outages as proposals, once per load */
  WindowDetections(SourcesViewModel sources, SidePanelViewModel side, Consumer<List<Annotation>> proposals) {
    this.sources = sources;
    this.side = side;
    this.proposals = proposals;
    sources.sources().addListener((ListChangeListener<Source>) c -> sourcesChanged());
    sourcesChanged();
  }

  private void sourcesChanged() {
    for (Source s : List.copyOf(watching.keySet())) {
      if (!sources.sources().contains(s)) {
        InvalidationListener l = watching.remove(s);
        s.stateProperty().removeListener(l);
        s.settingProperty().removeListener(l);
        reports.remove(s);
      }
    }
    for (Source s : sources.sources()) {
      if (s.kind().hasTraffic() && !watching.containsKey(s)) {
        InvalidationListener l = o -> changed(s);
        watching.put(s, l);
        s.stateProperty().addListener(l);
        s.settingProperty().addListener(l);
        changed(s);
      }
    }
    publish();
  }

  private void changed(Source s) {
    if (s.state() == SourceState.READY && !reports.containsKey(s) && s.health() != null) {
      detected(s, s.health());
    } else if (s.state() == SourceState.LOADING) {
      reports.remove(s);
    }
    publish();
  }

  private void detected(Source s, HealthReport r) {
    reports.put(s, r);
    List<Annotation> proposed = OutageProposals.of(r, s.name(), s.setting().correctionNanos());
    if (!proposed.isEmpty()) {
      proposals.accept(proposed);
    }
  }

  @Override
  public void detected(LiveSession session, HealthReport report) {
    live.computeIfAbsent(session, s -> new LiveDetectionHistory(s.name())).add(report);
    List<Outage> ended = report.outages().stream().filter(o -> o.endNanos() != Outage.OPEN).toList();
    HealthReport closed = new HealthReport(report.resolvers(), ended, report.spikes(), report.captureStartNanos(), report.captureEndNanos(),
        report.gridStepNanos());
    List<Annotation> proposed = OutageProposals.of(closed, session.name(), 0);
    if (!proposed.isEmpty()) {
      proposals.accept(proposed);
    }
    publish();
  }

  @Override
  public void unrecorded(LiveSession session) {
    unrecorded.add(session);
    publish();
  }

  @Override
  public void closed(LiveSession session) {
    live.remove(session);
    unrecorded.remove(session);
    publish();
  }

  private void publish() {
    List<Detection> all = new ArrayList<>();
    for (Source s : sources.sources()) {
      HealthReport r = reports.get(s);
      if (r != null) {
        all.addAll(HealthDetections.of(r, s.name(), s.setting().correctionNanos()));
      }
    }
    live.values().forEach(h -> all.addAll(h.detections()));
    side.setDetections(all, whenNone());
  }

  /** What the empty list says: which live sources were checked up to when, which cannot be. */
  private String whenNone() {
    if (!unrecorded.isEmpty()) {
      String names = String.join(", ", unrecorded.stream().map(LiveSession::name).distinct().toList());
      boolean one = unrecorded.size() == 1;
      return names + (one ? " is" : " are") + " not checked for spikes and outages: a live source is checked from its recording, and "
          + (one ? "this one records" : "these record") + " nothing.";
    }
    long checkedTo = live.values().stream().mapToLong(h -> h.latest().captureEndNanos()).filter(t -> t != 0).min().orElse(0);
    return checkedTo == 0 ? SidePanelViewModel.NO_DETECTIONS
        : SidePanelViewModel.NO_DETECTIONS + " (live: checked up to " + TimeUnits.format(checkedTo).substring(11, 19) + " UTC)";
  }
}
