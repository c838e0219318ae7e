package org.dnsseismograph.ui.timeline;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.WeakInvalidationListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import org.dnsseismograph.render.AnnotationLabelLayout;
import org.dnsseismograph.render.Lane;
import org.dnsseismograph.render.LaneBox;
import org.dnsseismograph.render.LayoutSpec;
import org.dnsseismograph.render.PlacedLabel;
import org.dnsseismograph.render.Palette;
import org.dnsseismograph.render.TimelineLayout;
import org.dnsseismograph.render.TimelinePainter;

/**
 * The timeline on screen: the layers (axes, annotations, series, overlay) drawn through the shared
 * {@link TimelinePainter} on two stacked canvases (the first three on the bottom one, the overlay
 * on top), the overview strip under them, and the crosshair readout. The lanes' data is filled
 * into a pixel buffer and drawn as one image ({@link RasterPainter}). Changes to the view model
 * only set dirty flags; the {@link FrameTicker} redraws the dirty canvases once per frame, taking
 * up a new frame of reduced series when one has arrived (until then the previous frame is drawn at
 * the new geometry, each bucket at its own time).
 *
 * <p>Lanes are never squeezed below the height they stay readable at ({@link
 * TimelineLayout#scrolled}): when they do not all fit, they scroll between the top and the time
 * axis, which stays in place, with a scroll bar in the right margin, Page Up and Page Down while the
 * timeline has the focus, and the mouse wheel over the lanes' names (over the plot the wheel zooms).
 *
 * <p>Embed it anywhere; it starts its frame timer when shown in a scene and stops it when removed.
 * FX thread only.
 */
public final class TimelineView extends Region {
  /** Longest wait of a new window's axes for its frame (see {@link #awaitsFrame}). */
  static final long AWAIT_FRAME_MILLIS = 100;

  /** Height of the overview strip. */
  public static final double OVERVIEW_HEIGHT = 84;

  private final TimelineViewModel vm;
  private final TimelinePainter painter = new TimelinePainter(Palette.STANDARD);
  private final Map<Layer, Canvas> canvases = new EnumMap<>(Layer.class);
  private final Map<Layer, FxCanvasPainter> painters = new EnumMap<>(Layer.class);
  private final EnumSet<Layer> dirty = EnumSet.allOf(Layer.class);
  private final OverviewStrip overview;
  private final ReadoutBox readout;
  private final FrameTicker ticker = new FrameTicker(this::frame);
  private final InvalidationListener showingChanged = o -> followShowing();
  private final WeakInvalidationListener weakShowingChanged = new WeakInvalidationListener(showingChanged);
  private Scene watchedScene;
  private Window watchedWindow;
  private final LaneScroll scroll = new LaneScroll(this::scrolled);
  private RasterPainter seriesRaster;
  private SeriesDrawing seriesDrawing;
  private TimelineLayout layout;
  private List<PlacedLabel> labels = List.of();
  private double selectionFrom = Double.NaN;
  private double selectionTo = Double.NaN;
  /** When the view began to wait for a frame ({@link #awaitsFrame}), or -1. */
  private long awaitingSince = -1;
  /** Whether the overlay drew anything last time (it starts dirty, so it is drawn once at first). */
  private boolean overlayShown;

  public TimelineView(TimelineViewModel vm) {
    this.vm = vm;
    getStyleClass().add("timeline-view");
    setId("timeline");
    // Axes, annotations and series share the bottom canvas: with the software renderer every
    // full-window layer costs a blend of every pixel on each frame, and a zoom or a pan redraws
    // all three anyway. The overlay keeps its own, as the mouse redraws it alone.
    for (Layer l : new Layer[] {Layer.AXES, Layer.OVERLAY}) {
      Canvas c = new Canvas();
      c.setId("timeline-" + l.name().toLowerCase(java.util.Locale.ROOT));
      c.setMouseTransparent(l != Layer.OVERLAY);
      canvases.put(l, c);
      painters.put(l, new FxCanvasPainter(c.getGraphicsContext2D()));
      getChildren().add(c);
    }
    painters.put(Layer.ANNOTATIONS, painters.get(Layer.AXES));
    painters.put(Layer.SERIES, painters.get(Layer.AXES));
    overview = new OverviewStrip(vm, painter);
    readout = new ReadoutBox(vm);
    getChildren().addAll(overview, readout, scroll.bar());
    setFocusTraversable(true);
    setMinSize(400, 240);
    setPrefSize(1280, 800);
    vm.visibleRangeProperty().addListener(this::viewChanged);
    vm.planProperty().addListener(this::viewChanged);
    vm.localZoneProperty().addListener(this::viewChanged);
    vm.annotationsProperty().addListener(o -> mark(Layer.ANNOTATIONS, Layer.OVERVIEW));
    vm.selectedAnnotationProperty().addListener(o -> mark(Layer.ANNOTATIONS));
    vm.crosshairProperty().addListener(o -> mark(Layer.OVERLAY));
    vm.extentProperty().addListener(o -> mark(Layer.OVERVIEW));
    new ZoomGestures(this).install();
    new LaneGestures(this).install();
    sceneProperty().addListener(o -> followShowing());
  }

