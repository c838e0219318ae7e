package org.dnsseismograph.ui.sources;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.dnsseismograph.analysis.ClockOffsetSetting;

/**
 * One source in the sources panel: its name, kind and state (or its one-line failure); its clock
 * offset as a field and a handle to drag it in time (as Ctrl+drag on its lanes does); the time
 * zone of an export's local times; whether it is the reference of offset estimates, or else
 * "Estimate offset" with the estimate, its uncertainty and explanation, and Accept / Reject; and
 * warnings (a changed file, a partial import, too coarse for the zoom). FX thread only.
 */
final class SourceCard extends VBox {
  /** Time zones offered first in the zone box (the rest follow alphabetically). */
  private static final String AS_IN_FILE = "as in the file";

  private final Source source;
  private final SourcesViewModel sources;
  private final OffsetField offset;
  private double dragX;
  private long dragStart;

  SourceCard(Source source, SourcesViewModel sources, OffsetsViewModel offsets, ToggleGroup references, DoubleSupplier nanosPerPixel) {
    this.source = source;
    this.sources = sources;
    getStyleClass().add("source-card");
    setId("source-" + source.id());
    setSpacing(4);
    offset = new OffsetField(v -> sources.setOffset(source, v));
    offset.setId("offset-" + source.id());
    getChildren().addAll(header(), status(), fields(nanosPerPixel), estimateRow(offsets, references), warnings());
    source.settingProperty().addListener((o, was, now) -> offset.show(now.correctionNanos()));
    offset.show(source.setting().correctionNanos());
    boolean unknown = source.kind() == SourceKind.UNKNOWN;
    for (int i = 2; i < getChildren().size() - 1; i++) {
      getChildren().get(i).setVisible(!unknown);
      getChildren().get(i).setManaged(!unknown);
    }
  }

  Source source() {
    return source;
  }

  /** The file's path; for a rotated capture, its directory, how many files and the first and last. */
  static String filesText(List<Path> files) {
    if (files.size() == 1) {
      return files.get(0).toString();
    }
    return String.format(Locale.ROOT, "%,d files of one capture in %s:%n%s … %s", files.size(), files.get(0).getParent(),
        files.get(0).getFileName(), files.get(files.size() - 1).getFileName());
  }

  private HBox header() {
    Label dot = new Label("●");
    dot.getStyleClass().add("state-dot");
    source.stateProperty().addListener((o, was, now) -> stateClass(dot));
    stateClass(dot);
    Label name = new Label(source.name());
    name.getStyleClass().add("source-name");
    name.setTooltip(new Tooltip(filesText(source.files())));
    // The end of a name says most: its extension, and a rotated capture's "+59".
    name.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
    name.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(name, Priority.ALWAYS);
    Label kind = new Label(source.kind().text());
    kind.getStyleClass().add("source-kind");
    kind.setMinWidth(Region.USE_PREF_SIZE);
    Button retry = small("⟳", "Load again", () -> sources.reload(source));
    retry.visibleProperty().bind(Bindings.createBooleanBinding(() -> source.kind() != SourceKind.UNKNOWN
        && (source.state() == SourceState.FAILED || source.state() == SourceState.CANCELLED), source.stateProperty()));
    retry.managedProperty().bind(retry.visibleProperty());
    Button close = small("✕", "Close this source", () -> sources.close(source));
    close.setId("close-" + source.id());
    HBox h = new HBox(6, dot, name, kind, retry, close);
    h.setAlignment(Pos.CENTER_LEFT);
    return h;
  }

  private void stateClass(Label dot) {
    dot.getStyleClass().removeIf(c -> c.startsWith("state-") && !c.equals("state-dot"));
    dot.getStyleClass().add("state-" + source.state().name().toLowerCase(java.util.Locale.ROOT));
  }

