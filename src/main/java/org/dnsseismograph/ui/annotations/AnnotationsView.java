package org.dnsseismograph.ui.annotations;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import org.dnsseismograph.workspace.Annotation;
import org.dnsseismograph.workspace.AnnotationState;

/**
 * The annotations list beside the timeline: kind, state, label and span of every annotation
 * (proposed ones in italics and marked "proposed", rejected ones greyed), with Accept, Edit,
 * Reject and Delete as buttons, as a context menu and as keys (A, E or Enter, R, Delete); a click
 * shows the annotation on the timeline, a double-click edits it; hovering a row shows its whole
 * label and text. An "Annotate" toggle switches the timeline's drag from panning to drawing.
 * Everything goes through the {@link AnnotationsViewModel}. FX thread only.
 */
public final class AnnotationsView extends BorderPane {
  private final AnnotationsViewModel vm;
  private final AnnotationEditorDialog editor;
  private final TableView<Annotation> table = new TableView<>();
  private final ContextMenu menu;
  private boolean syncing;

  public AnnotationsView(AnnotationsViewModel vm, AnnotationEditorDialog editor) {
    this.vm = vm;
    this.editor = editor;
    setId("annotations-view");
    table.setId("annotations-table");
    // Replacing the rows clears the table's selection; listeners run in the order added, so these two
    // keep that from reaching the view model, and then select the row again.
    vm.rows().addListener((ListChangeListener<Annotation>) c -> syncing = true);
    table.setItems(vm.rows());
    vm.rows().addListener((ListChangeListener<Annotation>) c -> {
      syncing = false;
      showSelected(vm.selectedIdProperty().get());
    });
    Label none = new Label("No annotations. Ctrl-drag on the timeline to mark a span, N for a note.");
    none.setWrapText(true);
    none.setPadding(new javafx.geometry.Insets(8));
    table.setPlaceholder(none);
    table.getColumns().setAll(column("Kind", a -> a.kind().word(), 64), column("State", a -> a.state().word(), 78),
        column("Label", Annotation::label, 180), column("Span (UTC)", a -> SpanText.span(a.span().startNanos(), a.span().endNanos()), 330));
    table.setRowFactory(t -> row());
    menu = contextMenu();
    // Shown by hand, as the lane menu is: a secondary press on a row, or the keyboard's menu key.
    table.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
      if (e.isKeyboardTrigger() && !vm.rows().isEmpty()) {
        menu.show(table, e.getScreenX(), e.getScreenY());
      }
    });
    table.addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
    setCenter(table);
    setBottom(buttons());
    table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
      if (!syncing) {
        vm.select(now == null ? null : now.id());
      }
    });
    vm.selectedIdProperty().addListener((o, was, now) -> showSelected(now));
    setPrefWidth(560);
  }

  /**
   * Fits a narrow place (the window's side panel): kind and state as narrow as their words, the
   * label taking what is left of {@code width} pixels; the span stays to the right.
   */
  public void fitNarrow(double width) {
    setPrefWidth(width);
    table.getColumns().get(0).setPrefWidth(58);
    table.getColumns().get(1).setPrefWidth(72);
    table.getColumns().get(2).setPrefWidth(Math.max(120, width - 58 - 72 - 24));
  }

  private static TableColumn<Annotation, String> column(String title, java.util.function.Function<Annotation, String> value, double width) {
    TableColumn<Annotation, String> c = new TableColumn<>(title);
    c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
    c.setPrefWidth(width);
    c.setSortable(false);
    return c;
  }

  private TableRow<Annotation> row() {
    TableRow<Annotation> r = new TableRow<>() {
      @Override
      protected void updateItem(Annotation a, boolean empty) {
        super.updateItem(a, empty);
        if (empty || a == null) {
          setStyle("");
          setTooltip(null);
          return;
        }
        setStyle(a.state() == AnnotationState.PROPOSED ? "-fx-font-style: italic;" : a.state() == AnnotationState.REJECTED
            ? "-fx-opacity: 0.5;" : "");
        String who = a.proposedBy().isEmpty() ? "" : "\nproposed by " + a.proposedBy();
        String targets = a.zone().isEmpty() && a.servers().isEmpty() ? "" : "\n" + (a.zone() + " " + String.join(" ", a.servers())).strip();
        setTooltip(new Tooltip(a.kind().word() + ": " + a.label() + targets + (a.text().isEmpty() ? "" : "\n" + a.text()) + who));
      }
    };
    r.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
      if (e.getButton() == MouseButton.SECONDARY && !r.isEmpty()) {
        vm.select(r.getItem().id());
        menu.show(r, e.getScreenX(), e.getScreenY());
      }
    });
    r.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
      if (e.getButton() != MouseButton.PRIMARY || r.isEmpty()) {
        return;
      }
      if (e.getClickCount() == 2) {
        edit(r.getItem().id());
      } else {
        vm.zoomTo(r.getItem().id());
      }
    });
    return r;
  }

  private FlowPane buttons() {
    Button accept = button("Accept", "annotation-accept", () -> selectedId().ifPresent(vm::accept));
    Button edit = button("Edit…", "annotation-edit", () -> selectedId().ifPresent(this::edit));
    Button reject = button("Reject", "annotation-reject", () -> selectedId().ifPresent(vm::reject));
    Button delete = button("Delete", "annotation-delete", () -> selectedId().ifPresent(vm::delete));
    var state = Bindings.createObjectBinding(() -> vm.selected().orElse(null), vm.selectedIdProperty(), vm.rows());
    accept.disableProperty().bind(Bindings.createBooleanBinding(() -> state.get() == null || !vm.canAccept(state.get().id()), state));
    edit.disableProperty().bind(Bindings.createBooleanBinding(() -> state.get() == null || !vm.canEdit(state.get().id()), state));
    reject.disableProperty().bind(Bindings.createBooleanBinding(() -> state.get() == null || !vm.canReject(state.get().id()), state));
    delete.disableProperty().bind(state.isNull());
    ToggleButton annotate = new ToggleButton("Annotate");
    annotate.setId("annotation-tool");
    annotate.selectedProperty().bindBidirectional(vm.annotateModeProperty());
    annotate.setTooltip(new Tooltip("Drag on the timeline to mark a span (or Ctrl-drag at any time); N marks a note at the crosshair"));
    FlowPane p = new FlowPane(6, 6, accept, edit, reject, delete, annotate);
    p.setStyle("-fx-padding: 6;");
    return p;
  }

  private static Button button(String text, String id, Runnable action) {
    Button b = new Button(text);
    b.setId(id);
    b.setOnAction(e -> action.run());
    return b;
  }

  private ContextMenu contextMenu() {
    MenuItem accept = item("Accept", "menu-annotation-accept", () -> selectedId().ifPresent(vm::accept));
    MenuItem edit = item("Edit…", "menu-annotation-edit", () -> selectedId().ifPresent(this::edit));
    MenuItem reject = item("Reject", "menu-annotation-reject", () -> selectedId().ifPresent(vm::reject));
    MenuItem zoom = item("Show on timeline", "menu-annotation-zoom", () -> selectedId().ifPresent(vm::zoomTo));
    MenuItem delete = item("Delete", "menu-annotation-delete", () -> selectedId().ifPresent(vm::delete));
    ContextMenu m = new ContextMenu(accept, edit, reject, zoom, new SeparatorMenuItem(), delete);
    m.setId("annotation-menu");
    m.setOnShowing(e -> {
      Optional<String> id = selectedId();
      accept.setDisable(id.map(x -> !vm.canAccept(x)).orElse(true));
      edit.setDisable(id.map(x -> !vm.canEdit(x)).orElse(true));
      reject.setDisable(id.map(x -> !vm.canReject(x)).orElse(true));
      zoom.setDisable(id.isEmpty());
      delete.setDisable(id.isEmpty());
    });
    return m;
  }

  private static MenuItem item(String text, String id, Runnable action) {
    MenuItem m = new MenuItem(text);
    m.setId(id);
    m.setOnAction(e -> action.run());
    return m;
  }

  private void keyPressed(KeyEvent e) {
    if (e.isShortcutDown() || e.isAltDown()) {
      return;
    }
    Optional<String> id = selectedId();
    if (id.isEmpty()) {
      return;
    }
    switch (e.getCode()) {
      case A -> vm.accept(id.get());
      case R -> vm.reject(id.get());
      case E, ENTER -> edit(id.get());
      case DELETE, BACK_SPACE -> vm.delete(id.get());
      default -> {
        return;
      }
    }
    e.consume();
  }

  /** Opens the editor on the annotation with {@code id}; the result, if any, is one undoable edit. */
  public void edit(String id) {
    if (!vm.canEdit(id)) {
      return;
    }
    Annotation a = vm.book().get(id).orElseThrow();
    editor.edit(getScene() == null ? null : getScene().getWindow(), a, false).thenAccept(r -> r.ifPresent(x -> vm.apply(x, "edit")));
  }

  private Optional<String> selectedId() {
    return Optional.ofNullable(vm.selectedIdProperty().get());
  }

  private void showSelected(String id) {
    syncing = true;
    try {
      int i = -1;
      for (int k = 0; k < vm.rows().size(); k++) {
        if (vm.rows().get(k).id().equals(id)) {
          i = k;
        }
      }
      if (i < 0) {
        table.getSelectionModel().clearSelection();
      } else if (table.getSelectionModel().getSelectedIndex() != i) {
        table.getSelectionModel().clearAndSelect(i);
        table.scrollTo(i);
      }
    } finally {
      syncing = false;
    }
  }

  /** The table, for tests and for the window's focus order. */
  public TableView<Annotation> table() {
    return table;
  }
}
