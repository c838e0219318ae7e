package org.dnsseismograph.ui.live;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.dnsseismograph.capture.LiveState;
import org.dnsseismograph.ui.LaunchRequest;
import org.dnsseismograph.ui.MainWindow;
import org.dnsseismograph.ui.SeismographApp;
import org.dnsseismograph.ui.common.UserSettings;

/**
 * The window as {@code seismograph open --live IF} opens it, headless, for {@link
 * NoPermissionTest}'s child JVM run as an unprivileged user: once the capture has failed it prints
 * the live bar's problem line and every dialog shown (title, header, content), then exits.
 *
 * <p>Run: {@code java -Dglass.platform=Monocle -Dmonocle.platform=Headless ... NoPermissionProbe IF SETTINGS-DIR}.
 */
public final class NoPermissionProbe {
  private NoPermissionProbe() {}

  public static void main(String[] args) throws Exception {
    String iface = args[0];
    Path settings = Path.of(args[1]);
    CompletableFuture<MainWindow> built = new CompletableFuture<>();
    Platform.startup(() -> {
      Stage stage = new Stage();
      MainWindow w = SeismographApp.build(stage, new LaunchRequest(List.of(), iface, List.of()), new UserSettings(settings));
      stage.setWidth(1280);
      stage.setHeight(800);
      stage.show();
      built.complete(w);
    });
    MainWindow w = built.get(60, TimeUnit.SECONDS);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String out = null;
    while (out == null && System.nanoTime() < deadline) {
      Thread.sleep(200);
      CompletableFuture<String> f = new CompletableFuture<>();
      Platform.runLater(() -> f.complete(report(w)));
      out = f.get(60, TimeUnit.SECONDS);
    }
    System.out.print(out == null ? "TIMEOUT\n" : out);
    System.exit(0);
  }

  /** The problem and the dialogs once the capture failed and its dialog shows; null before. */
  private static String report(MainWindow w) {
    LiveTimeline live = LiveWindow.of(w).orElseThrow().live();
    if (live.sessions().isEmpty() || live.sessions().get(0).stateProperty().get() != LiveState.FAILED) {
      return null;
    }
    StringBuilder b = new StringBuilder("PROBLEM: " + live.sessions().get(0).problemProperty().get() + "\n");
    for (Window win : Window.getWindows()) {
      if (win != w.stage() && win.getScene() != null && win.getScene().getRoot() instanceof DialogPane d) {
        b.append("DIALOG: ").append(((Stage) win).getTitle()).append(" | ").append(d.getHeaderText()).append(" | ").append(d.getContentText()).append('\n');
      }
    }
    return b.toString().contains("DIALOG: ") ? b.toString() : null;
  }
}
