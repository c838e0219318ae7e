package org.dnsseismograph.ui.panel;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.dnsseismograph.traffic.Ranked;

/**
 * A ranked list of the side panel: each key with its count and a bar of its share of the window's
 * transactions. Keys too long for the panel are cut in the middle; the tooltip has them whole.
 * FX thread only.
 */
final class TopList extends VBox {
  private final Label empty = new Label("nothing in this window");

  TopList(String id) {
    setId(id);
    getStyleClass().add("top-list");
    setSpacing(2);
    empty.getStyleClass().add("muted");
    getChildren().add(empty);
  }

  /** Shows {@code entries}, bars relative to {@code total} transactions. */
  void show(List<Ranked<String>> entries, long total) {
    if (entries.isEmpty()) {
      getChildren().setAll(empty);
      return;
    }
    getChildren().setAll(entries.stream().map(e -> row(e, total)).toList());
  }

  private static HBox row(Ranked<String> e, long total) {
    Label key = new Label(e.key());
    key.getStyleClass().add("top-key");
    key.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
    key.setTooltip(new Tooltip(e.key()));
    key.setMaxWidth(Double.MAX_VALUE);
    key.setMinWidth(40);
    HBox.setHgrow(key, Priority.ALWAYS);
    double share = total > 0 ? (double) e.count() / total : 0;
    Region bar = new Region();
    bar.getStyleClass().add("top-bar");
    bar.setMaxWidth(Region.USE_PREF_SIZE);
    bar.setPrefWidth(Math.max(1, 48 * share));
    bar.setPrefHeight(8);
    bar.setMaxHeight(8);
    StackPane barBox = new StackPane(bar);
    barBox.setAlignment(Pos.CENTER_LEFT);
    barBox.setMinWidth(50);
    barBox.setPrefWidth(50);
    Label count = new Label(String.format(Locale.ROOT, "%,d", e.count()));
    count.getStyleClass().add("top-count");
    count.setMinWidth(Region.USE_PREF_SIZE);
    HBox h = new HBox(6, key, barBox, count);
    h.setAlignment(Pos.CENTER_LEFT);
    h.getStyleClass().add("top-row");
    h.setUserData(e);
    return h;
  }
}