  private Label status() {
    Label l = new Label();
    l.setId("source-status-" + source.id());
    l.setWrapText(true);
    l.getStyleClass().add("source-status");
    l.textProperty().bind(Bindings.createStringBinding(this::statusText, source.stateProperty(), source.failureProperty(),
        source.descriptionProperty(), source.figuresProperty()));
    source.stateProperty().addListener((o, was, now) -> failedClass(l));
    failedClass(l);
    if (!source.failureDetail().isEmpty()) {
      // Each format tried, one per line: too long for the card, yet what tells a near miss (a CSV
      // whose column is not read as numbers) from a file that was never an export.
      Tooltip why = new Tooltip("Tried as an export:\n" + String.join("\n", source.failureDetail()));
      why.setShowDuration(Duration.INDEFINITE);
      l.setTooltip(why);
    }
    return l;
  }

  private void failedClass(Label l) {
    l.getStyleClass().remove("failure");
    if (source.state() == SourceState.FAILED) {
      l.getStyleClass().add("failure");
    }
  }

  private String statusText() {
    return switch (source.state()) {
      case FAILED -> source.failureProperty().get() + (source.failureDetail().isEmpty() ? "" : " (hover for the formats tried)");
      case CANCELLED -> "cancelled: what was read is shown";
      case LOADING -> {
        double f = source.figuresProperty().get().fractionDone();
        yield "loading" + (Double.isNaN(f) ? "…" : String.format(java.util.Locale.ROOT, " %.0f %%", 100 * f));
      }
      case READY -> source.descriptionProperty().get();
    };
  }

  /** The offset row and, for an export, the time zone row, aligned in a grid. */
  private GridPane fields(DoubleSupplier nanosPerPixel) {
    GridPane g = new GridPane();
    g.setHgap(6);
    g.setVgap(4);
    g.addRow(0, label("Offset"), offsetBox(nanosPerPixel));
    if (source.kind() == SourceKind.EXPORT) {
      g.addRow(1, label("Time zone"), zoneBox());
    }
    return g;
  }