  /**
   * Runs the frame timer while the view is in a scene whose window shows. Not only while it is in a
   * scene: a hidden window keeps its scene, and its timer, held by the toolkit, kept the whole
   * window reachable and drawing. The window is watched through a weak listener, so a stage that
   * shows one view after another does not hold the old ones.
   */
  private void followShowing() {
    Scene s = getScene();
    if (s != watchedScene) {
      moveListener(watchedScene, s, Scene::windowProperty);
      watchedScene = s;
    }
    Window w = s == null ? null : s.getWindow();
    if (w != watchedWindow) {
      moveListener(watchedWindow, w, Window::showingProperty);
      watchedWindow = w;
    }
    if (w != null && w.isShowing()) {
      ticker.start();
    } else {
      ticker.stop();
    }
  }

  /** Moves the weak showing listener from {@code was}'s property to {@code now}'s (either may be null). */
  private <T> void moveListener(T was, T now, Function<T, Observable> property) {
    if (was != null) {
      property.apply(was).removeListener(weakShowingChanged);
    }
    if (now != null) {
      property.apply(now).addListener(weakShowingChanged);
    }
  }

  public TimelineViewModel viewModel() {
    return vm;
  }

  /** The geometry drawn last (null before the first frame): gestures map pixels to time through it. */
  public TimelineLayout timelineLayout() {
    return layout;
  }

  public FrameTicker ticker() {
    return ticker;
  }

  /** The canvas that takes the mouse (the top layer). */
  Canvas overlayCanvas() {
    return canvases.get(Layer.OVERLAY);
  }

  /**
   * The node that takes the mouse, for gestures of other packages (drawing annotations): its
   * coordinates are the view's. An event filter installed here that consumes a press takes the
   * gesture from panning and box zoom; handlers added here run after the timeline's own.
   */
  public Node gestureSurface() {
    return overlayCanvas();
  }

  OverviewStrip overview() {
    return overview;
  }

  /**
   * The annotation label at {@code (x, y)} in the view's coordinates, or null: for tooltips with
   * the full text of a cut label, and for selecting an annotation by clicking its label.
   */
  public PlacedLabel labelAt(double x, double y) {
    for (PlacedLabel p : labels) {
      if (p.contains(x, y) && layout != null && y >= layout.viewportTop() && y < layout.viewportBottom()) {
        return p;
      }
    }
    return null;
  }

  /** How far the lanes are scrolled up, in logical pixels (0 when they all fit). */
  public double laneScroll() {
    return scroll.offset();
  }

  /** Scrolls the lanes so that {@code y} logical pixels of them lie above the viewport (clamped to what there is). */
  public void scrollLanesTo(double y) {
    scroll.scrollTo(y);
  }

  /** Scrolls the lanes down by {@code dy} logical pixels (up when negative); false when they could not move. */
  public boolean scrollLanesBy(double dy) {
    return scroll.scrollBy(dy);
  }

  /** What Page Down scrolls the lanes by, in logical pixels. */
  double lanesPage() {
    return scroll.page();
  }

  private void scrolled() {
    mark(Layer.AXES, Layer.ANNOTATIONS, Layer.SERIES);
    if (overlayShown || !Double.isNaN(selectionFrom)) {
      mark(Layer.OVERLAY);
    }
  }

  /** Shows a selected span between two x positions (a shift-drag box, an annotation being drawn). */
  public void setSelection(double from, double to) {
    selectionFrom = from;
    selectionTo = to;
    mark(Layer.OVERLAY);
  }

  public void clearSelection() {
    setSelection(Double.NaN, Double.NaN);
  }

  private void viewChanged(Observable o) {
    mark(Layer.AXES, Layer.ANNOTATIONS, Layer.SERIES, Layer.OVERVIEW);
    // An empty overlay stays empty at any view: clearing it again would cost the renderer a full-window pass for nothing.
    if (overlayShown || vm.crosshairProperty().get() != null || !Double.isNaN(selectionFrom)) {
      mark(Layer.OVERLAY);
    }
  }

  /** Whether a layer waits to be redrawn at the next frame (benchmarks wait for a view to settle). */
  boolean hasDirtyLayers() {
    return !dirty.isEmpty();
  }

  void mark(Layer... layers) {
    for (Layer l : layers) {
      dirty.add(l);
    }
  }

  @Override
  protected void layoutChildren() {
    double w = Math.max(1, getWidth());
    double h = Math.max(1, getHeight() - OVERVIEW_HEIGHT);
    for (Canvas c : canvases.values()) {
      if (c.getWidth() != w || c.getHeight() != h) {
        c.setWidth(w);
        c.setHeight(h);
        dirty.addAll(EnumSet.allOf(Layer.class));
      }
    }
    overview.resizeRelocate(0, h, w, OVERVIEW_HEIGHT);
    readout.autosize();
  }

