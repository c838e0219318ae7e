package org.dnsseismograph.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The window's first frame below the menu bar, while the real panels are not yet laid out: an empty
 * sources pane and side pane of the panels' widths, a few empty lanes in the middle with a message
 * saying what is being opened, and an empty status bar. Plain regions and two labels in the window's
 * own style classes, so the frame costs a few milliseconds of CSS and layout rather than the panels'
 * hundreds (their controls' skins are made in their first CSS pass).
 *
 * <p>FX thread only (or a scene not yet shown). Stateless.
 */
final class WindowSkeleton {
  /** How many empty lanes the middle shows. */
  static final int LANES = 4;
  private static final double LANE_HEIGHT = 72;

  private WindowSkeleton() {}

  /**
   * The stand-in for the window's centre and bottom: a border pane with the three panes in its centre
   * and the status bar at its bottom; its id is {@code window-skeleton}, the message's {@code
   * startup-message}, the status bar's text (empty) {@code startup-status}.
   */
  static BorderPane of(String message, double sourcesWidth, double sideWidth) {
    Region sourcesPane = pane(sourcesWidth);
    Region sidePane = pane(sideWidth);
    VBox lanes = new VBox(8);
    lanes.setPadding(new Insets(12));
    for (int i = 0; i < LANES; i++) {
      Region lane = new Region();
      lane.getStyleClass().add("source-card");
      lane.setPrefHeight(LANE_HEIGHT);
      lane.setMinHeight(LANE_HEIGHT);
      lanes.getChildren().add(lane);
    }
    Label text = new Label(message);
    text.setId("startup-message");
    text.getStyleClass().add("drop-hint");
    StackPane middle = new StackPane(lanes, text);
    middle.getStyleClass().add("timeline-pane");
    HBox.setHgrow(middle, Priority.ALWAYS);
    StackPane.setAlignment(lanes, Pos.TOP_CENTER);
    HBox panes = new HBox(sourcesPane, middle, sidePane);
    Label status = new Label(" ");
    status.setId("startup-status");
    status.getStyleClass().add("muted");
    HBox statusBar = new HBox(status);
    statusBar.getStyleClass().add("status-bar");
    BorderPane skeleton = new BorderPane(panes);
    skeleton.setBottom(statusBar);
    skeleton.setId("window-skeleton");
    return skeleton;
  }

  private static Region pane(double width) {
    Region r = new Region();
    r.getStyleClass().add("side-panel");
    r.setPrefWidth(width);
    r.setMinWidth(width);
    return r;
  }
}
