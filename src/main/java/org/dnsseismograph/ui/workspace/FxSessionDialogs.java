package org.dnsseismograph.ui.workspace;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.dnsseismograph.workspace.Recovery;
import org.dnsseismograph.workspace.SourceCheck;

/**
 * {@link SessionDialogs} as JavaFX dialogs over the window: file choosers for workspaces and
 * sources, and alerts (shown without a nested event loop; the answer completes the future when the
 * alert closes) for recovery, unsaved changes and sources that moved or changed. The window's own
 * dialog service can take its place. FX thread only.
 */
public final class FxSessionDialogs implements SessionDialogs {
  static final ButtonType RESTORE = new ButtonType("Restore", ButtonBar.ButtonData.YES);
  static final ButtonType DISCARD_COPY = new ButtonType("Discard them", ButtonBar.ButtonData.NO);
  static final ButtonType LOCATE = new ButtonType("Locate…", ButtonBar.ButtonData.YES);
  static final ButtonType MARK_MISSING = new ButtonType("Mark missing", ButtonBar.ButtonData.NO);
  static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.YES);
  static final ButtonType DONT_SAVE = new ButtonType("Don't save", ButtonBar.ButtonData.NO);

  private final Supplier<Window> owner;

  /** Dialogs over the window {@code owner} gives at the time of asking (may give null). */
  public FxSessionDialogs(Supplier<Window> owner) {
    this.owner = owner;
  }

  @Override
  public CompletableFuture<Optional<Path>> chooseWorkspaceToOpen() {
    FileChooser c = chooser("Open workspace", null);
    File f = c.showOpenDialog(owner.get());
    return CompletableFuture.completedFuture(Optional.ofNullable(f).map(File::toPath));
  }

  @Override
  public CompletableFuture<Optional<Path>> chooseWorkspaceToSave(Path suggested) {
    FileChooser c = chooser("Save workspace", suggested);
    File f = c.showSaveDialog(owner.get());
    return CompletableFuture.completedFuture(Optional.ofNullable(f).map(File::toPath));
  }

  @Override
  public CompletableFuture<Boolean> offerRecovery(Recovery r) {
    Alert a = alert("Restore unsaved edits?", "DNS Seismograph did not end cleanly. Restore the unsaved edits?\n\n" + r.describe(),
        RESTORE, DISCARD_COPY);
    a.getDialogPane().setId("recovery-dialog");
    return ask(a).thenApply(b -> b == RESTORE);
  }

  @Override
  public CompletableFuture<SourceAnswer> locateSource(SourceCheck check) {
    Alert a = alert("Source not found", check.describe() + "\n\nLocate the file, or go on without it (everything else is kept)?", LOCATE,
        MARK_MISSING);
    a.getDialogPane().setId("locate-source-dialog");
    return ask(a).thenApply(b -> {
      if (b != LOCATE) {
        return SourceAnswer.markMissing();
      }
      FileChooser c = new FileChooser();
      c.setTitle("Where is " + check.ref().name() + "?");
      Path dir = check.file().getParent();
      if (dir != null && dir.toFile().isDirectory()) {
        c.setInitialDirectory(dir.toFile());
      }
      c.setInitialFileName(check.file().getFileName().toString());
      File f = c.showOpenDialog(owner.get());
      return f == null ? SourceAnswer.markMissing() : SourceAnswer.locatedAt(f.toPath());
    });
  }

  @Override
  public CompletableFuture<Unsaved> confirmUnsaved(String name) {
    Alert a = alert("Unsaved changes", "Save the changes to " + name + "?", SAVE, DONT_SAVE, ButtonType.CANCEL);
    a.getDialogPane().setId("unsaved-dialog");
    return ask(a).thenApply(b -> b == SAVE ? Unsaved.SAVE : b == DONT_SAVE ? Unsaved.DISCARD : Unsaved.CANCEL);
  }

  @Override
  public void showError(String message) {
    Alert a = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
    a.initOwner(owner.get());
    a.setHeaderText(null);
    a.getDialogPane().setId("session-error");
    a.show();
  }

  private Alert alert(String title, String text, ButtonType... buttons) {
    Alert a = new Alert(Alert.AlertType.CONFIRMATION, text, buttons);
    Window w = owner.get();
    if (w != null) {
      a.initOwner(w);
    }
    a.setTitle(title);
    a.setHeaderText(null);
    return a;
  }

  private static CompletableFuture<ButtonType> ask(Alert a) {
    CompletableFuture<ButtonType> answer = new CompletableFuture<>();
    a.setOnHidden(e -> answer.complete(a.getResult()));
    a.show();
    return answer;
  }

  private static FileChooser chooser(String title, Path suggested) {
    FileChooser c = new FileChooser();
    c.setTitle(title);
    c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Workspaces", "*.json"), new FileChooser.ExtensionFilter("All files",
        "*"));
    if (suggested != null) {
      Path dir = suggested.toAbsolutePath().getParent();
      if (dir != null && dir.toFile().isDirectory()) {
        c.setInitialDirectory(dir.toFile());
      }
      c.setInitialFileName(suggested.getFileName().toString());
    }
    return c;
  }
}
