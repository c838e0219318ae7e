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
 * A ranked list of the side panel: each key with a bar and its count. The bars are measured against
 * the first (largest) count, so the list reads at a glance; as shares of all the window's
 * transactions most were a pixel wide. The counts take one right-aligned column, so the bars start
 * in line. Keys too long for the panel are cut in the middle; the tooltip has them whole, with the
 * count's share of the window's transactions. FX thread only.
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

  /** The width of the longest bar, in logical pixels. */
  static final double BAR = 48;
  /** The counts' column: "12,345,678" at the list's 11 px. */
  static final double COUNT_WIDTH = 64;

  /** Shows {@code entries} (largest first), of {@code total} transactions in the window. */
  void show(List<Ranked<String>> entries, long total) {
    if (entries.isEmpty()) {
      getChildren().setAll(empty);
      return;
    }
    long largest = entries.stream().mapToLong(Ranked::count).max().orElse(1);
    getChildren().setAll(entries.stream().map(e -> row(e, largest, total)).toList());
  }

  private static HBox row(Ranked<String> e, long largest, long total) {
    Label key = new Label(e.key());
    key.getStyleClass().add("top-key");
    key.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
    String share = total > 0 ? String.format(Locale.ROOT, "%s: %,d of %,d transactions in the window (%.1f %%)", e.key(), e.count(), total,
        100.0 * e.count() / total) : e.key();
    key.setTooltip(new Tooltip(share));
    key.setMaxWidth(Double.MAX_VALUE);
    key.setMinWidth(40);
    HBox.setHgrow(key, Priority.ALWAYS);
    Region bar = new Region();
    bar.getStyleClass().add("top-bar");
    bar.setMaxWidth(Region.USE_PREF_SIZE);
    bar.setPrefWidth(Math.max(1, BAR * e.count() / Math.max(1, largest)));
    bar.setPrefHeight(8);
    bar.setMaxHeight(8);
    StackPane barBox = new StackPane(bar);
    barBox.setAlignment(Pos.CENTER_LEFT);
    barBox.setMinWidth(50);
    barBox.setPrefWidth(50);
    Label count = new Label(String.format(Locale.ROOT, "%,d", e.count()));
    count.getStyleClass().add("top-count");
    count.setMinWidth(COUNT_WIDTH);
    count.setPrefWidth(COUNT_WIDTH);
    count.setAlignment(Pos.CENTER_RIGHT);
    HBox h = new HBox(6, key, barBox, count);
    h.setAlignment(Pos.CENTER_LEFT);
    h.getStyleClass().add("top-row");
    h.setUserData(e);
    return h;
  }
}
