package org.dnsseismograph.ui.sources;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.dnsseismograph.analysis.CommonMoment;
import org.dnsseismograph.analysis.CommonMomentEvidence;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.ui.common.DelayedHint;
import org.dnsseismograph.ui.common.WrappingCells;

/**
 * The sources panel (the timeline's legend of sources): one {@link SourceCard} per source, in the
 * order they were opened, and under them the common moment finder's results — each moment with
 * every source's evidence; clicking one shows it on the timeline. FX thread only.
 */
public final class SourcesView extends VBox {
  private final SourcesViewModel sources;
  private final OffsetsViewModel offsets;
  private final DoubleSupplier nanosPerPixel;
  private final VBox cards = new VBox(8);
  private final ToggleGroup references = new ToggleGroup();
  private final Map<Source, SourceCard> shown = new HashMap<>();

  /**
   * @param nanosPerPixel the timeline's time per pixel now, for dragging offsets
   * @param zoomTo shows a range on the timeline
   */
  public SourcesView(SourcesViewModel sources, OffsetsViewModel offsets, CommonMomentViewModel moments, DoubleSupplier nanosPerPixel,
      Consumer<TimeRange> zoomTo) {
    this.sources = sources;
    this.offsets = offsets;
    this.nanosPerPixel = nanosPerPixel;
    setId("sources-panel");
    getStyleClass().add("side-panel");
    Label title = new Label("Sources");
    title.getStyleClass().add("panel-title");
    Label empty = new Label();
    empty.setId("sources-empty");
    empty.textProperty().bind(Bindings.createStringBinding(() -> emptyText(sources.liveSourceNames()), sources.liveSourceNames()));
    empty.setWrapText(true);
    empty.getStyleClass().add("muted");
    DelayedHint.show(empty, Bindings.isEmpty(sources.sources()).and(sources.startingUpProperty().not()));
    cards.setPadding(new Insets(0, 4, 0, 0));
    ScrollPane scroll = new ScrollPane(new VBox(8, empty, cards));
    scroll.setFitToWidth(true);
    scroll.getStyleClass().add("panel-scroll");
    VBox.setVgrow(scroll, Priority.ALWAYS);
    getChildren().addAll(title, scroll, momentsSection(moments, zoomTo));
    setSpacing(6);
    references.selectedToggleProperty().addListener((o, was, now) -> {
      if (now != null && now.getUserData() instanceof Source s && sources.referenceProperty().get() != s) {
        sources.referenceProperty().set(s);
      }
    });
    sources.referenceProperty().addListener((o, was, now) -> selectReference());
    sources.sources().addListener((ListChangeListener<Source>) c -> rebuild());
    rebuild();
  }

  /** What the panel says without a file: nothing at all, or which live sources the timeline shows instead. */
  static String emptyText(List<String> live) {
    String open = "drop captures, exports or a workspace on the window, or use File ▸ Open.";
    if (live.isEmpty()) {
      return "No source yet: " + open;
    }
    return "No file yet. Live: " + String.join(", ", live) + " (in the live bar below). For files, " + open;
  }

  private void rebuild() {
    shown.keySet().retainAll(sources.sources());
    for (Source s : sources.sources()) {
      shown.computeIfAbsent(s, x -> new SourceCard(x, sources, offsets, references, nanosPerPixel));
    }
    cards.getChildren().setAll(sources.sources().stream().map(shown::get).toList());
    selectReference();
  }

  private void selectReference() {
    Source ref = sources.referenceProperty().get();
    references.getToggles().forEach(t -> t.setSelected(t.getUserData() == ref));
  }

  private VBox momentsSection(CommonMomentViewModel moments, Consumer<TimeRange> zoomTo) {
    Label title = new Label("Common moment");
    title.getStyleClass().add("section-title");
    Button find = new Button("Find");
    find.setId("find-common-moment");
    find.setOnAction(e -> moments.find());
    find.disableProperty().bind(moments.searchingProperty());
    HBox head = new HBox(8, title, find);
    head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    Label status = new Label();
    status.setId("common-moment-status");
    status.setWrapText(true);
    status.getStyleClass().add("muted");
    status.textProperty().bind(moments.statusProperty());
    ListView<Object> list = new ListView<>();
    list.setId("common-moments");
    list.setPrefHeight(150);
    list.setCellFactory(v -> WrappingCells.within(v, new MomentCell()));
    moments.moments().addListener((ListChangeListener<CommonMoment>) c -> {
      list.getItems().clear();
      for (CommonMoment m : moments.moments()) {
        list.getItems().add(m);
        list.getItems().addAll(m.evidence());
      }
    });
    list.setOnMouseClicked(e -> {
      Object now = list.getSelectionModel().getSelectedItem();
      if (now instanceof CommonMoment m) {
        zoomTo.accept(CommonMomentViewModel.rangeOf(m));
      } else if (now instanceof CommonMomentEvidence ev) {
        long half = Math.max(10 * TimeUnits.NANOS_PER_SECOND, 5 * ev.resolutionNanos());
        zoomTo.accept(new TimeRange(ev.changeNanos() - half, ev.changeNanos() + half));
      }
    });
    list.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(list.getItems()));
    list.managedProperty().bind(list.visibleProperty());
    return new VBox(4, head, status, list);
  }

  /** A moment in bold, its evidence indented under it (wrapped lines too). */
  private static final class MomentCell extends ListCell<Object> {
    @Override
    protected void updateItem(Object item, boolean empty) {
      super.updateItem(item, empty);
      getStyleClass().removeAll("moment", "evidence");
      if (empty || item == null) {
        setText(null);
      } else if (item instanceof CommonMoment m) {
        setText(CommonMomentViewModel.describe(m));
        getStyleClass().add("moment");
      } else if (item instanceof CommonMomentEvidence e) {
        setText(CommonMomentViewModel.describe(e));
        getStyleClass().add("evidence");
      }
    }
  }
}
