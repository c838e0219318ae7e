package org.dnsseismograph.ui;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.stage.Window;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.ui.common.Actions;
import org.dnsseismograph.workspace.Annotation;
import org.dnsseismograph.workspace.AnnotationKind;
import org.dnsseismograph.workspace.AnnotationState;
import org.dnsseismograph.workspace.WorkspaceJson;

/**
 * Not a test: the child process of {@link AppCrashRecoveryTest}, the real application started as
 * {@code seismograph open FILE} starts it ({@link SeismographApp#launch}), on Monocle's headless
 * screen. Mode {@code edit}: waits until the workspace's capture is loaded and its suspected
 * outage proposed, accepts the proposal through Annotations ▸ Accept selected, adds a note as the
 * editor's OK does, waits until the autosave has written them, prints {@code STATE <base64
 * workspace JSON>} and {@code EDITED}, and stays open until killed. Mode {@code restore}: answers
 * the recovery question with Restore, waits until the sources are loaded again and prints {@code
 * STATE ...} and {@code RESTORED}.
 */
public final class AppCrashChild {
  private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(240);

  private AppCrashChild() {}

  public static void main(String[] args) {
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
    Path file = Path.of(args[1]);
    boolean edit = args[0].equals("edit");
    SeismographApp.launch(new LaunchRequest(List.of(file), null, List.of()), w -> {
      Thread t = new Thread(() -> {
        try {
          if (edit) {
            edit(w, out);
          } else {
            restore(w, out);
          }
        } catch (Exception | AssertionError e) {
          out.println("FAILED " + e);
          System.exit(3);
        }
      }, "crash-child");
      t.setDaemon(true);
      t.start();
    });
  }

  private static void edit(MainWindow w, PrintStream out) throws Exception {
    until("the capture loaded and its outage proposed", () -> loaded(w) && w.session().session().book().all().stream()
        .anyMatch(a -> a.kind() == AnnotationKind.OUTAGE && a.state() == AnnotationState.PROPOSED));
    onFx(() -> {
      WindowSession s = w.session();
      Annotation outage = s.session().book().all().stream().filter(a -> a.kind() == AnnotationKind.OUTAGE).findFirst().orElseThrow();
      s.annotations().select(outage.id());
      if (!w.actionFactory().run(Actions.ACCEPT_ANNOTATION)) {
        throw new IllegalStateException("Accept selected is not enabled");
      }
      TimeRange at = new TimeRange(outage.span().startNanos() + 2_500_000_123L, outage.span().startNanos() + 2_500_000_123L);
      s.annotations().add(Annotation.drawn(AnnotationKind.NOTE, at, "customer call ☎").withText("\"everything is slow\"\nline 2"));
    });
    until("the edits autosaved", () -> w.session().session().autosave().isCurrent());
    out.println("STATE " + state(w));
    out.println("EDITED");
  }

  private static void restore(MainWindow w, PrintStream out) throws Exception {
    until("the recovery question", () -> recoveryDialog() != null);
    onFx(() -> {
      DialogPane pane = recoveryDialog();
      ButtonType restore = pane.getButtonTypes().stream().filter(b -> b.getText().equals("Restore")).findFirst().orElseThrow();
      ((Button) pane.lookupButton(restore)).fire();
    });
    until("the restored workspace loaded", () -> w.session().session().isModified() && loaded(w), () -> describe(w));
    out.println("STATE " + state(w));
    out.println("RESTORED");
  }

  static boolean loaded(MainWindow w) {
    return !w.sources().sources().isEmpty() && !w.sources().loadingProperty().get();
  }

  private static DialogPane recoveryDialog() {
    for (Window win : Window.getWindows()) {
      if (win.getScene() != null && win.getScene().getRoot() instanceof DialogPane p && "recovery-dialog".equals(p.getId())) {
        return p;
      }
    }
    return null;
  }

  private static String state(MainWindow w) throws Exception {
    CompletableFuture<String> json = new CompletableFuture<>();
    Platform.runLater(() -> json.complete(WorkspaceJson.write(w.session().session().snapshot())));
    return Base64.getEncoder().encodeToString(json.get(30, TimeUnit.SECONDS).getBytes(StandardCharsets.UTF_8));
  }

  static void onFx(Runnable r) throws Exception {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Platform.runLater(() -> {
      try {
        r.run();
        done.complete(null);
      } catch (RuntimeException e) {
        done.completeExceptionally(e);
      }
    });
    done.get(30, TimeUnit.SECONDS);
  }

  /** What the window shows, when waiting for it failed. */
  private static String describe(MainWindow w) {
    StringBuilder b = new StringBuilder("sources ").append(w.sources().sources()).append(", loading ").append(w.sources().loadingProperty().get())
        .append(", modified ").append(w.session().session().isModified())
        .append(", status '").append(w.session().workspace().statusProperty().get()).append("', windows:");
    for (Window win : Window.getWindows()) {
      b.append(' ').append(win.getScene() == null ? "?" : win.getScene().getRoot().getId());
      if (win.getScene() != null && win.getScene().getRoot() instanceof DialogPane p) {
        b.append(" '").append(p.getContentText()).append('\'');
      }
    }
    return b.toString();
  }

  static void until(String what, BooleanSupplier onFx) throws Exception {
    until(what, onFx, () -> "");
  }

  private static void until(String what, BooleanSupplier onFx, java.util.function.Supplier<String> diagnosis) throws Exception {
    long start = System.nanoTime();
    while (System.nanoTime() - start < WAIT_NANOS) {
      CompletableFuture<Boolean> ok = new CompletableFuture<>();
      Platform.runLater(() -> ok.complete(onFx.getAsBoolean()));
      if (ok.get(30, TimeUnit.SECONDS)) {
        return;
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
    CompletableFuture<String> d = new CompletableFuture<>();
    Platform.runLater(() -> d.complete(diagnosis.get()));
    throw new IllegalStateException("waited " + TimeUnit.NANOSECONDS.toSeconds(WAIT_NANOS) + " s for " + what + ": " + d.get(30, TimeUnit.SECONDS));
  }
}