  private HBox offsetBox(DoubleSupplier nanosPerPixel) {
    Label handle = new Label("⇔");
    handle.getStyleClass().add("offset-handle");
    handle.setId("offset-handle-" + source.id());
    handle.setCursor(Cursor.H_RESIZE);
    handle.setTooltip(new Tooltip("Drag sideways to move this source in time (or Ctrl+drag its lanes)"));
    handle.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
      dragX = e.getScreenX();
      dragStart = source.setting().correctionNanos();
    });
    handle.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
      double perPixel = nanosPerPixel.getAsDouble();
      if (perPixel > 0) {
        sources.setOffset(source, LaneDrag.rounded(dragStart + (e.getScreenX() - dragX) * perPixel, perPixel));
      }
    });
    HBox h = new HBox(6, offset, handle);
    h.setAlignment(Pos.CENTER_LEFT);
    return h;
  }

  private ComboBox<String> zoneBox() {
    ComboBox<String> zone = new ComboBox<>();
    zone.setId("zone-" + source.id());
    zone.setEditable(true);
    zone.getItems().add(AS_IN_FILE);
    zone.getItems().add("UTC");
    ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/")).sorted().forEach(zone.getItems()::add);
    zone.setValue(source.setting().zone() == null ? AS_IN_FILE : source.setting().zone().getId());
    zone.setTooltip(new Tooltip("The time zone of local times without an offset in this export (it is read again)"));
    zone.setPrefWidth(170);
    zone.setOnAction(e -> {
      String v = zone.getValue();
      try {
        sources.setZone(source, v == null || v.isBlank() || v.equals(AS_IN_FILE) ? null : ZoneId.of(v.strip()));
        zone.getStyleClass().remove("invalid");
      } catch (java.time.DateTimeException ex) {
        zone.getStyleClass().add("invalid");
      }
    });
    return zone;
  }

  private VBox estimateRow(OffsetsViewModel offsets, ToggleGroup references) {
    RadioButton ref = new RadioButton("reference");
    ref.setId("reference-" + source.id());
    ref.setToggleGroup(references);
    ref.setUserData(source);
    ref.setSelected(sources.referenceProperty().get() == source);
    ref.setTooltip(new Tooltip("Offsets of the other sources are estimated against this one"));
    Button estimate = new Button("Estimate offset");
    estimate.setId("estimate-" + source.id());
    estimate.setOnAction(e -> offsets.estimate(source));
    estimate.disableProperty().bind(Bindings.createBooleanBinding(() -> !offsets.canEstimate(source), source.stateProperty(),
        source.estimatingProperty(), sources.referenceProperty(), sources.revision()));
    Button accept = new Button("Accept");
    accept.setId("accept-" + source.id());
    accept.setOnAction(e -> offsets.accept(source));
    Button reject = new Button("Reject");
    reject.setId("reject-" + source.id());
    reject.setOnAction(e -> offsets.reject(source));
    var isReference = Bindings.createBooleanBinding(() -> sources.referenceProperty().get() == source, sources.referenceProperty());
    estimate.visibleProperty().bind(isReference.not());
    estimate.managedProperty().bind(estimate.visibleProperty());
    var proposed = Bindings.createBooleanBinding(() -> source.setting().decision() == ClockOffsetSetting.Decision.PROPOSED, source.settingProperty());
    for (Button b : new Button[] {accept, reject}) {
      b.visibleProperty().bind(proposed);
      b.managedProperty().bind(proposed);
    }
    HBox buttons = new HBox(6, ref, estimate);
    buttons.setAlignment(Pos.CENTER_LEFT);
    // Under the estimate they decide on, in a row of their own: beside the others they were cut to "A…" and "R…".
    HBox decision = new HBox(6, accept, reject);
    decision.setAlignment(Pos.CENTER_LEFT);
    decision.managedProperty().bind(proposed);
    Label note = new Label();
    note.setId("estimate-note-" + source.id());
    note.getStyleClass().add("estimate-note");
    note.setWrapText(true);
    note.textProperty().bind(source.estimateNoteProperty());
    note.visibleProperty().bind(source.estimateNoteProperty().isNotEmpty());
    note.managedProperty().bind(note.visibleProperty());
    return new VBox(4, buttons, note, decision);
  }

  private VBox warnings() {
    Label warning = warningLabel("warning-" + source.id());
    warning.textProperty().bind(Bindings.when(source.warningProperty().isEmpty()).then("").otherwise(Bindings.concat("⚠ ", source.warningProperty())));
    Label coarse = warningLabel("coarse-" + source.id());
    coarse.textProperty().bind(Bindings.when(source.coarsenessProperty().isEmpty()).then("").otherwise(Bindings.concat("⚠ ", source.coarsenessProperty())));
    Hyperlink apart = new Hyperlink("Open its " + source.files().size() + " files apart");
    apart.setId("apart-" + source.id());
    apart.setTooltip(new Tooltip("Close this source and open each of its files as a source of its own"));
    apart.setOnAction(e -> sources.openApart(source));
    apart.visibleProperty().bind(source.piecesOverlapProperty());
    apart.managedProperty().bind(apart.visibleProperty());
    return new VBox(2, warning, apart, coarse);
  }

  private static Label warningLabel(String id) {
    Label l = new Label();
    l.setId(id);
    l.getStyleClass().add("source-warning");
    l.setWrapText(true);
    l.visibleProperty().bind(l.textProperty().isNotEmpty());
    l.managedProperty().bind(l.visibleProperty());
    return l;
  }

  private static Label label(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("field-label");
    l.setMinWidth(Region.USE_PREF_SIZE);
    return l;
  }

  private static Button small(String text, String tip, Runnable run) {
    Button b = new Button(text);
    b.getStyleClass().add("small-button");
    b.setTooltip(new Tooltip(tip));
    b.setOnAction(e -> run.run());
    b.setFocusTraversable(false);
    return b;
  }
}
