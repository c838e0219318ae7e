package org.dnsseismograph.ui.live;

import java.io.File;
import java.time.Instant;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.dnsseismograph.capture.CaptureInterface;
import org.dnsseismograph.capture.CaptureInterfaces;
import org.dnsseismograph.capture.LiveCaptureConfig;
import org.dnsseismograph.ui.common.TaskRunner;

/**
 * Capture ▸ Live…: the {@link LiveForm} as a dialog. The interfaces are listed by libpcap on the task
 * runner (no capture rights needed); Start is refused with the reason under the fields while they
 * are wrong. The dialog's result is the {@link LiveRequest}. FX thread only.
 */
final class LiveDialog extends Dialog<LiveRequest> {
  static final ButtonType START = new ButtonType("Start", ButtonBar.ButtonData.OK_DONE);

  private final LiveForm form;
  private final Label error = new Label();

  LiveDialog(LiveForm form, TaskRunner tasks, Window owner) {
    this.form = form;
    if (owner != null) {
      initOwner(owner);
    }
    setTitle("Live capture");
    setHeaderText("Watch DNS as it happens: capture on an interface, or receive a resolver's dnstap stream");
    getDialogPane().setId("live-dialog");
    getDialogPane().getButtonTypes().addAll(START, ButtonType.CANCEL);
    getDialogPane().setContent(fields());
    Button start = (Button) getDialogPane().lookupButton(START);
    start.setId("live-start");
    // Start closes the dialog only once the request holds and its recording directory takes it;
    // that check is I/O, so it runs on the task runner while Start waits.
    start.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
      e.consume();
      LiveRequest request;
      try {
        request = form.request(Instant.now());
      } catch (IllegalArgumentException ex) {
        error.setText(ex.getMessage());
        return;
      }
      start.setDisable(true);
      error.setText("");
      tasks.submit("Checking where to record", p -> {
        if (request.recording() != null) {
          LiveForm.checkDirectory(request.recording());
        }
        return request;
      }, new TaskRunner.Outcome<LiveRequest>() {
        @Override
        public void succeeded(LiveRequest checked) {
          setResult(checked);
          close();
        }

        @Override
        public void failed(Throwable ex) {
          start.setDisable(false);
          error.setText(ex.getMessage());
        }
      });
    });
    setResultConverter(b -> null);
    tasks.submit("Listing interfaces", p -> CaptureInterfaces.list(), new TaskRunner.Outcome<List<CaptureInterface>>() {
      @Override
      public void succeeded(List<CaptureInterface> found) {
        form.setInterfaces(found);
      }

      @Override
      public void failed(Throwable e) {
        error.setText(e.getMessage());
      }
    });
  }

  private GridPane fields() {
    ToggleGroup kind = new ToggleGroup();
    RadioButton onInterface = new RadioButton("Capture on interface");
    onInterface.setId("live-kind-capture");
    RadioButton onDnstap = new RadioButton("dnstap socket");
    onDnstap.setId("live-kind-dnstap");
    onInterface.setToggleGroup(kind);
    onDnstap.setToggleGroup(kind);
    onInterface.setSelected(!form.dnstap.get());
    onDnstap.setSelected(form.dnstap.get());
    form.dnstap.bind(onDnstap.selectedProperty());
    ComboBox<CaptureInterface> interfaces = interfaceChooser();
    TextField filter = new TextField();
    filter.setId("live-filter");
    filter.setPrefColumnCount(40);
    filter.textProperty().bindBidirectional(form.filter);
    Spinner<Integer> snap = new Spinner<>(64, LiveCaptureConfig.MAX_SNAP_LENGTH, form.snapLength.get(), 64);
    snap.setId("live-snap");
    snap.setEditable(true);
    snap.valueProperty().addListener((o, was, now) -> form.snapLength.set(now));
    TextField endpoint = new TextField();
    endpoint.setId("live-endpoint");
    endpoint.textProperty().bindBidirectional(form.endpoint);
    TextField dir = new TextField();
    dir.setId("live-record-dir");
    // wide enough for the default path under a home directory, as the filter above is
    dir.setPrefColumnCount(32);
    HBox.setHgrow(dir, javafx.scene.layout.Priority.ALWAYS);
    // Spikes and suspected outages are found in the recording: say so where the choice is made.
    dir.setPromptText("none: no detections");
    dir.setTooltip(new javafx.scene.control.Tooltip("Where every captured frame is written as it arrives (made if missing). The recording is"
        + " also what the detectors read, every 15 s or more, to list spikes and propose suspected outages: without one, this source is"
        + " not checked. Only the newest files are kept, within the size below: of this recording and of the earlier ones there."));
    dir.textProperty().bindBidirectional(form.recordDirectory);
    Button browse = new Button("Choose…");
    browse.setOnAction(e -> {
      File f = new DirectoryChooser().showDialog(getDialogPane().getScene().getWindow());
      if (f != null) {
        form.recordDirectory.set(f.toString());
      }
    });
    Spinner<Integer> mib = new Spinner<>(0, 1 << 20, form.rotateMegabytes.get(), 10);
    mib.setId("live-rotate-mib");
    mib.setEditable(true);
    mib.valueProperty().addListener((o, was, now) -> form.rotateMegabytes.set(now));
    Spinner<Integer> seconds = new Spinner<>(0, 7 * 86_400, form.rotateSeconds.get(), 60);
    seconds.setId("live-rotate-seconds");
    seconds.setEditable(true);
    seconds.valueProperty().addListener((o, was, now) -> form.rotateSeconds.set(now));
    Spinner<Integer> keep = new Spinner<>(0, 1 << 24, form.keepMegabytes.get(), 1024);
    keep.setId("live-keep-mib");
    keep.setEditable(true);
    keep.valueProperty().addListener((o, was, now) -> form.keepMegabytes.set(now));
    for (var n : List.of(interfaces, filter, snap)) {
      n.disableProperty().bind(onDnstap.selectedProperty());
    }
    endpoint.disableProperty().bind(onInterface.selectedProperty());
    error.setId("live-form-error");
    error.getStyleClass().add("failure");
    error.setWrapText(true);
    GridPane g = new GridPane();
    g.setHgap(8);
    g.setVgap(6);
    g.setPadding(new Insets(10));
    int r = 0;
    g.addRow(r++, onInterface, interfaces);
    g.addRow(r++, new Label("BPF filter"), filter);
    g.addRow(r++, new Label("Snap length (bytes)"), snap);
    g.addRow(r++, onDnstap, endpoint);
    g.addRow(r++, new Label("Record into"), new HBox(6, dir, browse));
    g.addRow(r++, new Label("New file every (MiB, 0: never)"), mib);
    g.addRow(r++, new Label("New file every (s, 0: never)"), seconds);
    g.addRow(r++, new Label("Keep the newest (MiB, 0: all)"), keep);
    g.add(error, 0, r, 2, 1);
    return g;
  }

  private ComboBox<CaptureInterface> interfaceChooser() {
    ComboBox<CaptureInterface> box = new ComboBox<>();
    box.setId("live-interface");
    box.setConverter(new StringConverter<>() {
      @Override
      public String toString(CaptureInterface i) {
        return i == null ? "" : LiveForm.describe(i);
      }

      @Override
      public CaptureInterface fromString(String s) {
        return null;
      }
    });
    form.interfaces.addListener((o, was, now) -> {
      box.getItems().setAll(now);
      now.stream().filter(i -> i.name().equals(form.interfaceName.get())).findFirst().ifPresent(box::setValue);
    });
    box.valueProperty().addListener((o, was, now) -> {
      if (now != null) {
        form.interfaceName.set(now.name());
      }
    });
    return box;
  }
}
