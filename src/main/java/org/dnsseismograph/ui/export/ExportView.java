package org.dnsseismograph.ui.export;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import javafx.beans.property.Property;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import org.dnsseismograph.ui.export.ExportViewModel.Format;

/**
 * The export form: format, width and height in pixels, scale (PNG only), the range (the current
 * view, or from and to in UTC), and the file, with a line saying what is wrong. Bound to an
 * {@link ExportViewModel}; numbers that do not parse count as invalid there. FX thread only.
 */
public final class ExportView extends GridPane {
  private final ExportViewModel vm;

  public ExportView(ExportViewModel vm) {
    this.vm = vm;
    setId("export-view");
    setHgap(8);
    setVgap(6);
    ChoiceBox<Format> format = new ChoiceBox<>();
    format.setId("export-format");
    format.getItems().setAll(Format.values());
    format.valueProperty().bindBidirectional(vm.formatProperty());
    TextField width = number("export-width", vm.widthProperty(), Integer::parseInt);
    TextField height = number("export-height", vm.heightProperty(), Integer::parseInt);
    TextField scale = number("export-scale", vm.scaleProperty(), Double::parseDouble);
    scale.disableProperty().bind(vm.formatProperty().isEqualTo(Format.SVG));
    ToggleGroup range = new ToggleGroup();
    RadioButton view = new RadioButton("Current view");
    view.setId("export-range-view");
    RadioButton given = new RadioButton("From – to (UTC)");
    given.setId("export-range-given");
    view.setToggleGroup(range);
    given.setToggleGroup(range);
    view.setSelected(vm.currentViewProperty().get());
    given.setSelected(!vm.currentViewProperty().get());
    view.selectedProperty().addListener((o, a, b) -> vm.currentViewProperty().set(b));
    TextField from = text("export-from", vm.fromProperty());
    TextField to = text("export-to", vm.toProperty());
    from.disableProperty().bind(vm.currentViewProperty());
    to.disableProperty().bind(vm.currentViewProperty());
    TextField file = new TextField(vm.targetProperty().get() == null ? "" : vm.targetProperty().get().toString());
    file.setId("export-file");
    file.setPrefColumnCount(32);
    file.textProperty().addListener((o, a, b) -> vm.targetProperty().set(path(b)));
    vm.targetProperty().addListener((o, a, b) -> {
      String s = b == null ? "" : b.toString();
      if (!s.equals(file.getText().strip())) {
        file.setText(s);
      }
    });
    Button choose = new Button("Choose…");
    choose.setId("export-choose");
    choose.setOnAction(e -> choose());
    Label problem = new Label();
    problem.setId("export-problem");
    problem.textProperty().bind(vm.problemProperty());
    problem.setStyle("-fx-text-fill: #b71c1c;");
    Label lanesNote = new Label();
    lanesNote.setId("export-lanes-note");
    lanesNote.setWrapText(true);
    lanesNote.setMaxWidth(460);
    lanesNote.textProperty().bind(vm.lanesNoteProperty());
    Button fit = new Button("Fit all lanes");
    fit.setId("export-fit-lanes");
    fit.setOnAction(e -> vm.fitAllLanes());
    HBox lanes = new HBox(8, lanesNote, fit);
    lanes.visibleProperty().bind(vm.lanesNoteProperty().isNotEmpty());
    lanes.managedProperty().bind(lanes.visibleProperty());
    Label status = new Label();
    status.setId("export-status");
    status.textProperty().bind(vm.statusProperty());
    addRow(0, new Label("Format"), format);
    addRow(1, new Label("Size (px)"), new HBox(6, width, new Label("×"), height));
    addRow(2, new Label("Scale"), scale);
    addRow(3, new Label("Range"), new HBox(12, view, given));
    addRow(4, new Label("From"), from);
    addRow(5, new Label("To"), to);
    addRow(6, new Label("File"), new HBox(6, file, choose));
    add(problem, 0, 7, 2, 1);
    add(lanes, 0, 8, 2, 1);
    add(status, 0, 9, 2, 1);
  }

  private static <T extends Number> TextField number(String id, Property<Number> p, java.util.function.Function<String, T> parse) {
    TextField f = new TextField(p.getValue() instanceof Double d && d == Math.rint(d) ? String.valueOf(d.intValue())
        : String.valueOf(p.getValue()));
    f.setId(id);
    f.setPrefColumnCount(6);
    f.textProperty().addListener((o, a, b) -> {
      try {
        p.setValue(parse.apply(b.strip()));
      } catch (NumberFormatException e) {
        p.setValue(-1);
      }
    });
    return f;
  }

  private static TextField text(String id, javafx.beans.property.StringProperty p) {
    TextField f = new TextField();
    f.setId(id);
    f.setPrefColumnCount(22);
    f.textProperty().bindBidirectional(p);
    return f;
  }

  /** The path typed, or null for none or for text no file system takes. */
  private static Path path(String typed) {
    try {
      return typed.isBlank() ? null : Path.of(typed.strip());
    } catch (InvalidPathException e) {
      return null;
    }
  }

  private void choose() {
    FileChooser c = new FileChooser();
    c.setTitle("Export to");
    Format f = vm.formatProperty().get();
    c.getExtensionFilters().add(new FileChooser.ExtensionFilter(f.name(), "*" + f.extension()));
    Path t = vm.targetProperty().get();
    if (t != null && t.toAbsolutePath().getParent() != null && t.toAbsolutePath().getParent().toFile().isDirectory()) {
      c.setInitialDirectory(t.toAbsolutePath().getParent().toFile());
      c.setInitialFileName(t.getFileName().toString());
    }
    File chosen = c.showSaveDialog(getScene() == null ? null : getScene().getWindow());
    if (chosen != null) {
      vm.targetProperty().set(chosen.toPath());
    }
  }
}
