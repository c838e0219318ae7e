package org.dnsseismograph.ui.panel;

import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.dnsseismograph.render.TimeText;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.ui.common.WrappingCells;

/**
 * The side panel for the visible window: the detections (suspected outages and spikes; a click
 * shows one on the timeline), top question names, clients, authoritative servers and the answers'
 * rcode mix — recomputed once the window has rested for {@value #SETTLE_MILLIS} ms — and a slot
 * for the annotations list ({@link #setAnnotationsView}), absent until a view is given. FX thread only.
 */
public final class SidePanelView extends VBox {
  /** How long the window must rest before its tops are summed again. */
  public static final int SETTLE_MILLIS = 250;

  private final SidePanelViewModel vm;
  private final Label rangeText = new Label();
  private final TopList qnames = new TopList("top-qnames");
  private final TopList clients = new TopList("top-clients");
  private final TopList servers = new TopList("top-servers");
  private final TopList answers = new TopList("top-answers");
  private final TitledPane clientsPane;
  private final TitledPane serversPane;
  private final TitledPane annotations = new TitledPane();
  private final PauseTransition settle = new PauseTransition(Duration.millis(SETTLE_MILLIS));

  /**
   * @param visible the timeline's visible window
   * @param zoomTo shows a range on the timeline
   * @param growingWithLoad true while the window only grows with captures still loading (nobody
   *     moved it): the window's own cadence of sums ({@code WindowPulse}) follows the load then, and
   *     a sum started at each growth would cancel the one before
   */
  public SidePanelView(SidePanelViewModel vm, ObservableValue<TimeRange> visible, Consumer<TimeRange> zoomTo, BooleanSupplier growingWithLoad) {
    this.vm = vm;
    setId("side-panel");
    getStyleClass().add("side-panel");
    Label title = new Label("Visible window");
    title.getStyleClass().add("panel-title");
    ProgressIndicator busy = new ProgressIndicator();
    busy.setId("side-panel-busy");
    busy.setPrefSize(16, 16);
    busy.visibleProperty().bind(vm.computingProperty());
    HBox head = new HBox(8, title, busy);
    rangeText.setId("side-panel-range");
    rangeText.setWrapText(true);
    rangeText.getStyleClass().add("muted");
    rangeText.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    clientsPane = pane("Top clients", clients);
    serversPane = pane("Top authoritative servers", servers);
    annotations.setText("Annotations");
    annotations.setId("annotations-slot");
    annotations.setVisible(false);
    annotations.setManaged(false);
    VBox sections = new VBox(6, pane("Detections", detections(vm, visible, zoomTo)), annotations, pane("Top question names", qnames), clientsPane,
        serversPane, pane("Answers", answers));
    ScrollPane scroll = new ScrollPane(sections);
    scroll.setFitToWidth(true);
    scroll.getStyleClass().add("panel-scroll");
    VBox.setVgrow(scroll, Priority.ALWAYS);
    getChildren().addAll(head, rangeText, scroll);
    setSpacing(6);
    vm.summaryProperty().addListener((o, was, now) -> show(now));
    settle.setOnFinished(e -> {
      if (!growingWithLoad.getAsBoolean()) {
        vm.setRange(visible.getValue());
        vm.refresh();
      }
    });
    visible.addListener((o, was, now) -> settle.playFromStart());
    if (visible.getValue() != null) {
      vm.setRange(visible.getValue());
    }
  }

  /** Puts the annotations list (the annotations component's view) into its slot, or removes it with null. */
  public void setAnnotationsView(Node view) {
    annotations.setContent(view);
    annotations.setVisible(view != null);
    annotations.setManaged(view != null);
  }

  private static TitledPane pane(String title, Node content) {
    TitledPane p = new TitledPane(title, content);
    p.setId("pane-" + title.toLowerCase(Locale.ROOT).replace(' ', '-'));
    p.setAnimated(false);
    return p;
  }

