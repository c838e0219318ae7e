package org.dnsseismograph.ui.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.dnsseismograph.render.EvidenceBundle;
import org.dnsseismograph.render.ExportRequest;
import org.dnsseismograph.render.ExportResult;
import org.dnsseismograph.render.Java2dPainter;
import org.dnsseismograph.render.TimelineExport;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.ui.annotations.SpanText;
import org.dnsseismograph.ui.timeline.TimelineViewModel;
import org.dnsseismograph.workspace.Workspace;
import org.dnsseismograph.workspace.WorkspaceSession;

/**
 * The export dialog's state and its one command: the format (PNG, SVG, or an evidence bundle
 * zip), the size in pixels and the scale for high-DPI PNGs, the range (the timeline's current view,
 * or a range typed in UTC to the millisecond) and the target file, with a line saying what is
 * wrong while the export cannot run. {@link #export()} takes the picture as it is on screen at
 * that moment (lanes, annotations, sources, title) and draws and writes it on the background
 * executor, through the same {@link TimelineExport} as the command line.
 *
 * <p>FX thread only; the export's future completes on the FX executor.
 */
public final class ExportViewModel {
  /** What the export writes. */
  public enum Format {
    PNG(".png"),
    SVG(".svg"),
    /** The evidence bundle: both pictures, the annotations, the workspace and a manifest. */
    BUNDLE(".zip");

    private final String extension;

    Format(String extension) {
      this.extension = extension;
    }

    public String extension() {
      return extension;
    }
  }

  private final Supplier<ExportRequest> picture;
  private final Function<Path, Workspace> bundleContent;
  private final Executor background;
  private final Executor fx;
  private final Clock clock;
  private final ObjectProperty<Format> format = new SimpleObjectProperty<>(Format.PNG);
  private final IntegerProperty width = new SimpleIntegerProperty(1920);
  private final IntegerProperty height = new SimpleIntegerProperty(1080);
  private final DoubleProperty scale = new SimpleDoubleProperty(1);
  private final BooleanProperty currentView = new SimpleBooleanProperty(true);
  private final StringProperty from = new SimpleStringProperty("");
  private final StringProperty to = new SimpleStringProperty("");
  private final ObjectProperty<Path> target = new SimpleObjectProperty<>();
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper lanesNote = new ReadOnlyStringWrapper("");
  /** The least height that leaves no lane out, for {@link #fitAllLanes()}; the height asked while none is. */
  private int heightForAll;
  /** Measures the export's text as the export will (Java2D fonts), on the FX thread only. */
  private final Java2dPainter measure = new Java2dPainter(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics());

  /**
   * @param picture the picture of the current view at the moment of asking (any size; size, scale
   *     and range are set from the dialog)
   * @param bundleContent the workspace as a bundle stores it, given the bundle's path
   */
  public ExportViewModel(Supplier<ExportRequest> picture, Function<Path, Workspace> bundleContent, Executor background, Executor fx,
      Clock clock) {
    this.picture = picture;
    this.bundleContent = bundleContent;
    this.background = background;
    this.fx = fx;
    this.clock = clock;
    format.addListener((o, was, now) -> {
      Path t = target.get();
      if (t != null && t.getFileName() != null) {
        String name = t.getFileName().toString();
        String base = name.endsWith(was.extension()) ? name.substring(0, name.length() - was.extension().length()) : name;
        target.set(t.resolveSibling(base + now.extension()));
      }
    });
    for (Observable o : new Observable[] {format, width, height, scale, currentView, from, to, target}) {
      o.addListener(x -> check());
    }
    check();
  }

  /** The export of what {@code timeline} shows of {@code session}'s workspace. */
  public static ExportViewModel of(TimelineViewModel timeline, WorkspaceSession session, Executor background, Executor fx) {
    Supplier<ExportRequest> picture = () -> new ExportRequest(timeline.plan(), session.book().all(), session.sources(),
        timeline.visibleRange(), 1920, 1080, 1, session.title(), timeline.localZoneProperty().get());
    Function<Path, Workspace> content = zip -> session.contentFor(session.file() != null ? session.file() : zip);
    ExportViewModel vm = new ExportViewModel(picture, content, background, fx, Clock.systemUTC());
    vm.fillRangeFromView();
    return vm;
  }

  public ObjectProperty<Format> formatProperty() {
    return format;
  }

  public IntegerProperty widthProperty() {
    return width;
  }

  public IntegerProperty heightProperty() {
    return height;
  }

  /** Device pixels per pixel of a PNG (2 for a high-DPI screen). */
  public DoubleProperty scaleProperty() {
    return scale;
  }

