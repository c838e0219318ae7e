package org.dnsseismograph.ui.workspace;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.dnsseismograph.render.LanePlanner;
import org.dnsseismograph.render.Palette;
import org.dnsseismograph.series.EventSeries;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.ui.annotations.AnnotationsViewModel;
import org.dnsseismograph.ui.timeline.TimelineViewModel;
import org.dnsseismograph.workspace.Annotation;
import org.dnsseismograph.workspace.AnnotationBook;
import org.dnsseismograph.workspace.AnnotationKind;
import org.dnsseismograph.workspace.Autosave;
import org.dnsseismograph.workspace.EditHistory;
import org.dnsseismograph.workspace.Recovery;
import org.dnsseismograph.workspace.RecoveryStore;
import org.dnsseismograph.workspace.SourceCheck;
import org.dnsseismograph.workspace.WorkspaceJson;
import org.dnsseismograph.workspace.WorkspaceSession;

/**
 * Not a test: the child process of {@link CrashRecoveryTest}. Opens the workspace named by its
 * first argument through the window's own session code (view models without nodes, executors on
 * this thread, recovery copies under {@code seismograph.state.dir}), loads its capture, makes an
 * analyst's edits through the annotations view model and the timeline, waits until the autosave
 * has written them, prints the state as {@code STATE <base64 workspace JSON>} and then {@code
 * EDITED}, and stays open until killed. With a second argument {@code keep-editing} it then goes on
 * renaming a note ({@code edit 1}, {@code edit 2}, ...) as fast as it can, so the kill lands in
 * the middle of edits and writes.
 */
public final class CrashSession {
  /** The moment between a change and its recovery copy in the child. */
  static final long AUTOSAVE_MILLIS = 100;
  private static final long S = 1_000_000_000L;

  private CrashSession() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
    Path file = Path.of(args[0]);
    boolean keepEditing = args.length > 1 && args[1].equals("keep-editing");
    Session s = Session.open(RecoveryStore.inStateDir(), AUTOSAVE_MILLIS, new Refusing());
    if (!s.workspace.open(file).get(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("could not open " + file);
    }
    Annotation note = edit(s);
    while (!s.session.autosave().isCurrent()) {
      TimeUnit.MILLISECONDS.sleep(5);
    }
    out.println("STATE " + Base64.getEncoder().encodeToString(WorkspaceJson.write(s.session.snapshot()).getBytes(StandardCharsets.UTF_8)));
    out.println("EDITED");
    for (int k = 1; keepEditing; k++) {
      s.annotations.apply(s.session.book().get(note.id()).orElseThrow().withLabel("edit " + k), "edit");
      out.println("APPLIED " + k);
    }
    TimeUnit.HOURS.sleep(1);
  }

  /** An analyst's edits on the loaded capture: proposals taken in, accepted, moved, rejected, a note, a lane hidden, a zoom. */
  static Annotation edit(Session s) {
    TimeRange all = s.timeline.extent();
    long t0 = all.startNanos();
    Annotation outage = Annotation.proposed(AnnotationKind.OUTAGE, new TimeRange(t0 + 50 * S + 11_223_344, t0 + 70 * S + 1), "example.test dark",
        "no answers from 127.0.0.21-23", "example.test.", List.of("127.0.0.21", "127.0.0.22", "127.0.0.23"), "OutageDetector");
    Annotation spike = Annotation.proposed(AnnotationKind.SPIKE, new TimeRange(t0 + 51 * S, t0 + 53 * S), "client retries", "", "",
        List.of(), "SpikeDetector");
    s.annotations.propose(List.of(outage, spike));
    s.annotations.accept(outage.id());
    Annotation accepted = s.session.book().get(outage.id()).orElseThrow();
    s.annotations.apply(accepted.withSpan(new TimeRange(accepted.span().startNanos(), t0 + 70 * S + 10_000_000)), "move");
    s.annotations.reject(spike.id());
    Annotation note = Annotation.drawn(AnnotationKind.NOTE, new TimeRange(t0 + 60 * S, t0 + 60 * S), "customer call ☎").withText(
        "\"everything is slow\", line 2\nline 3");
    s.annotations.add(note);
    s.timeline.setLaneVisible(s.timeline.plan().lanes().get(1).key(), false);
    s.timeline.zoomTo(new TimeRange(t0 + 40 * S, t0 + 80 * S));
    s.session.setTitle("demo incident, edited");
    return note;
  }

  /** The window's session parts without nodes, all on the calling thread. */
  static final class Session {
    final WorkspaceSession session;
    final TimelineViewModel timeline;
    final WorkspaceViewModel workspace;
    final AnnotationsViewModel annotations;

    private Session(WorkspaceSession session, TimelineViewModel timeline, WorkspaceViewModel workspace, AnnotationsViewModel annotations) {
      this.session = session;
      this.timeline = timeline;
      this.workspace = workspace;
      this.annotations = annotations;
    }

    static Session open(RecoveryStore store, long autosaveMillis, SessionDialogs dialogs) {
      AnnotationBook book = new AnnotationBook();
      EditHistory history = new EditHistory();
      WorkspaceSession session = new WorkspaceSession(book, history, new Autosave(store, autosaveMillis, Clock.systemUTC()));
      SeriesSet none = SeriesSet.of("none", List.of(EventSeries.of(MetricId.of("dns.queries"), new TimeRange(0, S), 1)));
      TimelineViewModel timeline = new TimelineViewModel(new LanePlanner(Palette.STANDARD).plan(List.of(none)), new TimeRange(0, S),
          Runnable::run);
      WorkspaceViewModel vm = new WorkspaceViewModel(session, dialogs, new TimelineDisplay(timeline, Runnable::run, Runnable::run),
          Runnable::run, Runnable::run);
      vm.bindTimeline(timeline);
      return new Session(session, timeline, vm, new AnnotationsViewModel(book, history, timeline));
    }
  }

  /** The child has no analyst: any question is a failure of the test setup. */
  private static final class Refusing implements SessionDialogs {
    private static <T> CompletableFuture<T> no(String what) {
      return CompletableFuture.failedFuture(new IllegalStateException("the crash session was asked: " + what));
    }

    @Override
    public CompletableFuture<Optional<Path>> chooseWorkspaceToOpen() {
      return no("open");
    }

    @Override
    public CompletableFuture<Optional<Path>> chooseWorkspaceToSave(Path suggested) {
      return no("save");
    }

    @Override
    public CompletableFuture<Boolean> offerRecovery(Recovery r) {
      return no("recovery");
    }

    @Override
    public CompletableFuture<SourceAnswer> locateSource(SourceCheck check) {
      return no(check.describe());
    }

    @Override
    public CompletableFuture<Unsaved> confirmUnsaved(String name) {
      return no("unsaved");
    }

    @Override
    public void showError(String message) {
      throw new IllegalStateException(message);
    }
  }
}
