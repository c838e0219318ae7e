package org.dnsseismograph.ui.live;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.dnsseismograph.capture.LiveSnapshot;
import org.dnsseismograph.capture.LiveSource;
import org.dnsseismograph.capture.LiveState;

/**
 * One live source as the window shows it: the newest snapshot it published, taken up once per frame
 * ({@link #poll()}, a read of the source's atomic reference: never one hand-over per packet), and
 * the words of the live bar. Pausing and resuming only flip the source's flag and may run on the FX
 * thread; starting and stopping block and run on the task runner ({@link LiveTimeline}).
 *
 * <p>FX thread only.
 */
public final class LiveSession {
  private final LiveSource source;
  private final ReadOnlyObjectWrapper<LiveSnapshot> snapshot;
  private final ReadOnlyObjectWrapper<LiveState> state = new ReadOnlyObjectWrapper<>(LiveState.NEW);
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper drops = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper dropping = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
  private long seenSequence = -1;
  private LiveState seenState;
  private String startFailure = "";
  /** Why the last check of the recording for detections failed, or empty. */
  private String detectionFailure = "";

  LiveSession(LiveSource source) {
    this.source = source;
    this.snapshot = new ReadOnlyObjectWrapper<>(source.snapshot());
    apply(source.snapshot());
  }

  public LiveSource source() {
    return source;
  }

  public String name() {
    return source.name();
  }

  /** The newest snapshot taken up. */
  public ReadOnlyObjectProperty<LiveSnapshot> snapshotProperty() {
    return snapshot.getReadOnlyProperty();
  }

  public LiveSnapshot snapshot() {
    return snapshot.get();
  }

  public ReadOnlyObjectProperty<LiveState> stateProperty() {
    return state.getReadOnlyProperty();
  }

  /** "lo · live · 12,345 frames · 6,789 DNS messages · recorded 1 file, 3.1 MB". */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** "drops: kernel 0 · interface 0 · our queue 0". */
  public ReadOnlyStringProperty dropsProperty() {
    return drops.getReadOnlyProperty();
  }

  /** True once anything was dropped (kernel, interface or our queue). */
  public ReadOnlyBooleanProperty droppingProperty() {
    return dropping.getReadOnlyProperty();
  }

  /** Why the source failed or what goes wrong while it runs, in one line; empty when all is well. */
  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  /** Takes up the source's newest snapshot; true when it is new. */
  boolean poll() {
    LiveSnapshot s = source.snapshot();
    if (s.sequence() == seenSequence && s.state() == seenState) {
      return false;
    }
    apply(s);
    return true;
  }

  /** The start failed with {@code reason} (shown even when the source published nothing). */
  void startFailed(String reason) {
    startFailure = reason;
    poll();
    problem.set(reason);
    state.set(LiveState.FAILED);
  }

  /** The last check of the recording failed ({@code reason}), or succeeded ({@code ""}): said as the problem while the source has none. */
  void detectionChecked(String reason) {
    detectionFailure = reason.isEmpty() ? "" : "detections: " + reason;
    problem.set(problemOf(snapshot.get()));
  }

  void pause() {
    source.pause();
    poll();
  }

  void resume() {
    source.resume();
    poll();
  }

  private void apply(LiveSnapshot s) {
    seenSequence = s.sequence();
    seenState = s.state();
    snapshot.set(s);
    state.set(s.state());
    status.set(LiveText.status(s));
    drops.set(LiveText.drops(s));
    dropping.set(s.counters().droppedTotal() > 0);
    problem.set(problemOf(s));
  }

  private String problemOf(LiveSnapshot s) {
    if (s.problem() != null) {
      return s.problem();
    }
    return startFailure.isEmpty() ? detectionFailure : startFailure;
  }
}
