package org.dnsseismograph.ui.live;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.dnsseismograph.capture.LiveState;

/**
 * The live bar above the status bar: one row per live source with its state and counts, its drops
 * (red once anything was lost), its problem, and Pause/Resume, Stop, Open recording (once stopped,
 * when it recorded) and Close; and the Follow button, lit while the view follows the present.
 * Hidden while no live source exists. FX thread only.
 */
final class LiveBar extends VBox {
  private final LiveTimeline live;
  private final Consumer<List<Path>> open;

  /** @param open opens files as sources of the window (a stopped source's recording) */
  LiveBar(LiveTimeline live, Consumer<List<Path>> open) {
    this.live = live;
    this.open = open;
    setId("live-bar");
    getStyleClass().add("live-bar");
    setSpacing(2);
    setPadding(new Insets(2, 6, 2, 6));
    visibleProperty().bind(Bindings.isNotEmpty(live.sessions()));
    managedProperty().bind(visibleProperty());
    live.sessions().addListener((ListChangeListener<LiveSession>) c -> rebuild());
    rebuild();
  }

  private void rebuild() {
    getChildren().clear();
    for (int i = 0; i < live.sessions().size(); i++) {
      getChildren().add(row(live.sessions().get(i), i));
    }
  }

  private HBox row(LiveSession s, int index) {
    String id = index == 0 ? "" : "-" + index;
    Label status = new Label();
    status.setId("live-status" + id);
    status.textProperty().bind(s.statusProperty());
    javafx.scene.control.Tooltip where = new javafx.scene.control.Tooltip();
    where.textProperty().bind(Bindings.createStringBinding(() -> LiveText.recordingPlace(s.snapshot()), s.snapshotProperty()));
    status.setTooltip(where);
    Label drops = new Label();
    drops.setId("live-drops" + id);
    drops.textProperty().bind(s.dropsProperty());
    s.droppingProperty().addListener((o, was, now) -> drops.getStyleClass().setAll(now ? "failure" : "label"));
    if (s.droppingProperty().get()) {
      drops.getStyleClass().setAll("failure");
    }
    Label problem = new Label();
    problem.setId("live-problem" + id);
    problem.getStyleClass().add("failure");
    problem.textProperty().bind(s.problemProperty());
    problem.setWrapText(true);
    Button pause = new Button();
    pause.setId("live-pause" + id);
    pause.textProperty().bind(Bindings.when(s.stateProperty().isEqualTo(LiveState.PAUSED)).then("Resume").otherwise("Pause"));
    pause.disableProperty().bind(Bindings.createBooleanBinding(() -> !s.stateProperty().get().isActive(), s.stateProperty()));
    pause.setOnAction(e -> {
      if (s.stateProperty().get() == LiveState.PAUSED) {
        live.resume(s);
      } else {
        live.pause(s);
      }
    });
    Button stop = new Button("Stop");
    stop.setId("live-stop" + id);
    stop.disableProperty().bind(pause.disableProperty());
    stop.setOnAction(e -> live.stop(s));
    Button recording = new Button("Open recording");
    recording.setId("live-open-recording" + id);
    recording.visibleProperty().bind(Bindings.createBooleanBinding(
        () -> s.stateProperty().get() == LiveState.STOPPED && !s.snapshot().recordings().isEmpty(), s.stateProperty(), s.snapshotProperty()));
    recording.managedProperty().bind(recording.visibleProperty());
    recording.setOnAction(e -> open.accept(s.snapshot().recordings()));
    Button close = new Button("Close");
    close.setId("live-close" + id);
    close.setOnAction(e -> live.close(s));
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox row = new HBox(8, status, drops, problem, gap, pause, stop, recording, close);
    if (index == 0) {
      row.getChildren().add(followButton());
    }
    row.setAlignment(Pos.CENTER_LEFT);
    return row;
  }

  private ToggleButton followButton() {
    ToggleButton follow = new ToggleButton("Follow the present (End)");
    follow.setId("live-follow");
    follow.setSelected(live.followingProperty().get());
    live.followingProperty().addListener((o, was, now) -> follow.setSelected(now));
    follow.setOnAction(e -> {
      if (follow.isSelected()) {
        live.follow();
      } else {
        live.stopFollowing();
      }
    });
    return follow;
  }
}
