package org.dnsseismograph.ui.export;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

/**
 * The export form as a dialog: Export (enabled while the settings are valid and nothing is being
 * written) keeps the dialog open while the picture is drawn and written in the background, then
 * closes it; a failure stays on screen in the status line. Cancel closes it. The answer is a future
 * completed on the FX thread with the file written, or empty. FX thread only.
 */
public final class ExportDialog {
  static final ButtonType EXPORT = new ButtonType("Export", ButtonBar.ButtonData.OK_DONE);

  public CompletableFuture<Optional<Path>> show(Window owner, ExportViewModel vm) {
    Dialog<Path> d = new Dialog<>();
    if (owner != null) {
      d.initOwner(owner);
    }
    d.setTitle("Export timeline");
    d.getDialogPane().setId("export-dialog");
    d.getDialogPane().setContent(new ExportView(vm));
    d.getDialogPane().getButtonTypes().setAll(EXPORT, ButtonType.CANCEL);
    Button export = (Button) d.getDialogPane().lookupButton(EXPORT);
    export.setId("export-run");
    export.disableProperty().bind(vm.problemProperty().isNotNull().or(vm.runningProperty()));
    Path[] written = {null};
    export.addEventFilter(ActionEvent.ACTION, e -> {
      e.consume();
      vm.export().whenComplete((p, err) -> {
        if (err == null) {
          written[0] = p;
          d.setResult(p);
          d.close();
        }
      });
    });
    d.setResultConverter(b -> written[0]);
    CompletableFuture<Optional<Path>> answer = new CompletableFuture<>();
    d.setOnHidden(e -> answer.complete(Optional.ofNullable(written[0])));
    d.show();
    return answer;
  }
}
