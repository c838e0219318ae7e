package org.dnsseismograph.ui.timeline;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.dnsseismograph.render.LanePlan;
import org.dnsseismograph.render.LanePlanner;
import org.dnsseismograph.render.Palette;
import org.dnsseismograph.render.SyntheticIncident;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.series.TimeRange;

/**
 * Not a test: shows the synthetic incident in a window (run it under Xvfb with {@code
 * -Dprism.order=sw}) and saves what the window shows at full extent, zoomed into the outage with
 * the crosshair on it, and at the outage's first second, as PNGs in the directory given. Run with
 * {@code java -cp target/classes:target/test-classes:<deps> org.dnsseismograph.ui.timeline.TimelineDemo DIR}.
 */
public final class TimelineDemo {
  private TimelineDemo() {}

  public static void main(String[] args) {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/pictures");
    SyntheticIncident inc = SyntheticIncident.hour(150);
    List<SeriesSet> raw = inc.sources();
    List<SeriesSet> sources = List.of(raw.get(0), raw.get(1).shifted(-2 * SyntheticIncident.S));
    LanePlan plan = new LanePlanner(Palette.STANDARD).plan(sources);
    Platform.startup(() -> show(dir, inc, plan));
  }

  private static void show(Path dir, SyntheticIncident inc, LanePlan plan) {
    TimelineViewModel vm = new TimelineViewModel(plan, TimelineViewModel.extentOf(plan), Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "reducer");
      t.setDaemon(true);
      return t;
    }));
    vm.annotationsProperty().set(org.dnsseismograph.render.ExportPictures.annotations(inc));
    TimelineView view = new TimelineView(vm);
    Stage stage = new Stage();
    Scene scene = new Scene(view, 1920, 1080);
    stage.setScene(scene);
    stage.setTitle("DNS Seismograph — timeline");
    stage.show();
    long s = SyntheticIncident.S;
    Deque<Runnable> steps = new ArrayDeque<>(List.of(
        () -> save(scene, dir.resolve("window-full.png")),
        () -> {
          vm.zoomTo(new TimeRange(inc.outage.startNanos() - 20 * s, inc.outage.startNanos() + 40 * s));
          vm.localZoneProperty().set(java.time.ZoneId.of("Europe/Amsterdam"));
          vm.setCrosshair(inc.outage.startNanos() + 2300 * SyntheticIncident.MS);
        },
        () -> save(scene, dir.resolve("window-outage.png")),
        () -> {
          vm.localZoneProperty().set(null);
          vm.zoomTo(new TimeRange(inc.outage.startNanos() - 250 * SyntheticIncident.MS, inc.outage.startNanos() + 750 * SyntheticIncident.MS));
          vm.setCrosshair(inc.outage.startNanos() + 120 * SyntheticIncident.MS);
        },
        () -> save(scene, dir.resolve("window-first-second.png")),
        Platform::exit));
    new AnimationTimer() {
      private int wait = 30;

      @Override
      public void handle(long now) {
        boolean settled = vm.frame() != null && vm.frame().range().equals(vm.visibleRange());
        if (--wait > 0 || !settled) {
          return;
        }
        wait = 20;
        Runnable next = steps.poll();
        if (next != null) {
          next.run();
        }
      }
    }.start();
  }

  private static void save(Scene scene, Path file) {
    try {
      Files.createDirectories(file.getParent());
      WritableImage img = scene.snapshot(null);
      BufferedImage out = SwingFXUtils.fromFXImage(img, new BufferedImage((int) img.getWidth(), (int) img.getHeight(),
          BufferedImage.TYPE_INT_RGB));
      ImageIO.write(out, "png", file.toFile());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
