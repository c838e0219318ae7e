package org.dnsseismograph.ui.timeline;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.dnsseismograph.render.TimelineLayout;

/**
 * The crosshair readout: the exact time to the millisecond, the bucket it reads, and every shown
 * series' value there, grouped by lane, in a box beside the crosshair (on its right, or its left
 * near the right edge). A window of many lanes has more lines than the plot is tall: the lanes then
 * go on in further columns, a lane's heading never apart from its lines, so every value stays in
 * sight. Bound to the view model's readout. FX thread only.
 */
final class ReadoutBox extends VBox {
  private static final String INK = "#202124";
  private static final String MUTED_INK = "#5f6368";
  private static final double GAP = 4;
  private final Label time = new Label();
  /** The lanes' groups, in columns as tall as the room allows. */
  private final FlowPane lanes = new FlowPane(Orientation.VERTICAL, 12, 1);

  ReadoutBox(TimelineViewModel vm) {
    setId("crosshair-readout");
    time.setId("crosshair-time");
    // The box lies on the plot, which keeps one light palette in both themes (dark.css): its text
    // keeps the plot's dark ink too, or the dark theme's light text vanished on its light ground.
    time.setStyle("-fx-font-weight: bold; -fx-text-fill: " + INK + ";");
    setStyle("-fx-background-color: rgba(255,255,255,0.93); -fx-border-color: #9aa0a6; -fx-font-size: 11px;");
    setPadding(new Insets(4, 8, 4, 8));
    setSpacing(1);
    setManaged(false);
    setMouseTransparent(true);
    setVisible(false);
    time.textProperty().bind(vm.readoutTitleProperty());
    lanes.setColumnHalignment(javafx.geometry.HPos.LEFT);
    getChildren().setAll(time, lanes);
    vm.readoutProperty().addListener((o, a, lines) -> rebuild(lines));
  }

  private void rebuild(List<ReadoutLine> lines) {
    lanes.getChildren().clear();
    String lane = null;
    VBox group = null;
    for (ReadoutLine r : lines) {
      if (!r.lane().equals(lane)) {
        lane = r.lane();
        Label heading = new Label(lane);
        heading.setStyle("-fx-text-fill: " + MUTED_INK + ";");
        group = new VBox(1, heading);
        lanes.getChildren().add(group);
      }
      Rectangle key = new Rectangle(8, 8, Color.rgb(r.colour().red(), r.colour().green(), r.colour().blue()));
      Label text = new Label(r.text());
      text.getStyleClass().add("readout-line");
      text.setStyle("-fx-text-fill: " + INK + ";");
      HBox row = new HBox(5, key, text);
      row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
      group.getChildren().add(row);
    }
  }

  /**
   * Shows the box beside the crosshair at {@code x}, within the plot's {@code height}, or hides it
   * when {@code x} is NaN.
   */
  void place(TimelineLayout l, double x, double height) {
    if (Double.isNaN(x) || lanes.getChildren().isEmpty()) {
      setVisible(false);
      return;
    }
    // Unmanaged: nobody else sizes it, and its lines may be new since the last pulse.
    applyCss();
    double room = height - l.lanesTop() - 2 * GAP - time.prefHeight(-1) - getInsets().getTop() - getInsets().getBottom() - getSpacing();
    lanes.setPrefWrapLength(Math.max(40, room));
    layout();
    autosize();
    double w = getWidth();
    double left = x + 16 + w <= l.plotRight() ? x + 16 : Math.max(0, x - 16 - w);
    relocate(left, l.lanesTop() + GAP);
    setVisible(true);
  }
}
