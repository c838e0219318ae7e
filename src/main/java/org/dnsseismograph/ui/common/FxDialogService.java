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
  private static final int TEXT_COLUMNS = 60;
  private static final int MAX_COLUMNS = 100;
  private static final int MAX_ROWS = 24;

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
    TextArea area = textArea(text, TEXT_COLUMNS);
    area.setWrapText(true);
    // Rows as the lines will wrap, so that a short text needs no scrolling.
    area.setPrefRowCount(Math.min(MAX_ROWS, text.lines().mapToInt(l -> Math.max(1, (l.length() + TEXT_COLUMNS - 1) / TEXT_COLUMNS)).sum() + 1));
    show(title, header, area);
  }

  @Override
  public void showColumns(String title, String header, String text) {
    // As wide as the longest line and the vertical scroll bar beside it, within reason.
    TextArea area = textArea(text, Math.min(MAX_COLUMNS, text.lines().mapToInt(String::length).max().orElse(0) + 5));
    area.setWrapText(false);
    area.setPrefRowCount(Math.min(MAX_ROWS, (int) text.lines().count() + 1));
    area.getStyleClass().add("dialog-columns");
    show(title, header, area);
  }

  private static TextArea textArea(String text, int columns) {
    TextArea area = new TextArea(text);
    area.setEditable(false);
    area.setPrefColumnCount(columns);
    area.getStyleClass().add("dialog-text");
    return area;
  }

  private void show(String title, String header, TextArea area) {
    Alert a = alert(Alert.AlertType.INFORMATION, title, header);
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
