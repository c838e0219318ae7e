package org.dnsseismograph.ui.common;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * {@link DialogService} with JavaFX alerts and the platform's file chooser, owned by the main
 * window so dialogs stay on top of it and take its stylesheets. FX thread only.
 */
public final class FxDialogService implements DialogService {
  private final Window owner;

  public FxDialogService(Window owner) {
    this.owner = owner;
  }

  @Override
  public void showError(String title, String reason) {
    Alert a = alert(Alert.AlertType.ERROR, title, title);
    a.setContentText(reason);
    a.show();
  }

  @Override
  public void showText(String title, String header, String text) {
    Alert a = alert(Alert.AlertType.INFORMATION, title, header);
    TextArea area = new TextArea(text);
    area.setEditable(false);
    area.setWrapText(false);
    area.setPrefRowCount(Math.min(24, (int) text.lines().count() + 1));
    // As wide as the longest line (the shortcuts' keys are padded into a column) and the vertical
    // scroll bar beside it, within reason.
    area.setPrefColumnCount(Math.min(100, Math.max(60, text.lines().mapToInt(String::length).max().orElse(0) + 5)));
    area.getStyleClass().add("dialog-text");
    a.getDialogPane().setContent(area);
    a.show();
  }

  @Override
  public List<Path> chooseFilesToOpen(String title, Path startDir) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(title);
    chooser.getExtensionFilters().addAll(
        new FileChooser.ExtensionFilter("Captures, dnstap logs, exports and workspaces", "*.pcap", "*.pcapng", "*.cap", "*.gz", "*.fstrm",
            "*.dnstap", "*.json", "*.csv", "*.tsv", "*.txt", "*.xml", "*.dump"),
        new FileChooser.ExtensionFilter("All files", "*"));
    if (startDir != null && Files.isDirectory(startDir)) {
      chooser.setInitialDirectory(startDir.toFile());
    }
    List<File> files = chooser.showOpenMultipleDialog(owner);
    return files == null ? List.of() : files.stream().map(File::toPath).toList();
  }

  @Override
  public Path chooseFolderToOpen(String title, Path startDir) {
    DirectoryChooser chooser = new DirectoryChooser();
    chooser.setTitle(title);
    if (startDir != null && Files.isDirectory(startDir)) {
      chooser.setInitialDirectory(startDir.toFile());
    }
    File folder = chooser.showDialog(owner);
    return folder == null ? null : folder.toPath();
  }

  private Alert alert(Alert.AlertType type, String title, String header) {
    Alert a = new Alert(type);
    a.initOwner(owner);
    a.setTitle(title);
    a.setHeaderText(header);
    if (owner != null && owner.getScene() != null) {
      a.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
    }
    return a;
  }
}
