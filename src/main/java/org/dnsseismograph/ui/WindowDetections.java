package org.dnsseismograph.ui;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import org.dnsseismograph.analysis.CaptureDetect;
import org.dnsseismograph.analysis.HealthReport;
import org.dnsseismograph.analysis.LoadRequest;
import org.dnsseismograph.ui.annotations.OutageProposals;
import org.dnsseismograph.ui.common.TaskRunner;
import org.dnsseismograph.ui.panel.Detection;
import org.dnsseismograph.ui.panel.HealthDetections;
import org.dnsseismograph.ui.panel.SidePanelViewModel;
import org.dnsseismograph.ui.sources.Source;
import org.dnsseismograph.ui.sources.SourceKind;
import org.dnsseismograph.ui.sources.SourceLoads;
import org.dnsseismograph.ui.sources.SourceState;
import org.dnsseismograph.ui.sources.SourcesViewModel;
import org.dnsseismograph.workspace.Annotation;

/**
 * Health detection of the window's captures: whenever a capture finishes loading, the detectors of
 * {@code seismograph detect} ({@link CaptureDetect}) read it again on the {@link TaskRunner}, never
 * on the FX thread; the side panel's detections list then holds every capture's outages and
 * spikes on the timeline's axis (moved again when an offset changes), and each capture's suspected
 * outages are handed over once as proposed annotations. A capture closed, or reloaded, before its
 * detection ends has the result dropped.
 *
 * <p>FX thread only.
 */
final class WindowDetections {
  private final SourcesViewModel sources;
  private final SidePanelViewModel side;
  private final TaskRunner tasks;
  private final SourceLoads loads;
  private final Consumer<List<Annotation>> proposals;
  private final Map<Source, HealthReport> reports = new IdentityHashMap<>();
  private final Map<Source, TaskRunner.Job> running = new IdentityHashMap<>();
  private final Map<Source, InvalidationListener> watching = new IdentityHashMap<>();

  /** @param proposals receives each capture's suspected outages as proposals, once per detection */
  WindowDetections(SourcesViewModel sources, SidePanelViewModel side, TaskRunner tasks, SourceLoads loads, Consumer<List<Annotation>> proposals) {
    this.sources = sources;
    this.side = side;
    this.tasks = tasks;
    this.loads = loads;
    this.proposals = proposals;
    sources.sources().addListener((ListChangeListener<Source>) c -> sourcesChanged());
    sourcesChanged();
  }

  /** True while any capture's detection runs. */
  boolean isRunning() {
    return !running.isEmpty();
  }

  private void sourcesChanged() {
    for (Source s : List.copyOf(watching.keySet())) {
      if (!sources.sources().contains(s)) {
        InvalidationListener l = watching.remove(s);
        s.stateProperty().removeListener(l);
        s.settingProperty().removeListener(l);
        forget(s);
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
    if (s.state() == SourceState.READY && !reports.containsKey(s) && !running.containsKey(s)) {
      detect(s);
    } else if (s.state() == SourceState.LOADING) {
      forget(s);
    }
    publish();
  }

  private void forget(Source s) {
    reports.remove(s);
    TaskRunner.Job j = running.remove(s);
    if (j != null) {
      j.cancel();
    }
  }

  private void detect(Source s) {
    LoadRequest request = new LoadRequest(s.files(), loads.decodeFor(s.kind()), loads.timeoutNanos());
    TaskRunner.Job[] job = new TaskRunner.Job[1];
    job[0] = tasks.submit("Detecting outages and spikes in " + s.name(), p -> CaptureDetect.run(request, p).report(), new TaskRunner.Outcome<>() {
      @Override
      public void succeeded(HealthReport r) {
        if (running.get(s) != job[0] && job[0] != null || !sources.sources().contains(s)) {
          return;
        }
        running.remove(s);
        reports.put(s, r);
        publish();
        List<Annotation> proposed = OutageProposals.of(r, s.name(), s.setting().correctionNanos());
        if (!proposed.isEmpty()) {
          proposals.accept(proposed);
        }
      }

      @Override
      public void failed(Throwable error) {
        running.remove(s);
      }

      @Override
      public void cancelled() {
        if (running.get(s) == job[0]) {
          running.remove(s);
        }
      }
    });
    if (!job[0].isDone()) {
      running.put(s, job[0]);
    }
  }

  private void publish() {
    List<Detection> all = new ArrayList<>();
    for (Source s : sources.sources()) {
      HealthReport r = reports.get(s);
      if (r != null) {
        all.addAll(HealthDetections.of(r, s.name(), s.setting().correctionNanos()));
      }
    }
    side.setDetections(all);
  }
}
