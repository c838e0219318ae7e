package org.dnsseismograph.ui.annotations;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;
import org.dnsseismograph.workspace.Annotation;

/**
 * The annotation editor as a dialog: OK (enabled only while the fields can be applied) or Cancel.
 * It does not block: the answer comes as a future, completed on the FX thread when the dialog
 * closes, with the edited annotation or empty. FX thread only.
 */
public final class AnnotationEditorDialog {

  /**
   * Opens the editor on {@code base} over {@code owner} (may be null).
   *
   * @param fresh true when {@code base} is a draft being drawn (the title says "New …")
   */
  public CompletableFuture<Optional<Annotation>> edit(Window owner, Annotation base, boolean fresh) {
    AnnotationEditor editor = new AnnotationEditor(base, fresh);
    Dialog<Annotation> d = new Dialog<>();
    if (owner != null) {
      d.initOwner(owner);
    }
    d.setTitle(fresh ? "New " + base.kind().word() : "Edit " + base.kind().word() + " '" + base.label() + "'");
    d.setHeaderText(null);
    d.getDialogPane().setId("annotation-editor");
    d.getDialogPane().setContent(editor);
    d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
    Button ok = (Button) d.getDialogPane().lookupButton(ButtonType.OK);
    ok.setId("annotation-ok");
    ok.disableProperty().bind(editor.problemProperty().isNotNull());
    ((Button) d.getDialogPane().lookupButton(ButtonType.CANCEL)).setId("annotation-cancel");
    d.setResultConverter(b -> b == ButtonType.OK ? editor.result() : null);
    CompletableFuture<Optional<Annotation>> answer = new CompletableFuture<>();
    d.setOnHidden(e -> answer.complete(Optional.ofNullable(d.getResult())));
    d.setOnShown(e -> editor.focusLabel());
    d.show();
    return answer;
  }
}