  private ListView<Detection> detections(SidePanelViewModel vm, ObservableValue<TimeRange> visible, Consumer<TimeRange> zoomTo) {
    ListView<Detection> list = new ListView<>(vm.detections());
    // The list holds every source's detections by time; the ones in the visible window are kept in
    // sight, so that a live source's new outage, or the spikes of a span zoomed into, need no search.
    int[] inSight = {-1};
    Runnable keepInSight = () -> {
      int i = firstWithin(list.getItems(), visible.getValue());
      if (i >= 0 && i != inSight[0]) {
        list.layout();
        // the least scroll that shows it (ListView.scrollTo puts it at the top, and with cells of
        // several heights stopped short of a new last item)
        if (list.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow) {
          flow.scrollTo(i);
        } else {
          list.scrollTo(i);
        }
      }
      inSight[0] = i;
    };
    visible.addListener((o, was, now) -> keepInSight.run());
    list.getItems().addListener((javafx.collections.ListChangeListener<Detection>) c -> {
      inSight[0] = -1;
      // after the skin's own listener (added after this one) has seen the new items
      javafx.application.Platform.runLater(keepInSight);
    });
    list.setId("detections");
    list.setPrefHeight(180);
    Label none = new Label();
    none.setId("detections-none");
    none.setWrapText(true);
    none.setPadding(new javafx.geometry.Insets(0, 8, 0, 8));
    none.textProperty().bind(vm.noDetectionsProperty());
    list.setPlaceholder(none);
    list.setCellFactory(v -> WrappingCells.within(v, new DetectionCell()));
    list.setOnMouseClicked(e -> {
      Detection d = list.getSelectionModel().getSelectedItem();
      if (d != null) {
        zoomTo.accept(d.zoomRange());
      }
    });
    list.setOnKeyPressed(e -> {
      Detection d = list.getSelectionModel().getSelectedItem();
      if (d != null && e.getCode() == javafx.scene.input.KeyCode.ENTER) {
        zoomTo.accept(d.zoomRange());
      }
    });
    return list;
  }

  /** The first of {@code detections} (by start) that overlaps {@code range}, or -1. */
  static int firstWithin(List<Detection> detections, TimeRange range) {
    if (range == null) {
      return -1;
    }
    for (int i = 0; i < detections.size(); i++) {
      if (detections.get(i).span().overlaps(range)) {
        return i;
      }
    }
    return -1;
  }

  private void show(WindowSummary s) {
    if (s == null) {
      return;
    }
    TimeRange r = s.range();
    rangeText.setText(TimeText.utcMillis(r.startNanos()) + " – " + TimeText.utcClockMillis(r.endNanos()) + " ("
        + TimeUnits.formatDuration(r.durationNanos()) + String.format(Locale.ROOT, "), %,d transactions", s.transactions())
        + (s.cutShort() ? ", counted from " + TimeText.utcClockMillis(s.countedFromNanos())
            + " (live traffic older than that is no longer kept)" : ""));
    qnames.show(s.qnames(), s.transactions());
    clients.show(s.clients(), s.transactions());
    servers.show(s.servers(), s.transactions());
    answers.show(s.answers(), s.transactions());
    clientsPane.setText(s.byRole() ? "Top clients of the resolvers" : "Top clients");
    serversPane.setText(s.byRole() ? "Top authoritative servers" : "Top servers");
  }

  /** An outage or spike: its title, marked by kind; the evidence in the tooltip. */
  private static final class DetectionCell extends ListCell<Detection> {
    @Override
    protected void updateItem(Detection d, boolean empty) {
      super.updateItem(d, empty);
      getStyleClass().removeAll("detection-outage", "detection-spike");
      if (empty || d == null) {
        setText(null);
        setTooltip(null);
        return;
      }
      setText(TimeText.utcMillis(d.span().startNanos()).substring(11, 23) + "  " + d.title());
      getStyleClass().add(d.kind() == Detection.Kind.OUTAGE ? "detection-outage" : "detection-spike");
      setTooltip(new Tooltip(d.detail()));
    }
  }
}
