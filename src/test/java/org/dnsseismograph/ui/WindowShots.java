package org.dnsseismograph.ui;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ListView;
import javax.imageio.ImageIO;
import org.dnsseismograph.ui.common.Actions;
import org.dnsseismograph.ui.panel.Detection;
import org.dnsseismograph.workspace.Annotation;
import org.dnsseismograph.workspace.AnnotationKind;

/**
 * Not a test: takes the README's pictures of the window (run under Xvfb, see
 * docs/figures/evidence.md). Starts the real application on the workspace named by the first
 * argument (a copy of the demo's), waits until the sources are loaded and the detector has
 * proposed the outage, accepts it through Annotations ▸ Accept selected, and writes the window as
 * it is shown: at full extent ({@code window-demo-full.png}) and after a click on the outage in the
 * detections list ({@code window-demo-outage.png}) into the directory of the second argument; then
 * saves the workspace (with the accepted outage) beside itself as {@code
 * demo-annotated.seismograph.json} and quits.
 */
public final class WindowShots {
  private WindowShots() {}

  public static void main(String[] args) {
    Path file = Path.of(args[0]);
    Path out = Path.of(args[1]);
    SeismographApp.launch(new LaunchRequest(List.of(file), null, List.of()), w -> {
      Thread t = new Thread(() -> {
        try {
          shoot(w, out, file.resolveSibling("demo-annotated.seismograph.json"));
        } catch (Exception | AssertionError e) {
          e.printStackTrace();
          System.exit(3);
        }
        System.exit(0);
      }, "shots");
      t.setDaemon(true);
      t.start();
    });
  }

  private static void shoot(MainWindow w, Path out, Path saveAs) throws Exception {
    AppCrashChild.until("loaded and proposed", () -> AppCrashChild.loaded(w) && w.session().session().book().all().stream()
        .anyMatch(a -> a.kind() == AnnotationKind.OUTAGE));
    AppCrashChild.onFx(() -> {
      Annotation outage = w.session().session().book().all().stream().filter(a -> a.kind() == AnnotationKind.OUTAGE).findFirst().orElseThrow();
      w.session().annotations().select(outage.id());
      w.actionFactory().run(Actions.ACCEPT_ANNOTATION);
      w.actionFactory().run(Actions.SHOW_ALL);
    });
    settle();
    snapshot(w, out.resolve("window-demo-full.png"));
    AppCrashChild.onFx(() -> {
      @SuppressWarnings("unchecked")
      ListView<Detection> list = (ListView<Detection>) w.scene().lookup("#detections");
      Detection outage = list.getItems().stream().filter(d -> d.kind() == Detection.Kind.OUTAGE).findFirst().orElseThrow();
      list.getSelectionModel().select(outage);
      list.scrollTo(outage);
      w.timeline().zoomTo(outage.zoomRange());
    });
    settle();
    snapshot(w, out.resolve("window-demo-outage.png"));
    CompletableFuture<Boolean> saved = new CompletableFuture<>();
    Platform.runLater(() -> w.session().workspace().saveTo(saveAs).thenAccept(saved::complete));
    if (!saved.get(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("not saved: " + saveAs);
    }
  }

  /** Time for the side panel's sums and a few frames. */
  private static void settle() throws InterruptedException {
    TimeUnit.SECONDS.sleep(6);
  }

  private static void snapshot(MainWindow w, Path png) throws Exception {
    CompletableFuture<BufferedImage> img = new CompletableFuture<>();
    Platform.runLater(() -> {
      var fx = w.scene().snapshot(null);
      img.complete(SwingFXUtils.fromFXImage(fx, new BufferedImage((int) fx.getWidth(), (int) fx.getHeight(), BufferedImage.TYPE_INT_ARGB)));
    });
    Files.createDirectories(png.getParent());
    ImageIO.write(img.get(30, TimeUnit.SECONDS), "png", png.toFile());
  }
}