  /** True: the range the timeline shows when exporting; false: {@link #fromProperty()} to {@link #toProperty()}. */
  public BooleanProperty currentViewProperty() {
    return currentView;
  }

  /** The start of a given range, UTC ({@link SpanText}). */
  public StringProperty fromProperty() {
    return from;
  }

  public StringProperty toProperty() {
    return to;
  }

  public ObjectProperty<Path> targetProperty() {
    return target;
  }

  /** What is wrong with the settings, or null when the export can run. */
  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  /** "Wrote /tmp/x.png (3840×2160)", or why it failed. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** Fills the given range's fields with the timeline's view now (a starting point for typing). */
  public void fillRangeFromView() {
    TimeRange v = picture.get().range();
    from.set(SpanText.format(v.startNanos()));
    to.set(SpanText.format(v.endNanos()));
  }

  /**
   * Draws and writes the export in the background; completes with the file written, or
   * exceptionally with an {@link IOException} or {@link IllegalArgumentException} (also set as the
   * status).
   *
   * @throws IllegalStateException when called while {@link #problemProperty()} is set
   */
  public CompletableFuture<Path> export() {
    if (problem.get() != null) {
      throw new IllegalStateException(problem.get());
    }
    ExportRequest r = request();
    Path out = target.get();
    Format f = format.get();
    Workspace content = f == Format.BUNDLE ? bundleContent.apply(out) : null;
    running.set(true);
    status.set("Exporting " + out.getFileName() + "…");
    CompletableFuture<String> written = CompletableFuture.supplyAsync(() -> {
      try {
        if (f == Format.BUNDLE) {
          EvidenceBundle.write(r, content, out, clock.instant());
          return "";
        }
        return TimelineExport.write(r, out).summary();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, background).whenCompleteAsync((note, e) -> {
      running.set(false);
      Throwable cause = e == null ? null : e.getCause() instanceof UncheckedIOException u ? u.getCause() : e.getCause() != null
          ? e.getCause() : e;
      status.set(e == null ? String.format(Locale.ROOT, "Wrote %s (%d×%d)%s", out, Math.round(r.width() * r.scale()), Math.round(r.height()
          * r.scale()), note.isEmpty() ? "" : "; " + note) : "Export failed: " + cause.getMessage());
    }, fx);
    return written.thenApply(note -> out);
  }

  /**
   * What the picture at the dialog's size leaves out: which lanes do not fit its height at their
   * least readable sizes and the height that shows them all; empty when every shown lane fits (or
   * while the dialog's values are wrong).
   */
  public ReadOnlyStringProperty lanesNoteProperty() {
    return lanesNote.getReadOnlyProperty();
  }

  /** Makes the picture tall enough for every shown lane at its readable height (at most {@link ExportRequest#MAX_SIZE}). */
  public void fitAllLanes() {
    if (heightForAll > height.get()) {
      height.set(heightForAll);
    }
  }

  /** The picture the export draws, with the dialog's size, scale and range. */
  public ExportRequest request() {
    ExportRequest base = picture.get();
    TimeRange range = currentView.get() ? base.range() : new TimeRange(SpanText.parse(from.get()), SpanText.parse(to.get()));
    return base.withSize(width.get(), height.get(), format.get() == Format.SVG ? 1 : scale.get()).withRange(range);
  }

  private void check() {
    problem.set(findProblem());
    ExportResult fit = problem.get() == null ? TimelineExport.result(request(), measure) : new ExportResult(List.of(), height.get());
    heightForAll = fit.heightForAll();
    lanesNote.set(fit.leftLanesOut() ? "At this height " + fit.summary() : "");
  }

  private String findProblem() {
    if (width.get() < ExportRequest.MIN_SIZE || height.get() < ExportRequest.MIN_SIZE || width.get() > ExportRequest.MAX_SIZE
        || height.get() > ExportRequest.MAX_SIZE) {
      return "width and height must be " + ExportRequest.MIN_SIZE + " to " + ExportRequest.MAX_SIZE + " pixels";
    }
    if (!(scale.get() >= 0.5 && scale.get() <= 4)) {
      return "scale must be 0.5 to 4";
    }
    if (!currentView.get()) {
      try {
        if (SpanText.parse(to.get()) <= SpanText.parse(from.get())) {
          return "the range must end after it starts";
        }
      } catch (IllegalArgumentException e) {
        return e.getMessage();
      }
    }
    Path t = target.get();
    if (t == null || t.getFileName() == null) {
      return "choose a file to write";
    }
    if (!t.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(format.get().extension())) {
      return "a " + format.get().name() + " export is written to a " + format.get().extension() + " file";
    }
    return null;
  }
}
