package org.dnsseismograph.ui.sources;

import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The status bar: while sources load, what loads with a progress bar and Cancel; always the frames
 * read and DNS messages seen, the failed sources, and what was skipped — a link that opens the list
 * of reasons with their counts and where each happened first. FX thread only.
 */
public final class StatusBarView extends HBox {
  private final StatusViewModel status;
  private final ContextMenu skippedMenu = new ContextMenu();

  /** @param cancel cancels every load in progress */
  public StatusBarView(StatusViewModel status, Runnable cancel) {
    this.status = status;
    setId("status-bar");
    getStyleClass().add("status-bar");
    setAlignment(Pos.CENTER_LEFT);
    setSpacing(10);
    Label activity = new Label();
    activity.setId("status-activity");
    activity.textProperty().bind(status.activityProperty());
    ProgressBar bar = new ProgressBar();
    bar.setId("status-progress");
    bar.setPrefWidth(160);
    bar.progressProperty().bind(status.progressProperty());
    Button stop = new Button("Cancel");
    stop.setId("status-cancel");
    stop.setOnAction(e -> cancel.run());
    for (var n : List.of(activity, bar, stop)) {
      n.visibleProperty().bind(status.busyProperty());
      n.managedProperty().bind(status.busyProperty());
    }
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    Label failures = new Label();
    failures.setId("status-failures");
    failures.getStyleClass().add("failure");
    failures.textProperty().bind(status.failuresProperty());
    Label counts = new Label();
    counts.setId("status-counts");
    counts.textProperty().bind(status.countsProperty());
    Hyperlink skipped = new Hyperlink();
    skipped.setId("status-skipped");
    skipped.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT, "%,d skipped", status.skippedProperty().get()),
        status.skippedProperty()));
    skipped.visibleProperty().bind(status.skippedProperty().greaterThan(0));
    skipped.managedProperty().bind(skipped.visibleProperty());
    skipped.setOnAction(e -> showSkipped(skipped));
    skippedMenu.setId("skipped-popup");
    getChildren().addAll(activity, bar, stop, gap, failures, counts, skipped);
  }

  /** Opens the list of skip reasons above the link. */
  void showSkipped(Hyperlink anchor) {
    TableView<SkipLine> table = new TableView<>();
    table.setId("skipped-table");
    table.getColumns().add(column("Source", SkipLine::source, 140));
    table.getColumns().add(column("Reason", l -> l.reason() + (l.code().isEmpty() ? "" : " (" + l.code() + ")"), 380));
    table.getColumns().add(column("Count", l -> String.format(Locale.ROOT, "%,d", l.count()), 80));
    table.getColumns().add(column("First", SkipLine::where, 110));
    table.getItems().setAll(status.skipLinesProperty().get());
    table.setPrefSize(730, Math.min(360, 30 + 26 * (table.getItems().size() + 1)));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    CustomMenuItem item = new CustomMenuItem(table, false);
    skippedMenu.getItems().setAll(item);
    skippedMenu.show(anchor, Side.TOP, 0, 0);
  }

  private static TableColumn<SkipLine, String> column(String title, java.util.function.Function<SkipLine, String> text, double width) {
    TableColumn<SkipLine, String> c = new TableColumn<>(title);
    c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(text.apply(d.getValue())));
    c.setPrefWidth(width);
    c.setSortable(false);
    return c;
  }
}
