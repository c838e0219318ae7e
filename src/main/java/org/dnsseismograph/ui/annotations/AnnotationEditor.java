package org.dnsseismograph.ui.annotations;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;
import org.dnsseismograph.workspace.Annotation;
import org.dnsseismograph.workspace.AnnotationKind;

/**
 * The fields of one annotation: kind, label, free text, the zone and servers of an outage (shown
 * only for outages), and start and end in UTC to the millisecond, with a line saying what is wrong
 * while the fields cannot be applied. Reads into an {@link AnnotationForm}; the dialog around it
 * decides what to do with it. FX thread only.
 */
public final class AnnotationEditor extends GridPane {
  private final Annotation base;
  private final boolean fresh;
  private final ChoiceBox<AnnotationKind> kind = new ChoiceBox<>();
  private final TextField label = new TextField();
  private final TextArea text = new TextArea();
  private final TextField zone = new TextField();
  private final TextField servers = new TextField();
  private final TextField start = new TextField();
  private final TextField end = new TextField();
  private final Label problemLine = new Label();
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();

  /** Fields showing {@code base}; {@code fresh} when it is being drawn (a draft, not yet in the book). */
  public AnnotationEditor(Annotation base, boolean fresh) {
    this.base = base;
    this.fresh = fresh;
    setId("annotation-editor-form");
    setHgap(8);
    setVgap(6);
    getColumnConstraints().addAll(new ColumnConstraints(), new ColumnConstraints(320, 420, Double.MAX_VALUE, Priority.ALWAYS, null, true));
    kind.getItems().setAll(AnnotationKind.values());
    kind.setConverter(new StringConverter<>() {
      @Override
      public String toString(AnnotationKind k) {
        return k == null ? "" : k.word();
      }

      @Override
      public AnnotationKind fromString(String s) {
        return AnnotationKind.ofWord(s);
      }
    });
    AnnotationForm f = AnnotationForm.of(base);
    kind.setValue(f.kind());
    label.setText(f.label());
    text.setText(f.text());
    text.setPrefRowCount(4);
    text.setWrapText(true);
    zone.setText(f.zone());
    zone.setPromptText("example.test.");
    servers.setText(f.servers());
    servers.setPromptText("192.0.2.1, 2001:db8::53");
    start.setText(f.start());
    end.setText(f.end());
    start.setPromptText("2026-11-25 19:09:15.658");
    problemLine.getStyleClass().add("annotation-problem");
    problemLine.setStyle("-fx-text-fill: #b71c1c;");
    setIds();
    rows();
    for (var field : new javafx.scene.control.TextInputControl[] {label, text, zone, servers, start, end}) {
      field.textProperty().addListener(o -> check());
    }
    kind.valueProperty().addListener(o -> {
      outageFields();
      check();
    });
    outageFields();
    check();
  }

  private void setIds() {
    kind.setId("annotation-kind");
    label.setId("annotation-label");
    text.setId("annotation-text");
    zone.setId("annotation-zone");
    servers.setId("annotation-servers");
    start.setId("annotation-start");
    end.setId("annotation-end");
    problemLine.setId("annotation-problem");
  }

  private void rows() {
    addRow(0, new Label("Kind"), kind);
    addRow(1, new Label("Label"), label);
    addRow(2, new Label("Text"), text);
    addRow(3, new Label("Zone"), zone);
    addRow(4, new Label("Servers"), servers);
    addRow(5, new Label("Start (UTC)"), start);
    addRow(6, new Label("End (UTC)"), end);
    add(problemLine, 0, 7, 2, 1);
  }

  /** Zone and servers belong to outages only. */
  private void outageFields() {
    boolean outage = kind.getValue() == AnnotationKind.OUTAGE;
    for (var n : getChildren()) {
      Integer row = GridPane.getRowIndex(n);
      if (row != null && (row == 3 || row == 4)) {
        n.setVisible(outage);
        n.setManaged(outage);
      }
    }
  }

  private void check() {
    String p = form().problem(base, fresh);
    problem.set(p);
    problemLine.setText(p == null ? "" : p);
  }

  /** The fields as typed. */
  public AnnotationForm form() {
    return new AnnotationForm(kind.getValue(), label.getText(), text.getText(), zone.getText(), servers.getText(), start.getText(),
        end.getText());
  }

  /** What is wrong with the fields now, or null when they can be applied. */
  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  /** The annotation the fields make of the base (call only while {@link #problemProperty()} is null). */
  public Annotation result() {
    return form().applyTo(base, fresh);
  }

  /** Puts the caret in the label, all selected, so typing replaces it. */
  public void focusLabel() {
    label.requestFocus();
    label.selectAll();
  }
}