  /** One frame: takes up new reductions, redraws the dirty layers; true if anything was drawn. */
  boolean frame() {
    boolean fresh = vm.pollFrame();
    if (fresh) {
      dirty.add(Layer.SERIES);
    }
    if (vm.pollOverviewFrame()) {
      dirty.add(Layer.OVERVIEW);
    }
    Canvas axes = canvases.get(Layer.AXES);
    if (dirty.isEmpty() || axes.getWidth() < 2 || axes.getHeight() < 2 || awaitsFrame(fresh)) {
      return false;
    }
    awaitingSince = -1;
    if (dirty.contains(Layer.AXES) || layout == null) {
      LayoutSpec spec = LayoutSpec.screen(axes.getWidth(), axes.getHeight(), vm.localZoneProperty().get());
      layout = TimelineLayout.scrolled(spec, vm.plan(), vm.visibleRange(), painters.get(Layer.AXES), scroll.offset());
      scroll.laidOut(layout);
      vm.setColumns(layout.columns());
    }
    if (dirty.contains(Layer.AXES) || dirty.contains(Layer.ANNOTATIONS) || dirty.contains(Layer.SERIES)) {
      dirty.addAll(EnumSet.of(Layer.AXES, Layer.ANNOTATIONS, Layer.SERIES));
    }
    for (Layer l : EnumSet.copyOf(dirty)) {
      draw(l);
    }
    dirty.clear();
    return true;
  }

  /**
   * Whether to leave a new window or plan undrawn for now because its frame is being reduced: drawn
   * at once, its axes would go over the old frame's series, and the frame would redraw the whole
   * canvas again a few milliseconds later. With the software renderer each such paint costs the
   * render thread 70–160 ms over a full window, which a loading capture's growing lanes paid twice
   * on every plan. A frame slower than {@value #AWAIT_FRAME_MILLIS} ms is not waited for longer.
   */
  private boolean awaitsFrame(boolean fresh) {
    if (fresh || layout == null || !dirty.contains(Layer.AXES) || !vm.reducing()) {
      return false;
    }
    long now = System.nanoTime();
    if (awaitingSince < 0) {
      awaitingSince = now;
    }
    return now - awaitingSince < AWAIT_FRAME_MILLIS * 1_000_000L;
  }

  /** Draws one layer; the layers sharing the bottom canvas are drawn in order, the axes clearing it. */
  private void draw(Layer l) {
    Canvas c = l == Layer.ANNOTATIONS || l == Layer.SERIES ? canvases.get(Layer.AXES) : canvases.get(l);
    FxCanvasPainter p = painters.get(l);
    if (c != null && (l == Layer.AXES || l == Layer.OVERLAY)) {
      c.getGraphicsContext2D().clearRect(0, 0, c.getWidth(), c.getHeight());
    }
    switch (l) {
      case AXES -> painter.paintAxes(p, layout);
      case ANNOTATIONS -> {
        List<org.dnsseismograph.workspace.Annotation> list = vm.annotationsProperty().get();
        painter.paintAnnotations(p, layout, list, vm.selectedAnnotationProperty().get());
        labels = placedLabels(p);
      }
      case SERIES -> drawSeries(c, p);
      case OVERLAY -> drawOverlay(p);
      case OVERVIEW -> overview.paint();
    }
  }

  /** The lanes' data through the pixel buffer: one image for the render thread, whatever the lanes hold. */
  private void drawSeries(Canvas c, FxCanvasPainter p) {
    if (seriesRaster == null) {
      seriesRaster = new RasterPainter(p);
      seriesDrawing = new SeriesDrawing(p);
    }
    double scale = getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getOutputScaleX() : 1;
    if (vm.frame() == null) {
      return;
    }
    seriesRaster.begin(c.getWidth(), c.getHeight(), scale);
    seriesDrawing.draw(painter, seriesRaster, layout, vm.frame(), vm.drawHelper());
    seriesRaster.finish(c.getGraphicsContext2D());
  }

  /** The labels exactly as {@link TimelinePainter#paintAnnotations} placed them, for hit-testing. */
  private List<PlacedLabel> placedLabels(FxCanvasPainter p) {
    for (LaneBox b : layout.lanes()) {
      if (Lane.ANNOTATIONS_KEY.equals(b.lane().key())) {
        return AnnotationLabelLayout.place(vm.annotationsProperty().get(), layout, b, p);
      }
    }
    return List.of();
  }

  private void drawOverlay(FxCanvasPainter p) {
    if (!Double.isNaN(selectionFrom)) {
      painter.paintSelection(p, layout, selectionFrom, selectionTo);
    }
    Long t = vm.crosshairProperty().get();
    if (t != null) {
      painter.paintCrosshair(p, layout, layout.xOf(t));
    }
    // The overlay takes the mouse, so it stays visible; fully transparent, it is not composited.
    overlayShown = t != null || !Double.isNaN(selectionFrom);
    overlayCanvas().setOpacity(overlayShown ? 1 : 0);
    readout.place(layout, t == null ? Double.NaN : layout.xOf(t), Math.max(1, getHeight() - OVERVIEW_HEIGHT));
  }
}
