package org.dnsseismograph.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;
import org.dnsseismograph.render.Lane;
import org.dnsseismograph.render.LanePlan;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.ui.common.ActionFactory;
import org.dnsseismograph.ui.common.Actions;
import org.dnsseismograph.ui.common.AnnotationActions;
import org.dnsseismograph.ui.common.Theme;
import org.dnsseismograph.ui.common.UserSettings;
import org.dnsseismograph.ui.common.WorkspaceActions;
import org.dnsseismograph.ui.sources.CommonMomentViewModel;
import org.dnsseismograph.ui.sources.OffsetsViewModel;
import org.dnsseismograph.ui.sources.Source;
import org.dnsseismograph.ui.sources.SourcesViewModel;
import org.dnsseismograph.ui.timeline.TimelineViewModel;

/**
 * What each of the window's {@link Actions} does, bound through one {@link ActionFactory}: files,
 * zooming and the zoom history, lanes, the local-time axis, themes, offsets, help; and the entries
 * of the workspace and annotations components once they register. Also the recent-files and lanes
 * submenus, and the {@code +} and {@code −} keys, which arrive as typed characters wherever the
 * focus is (except in a text field). FX thread only.
 */
final class WindowActions {
  private final MainWindow window;
  private final SourcesViewModel sources;
  private final UserSettings settings;
  private final ActionFactory factory = new ActionFactory();
  private final SimpleObjectProperty<Theme> theme = new SimpleObjectProperty<>();
  /** The lanes and their visibility the Lanes menu was built for. */
  private String lanesShown;

  WindowActions(MainWindow window, SourcesViewModel sources, OffsetsViewModel offsets, CommonMomentViewModel moments, UserSettings settings) {
    this.window = window;
    this.sources = sources;
    this.settings = settings;
    TimelineViewModel t = window.timeline();
    var noData = sources.extentProperty().isNull();
    factory.bind(Actions.OPEN, this::chooseAndOpen);
    factory.bind(Actions.OPEN_FOLDER, this::chooseFolderAndOpen);
    factory.submenu(Actions.OPEN_RECENT);
    factory.bind(Actions.CLOSE_SOURCE, this::closeSource, Bindings.isEmpty(sources.sources()));
    factory.bind(Actions.QUIT, window::requestClose);
    factory.bind(Actions.ZOOM_IN, t::zoomIn, noData);
    factory.bind(Actions.ZOOM_OUT, t::zoomOut, noData);
    factory.bind(Actions.SHOW_ALL, () -> {
      t.showAll();
      window.follow();
    }, noData);
    factory.bind(Actions.WINDOW_1S, () -> t.showWindow(TimeUnits.NANOS_PER_SECOND), noData);
    factory.bind(Actions.WINDOW_10S, () -> t.showWindow(10 * TimeUnits.NANOS_PER_SECOND), noData);
    factory.bind(Actions.WINDOW_1MIN, () -> t.showWindow(60 * TimeUnits.NANOS_PER_SECOND), noData);
    factory.bind(Actions.BACK, t::back, t.canGoBackProperty().not());
    factory.bind(Actions.FORWARD, t::forward, t.canGoForwardProperty().not());
    factory.submenu(Actions.LANES);
    factory.bindToggle(Actions.LOCAL_TIME, Bindings.createBooleanBinding(() -> t.localZoneProperty().get() != null, t.localZoneProperty()),
        () -> t.localZoneProperty().set(t.localZoneProperty().get() == null ? ZoneId.systemDefault() : null));
    factory.bindToggle(Actions.THEME_LIGHT, theme.isEqualTo(Theme.LIGHT), () -> setTheme(Theme.LIGHT));
    factory.bindToggle(Actions.THEME_DARK, theme.isEqualTo(Theme.DARK), () -> setTheme(theme.get() == Theme.DARK ? Theme.LIGHT : Theme.DARK));
    factory.bind(Actions.ESTIMATE_OFFSETS, offsets::estimateAll, Bindings.size(sources.sources()).lessThan(2));
    factory.bind(Actions.COMMON_MOMENT, moments::find, Bindings.size(sources.sources()).lessThan(2));
    factory.bind(Actions.SHORTCUTS, () -> window.dialogs().showColumns("Keyboard shortcuts", "Keyboard shortcuts", shortcutsText()));
    factory.bind(Actions.ABOUT, () -> window.dialogs().showText("About DNS Seismograph", "DNS Seismograph " + Version.text(), about()));
    t.planProperty().addListener(o -> refreshLanes());
    refreshRecent();
    refreshLanes();
  }

  ActionFactory factory() {
    return factory;
  }

  /** Installs the typed-character keys and the theme on the window's scene. */
  void install(Scene scene) {
    scene.addEventHandler(KeyEvent.KEY_TYPED, e -> {
      if (scene.getFocusOwner() instanceof TextInputControl) {
        return;
      }
      boolean done = switch (e.getCharacter()) {
        case "+", "=" -> factory.run(Actions.ZOOM_IN);
        case "-", "_", "−" -> factory.run(Actions.ZOOM_OUT);
        default -> false;
      };
      if (done) {
        e.consume();
      }
    });
    theme.addListener((o, was, now) -> applyTheme(scene, now));
    theme.set(Theme.parse(settings.get("theme", "light")));
  }

  private void setTheme(Theme t) {
    theme.set(t);
    settings.put("theme", t.name().toLowerCase(java.util.Locale.ROOT));
  }

  /** The current theme. */
  Theme theme() {
    return theme.get();
  }

  private static void applyTheme(Scene scene, Theme t) {
    scene.getStylesheets().clear();
    AssetLocator.find().ifPresent(assets -> t.stylesheets().stream().map(name -> assets.resolve("styles").resolve(name))
        .filter(Files::isRegularFile).forEach(css -> scene.getStylesheets().add(css.toUri().toString())));
    scene.getRoot().getStyleClass().removeAll("theme-light", "theme-dark");
    scene.getRoot().getStyleClass().add("theme-" + t.name().toLowerCase(java.util.Locale.ROOT));
  }

  void bindWorkspace(WorkspaceActions w) {
    factory.bind(Actions.SAVE, w::save);
    factory.bind(Actions.SAVE_AS, w::saveAs);
    factory.bind(Actions.EXPORT, w::exportView, sources.extentProperty().isNull());
    factory.bind(Actions.UNDO, w::undo, Bindings.not(w.canUndo()));
    factory.bind(Actions.REDO, w::redo, Bindings.not(w.canRedo()));
  }

  void bindAnnotations(AnnotationActions a) {
    var none = Bindings.not(a.hasSelection());
    factory.bind(Actions.ADD_NOTE, a::addNote, sources.extentProperty().isNull());
    factory.bind(Actions.EDIT_ANNOTATION, a::editSelected, none);
    factory.bind(Actions.ACCEPT_ANNOTATION, a::acceptSelected, none);
    factory.bind(Actions.REJECT_ANNOTATION, a::rejectSelected, none);
    factory.bind(Actions.DELETE_ANNOTATION, a::deleteSelected, none);
  }

  private void chooseAndOpen() {
    List<Path> files = window.dialogs().chooseFilesToOpen("Open captures, exports or a workspace", recentFolder());
    if (!files.isEmpty()) {
      window.open(files);
    }
  }

  private void chooseFolderAndOpen() {
    Path folder = window.dialogs().chooseFolderToOpen("Open a folder of captures or of statistics snapshots", recentFolder());
    if (folder != null) {
      window.open(List.of(folder));
    }
  }

  /** Where the file dialogs start: the folder of the file opened last, or null. */
  private Path recentFolder() {
    List<Path> recent = settings.recentFiles();
    return recent.isEmpty() ? null : recent.get(0).getParent();
  }

  /** Closes the source whose card has the focus, else the last one opened. */
  private void closeSource() {
    List<Source> all = sources.sources();
    if (all.isEmpty()) {
      return;
    }
    javafx.scene.Node f = window.scene().getFocusOwner();
    for (javafx.scene.Node n = f; n != null; n = n.getParent()) {
      if (n.getId() != null && n.getId().startsWith("source-") && n.getStyleClass().contains("source-card")) {
        int id = Integer.parseInt(n.getId().substring("source-".length()));
        all.stream().filter(s -> s.id() == id).findFirst().ifPresent(sources::close);
        return;
      }
    }
    sources.close(all.get(all.size() - 1));
  }

  void refreshRecent() {
    Menu m = factory.submenu(Actions.OPEN_RECENT);
    m.getItems().clear();
    for (Path p : settings.recentFiles()) {
      MenuItem i = new MenuItem(p.getFileName() + "  —  " + (p.getParent() == null ? "" : p.getParent()));
      i.setMnemonicParsing(false);
      i.setDisable(!Files.exists(p));
      i.setOnAction(e -> window.open(List.of(p)));
      m.getItems().add(i);
    }
    m.setDisable(m.getItems().isEmpty());
  }

  /** View ▸ Lanes: one submenu per source with a check item per lane, and the annotations lane. */
  private void refreshLanes() {
    Menu m = factory.submenu(Actions.LANES);
    TimelineViewModel t = window.timeline();
    LanePlan plan = t.plan();
    String signature = plan.lanes().stream().map(l -> l.key() + (plan.isVisible(l.key()) ? "+" : "-")).reduce("", String::concat);
    if (signature.equals(lanesShown)) {
      return;
    }
    lanesShown = signature;
    Map<String, Menu> bySource = new TreeMap<>();
    m.getItems().clear();
    for (Lane l : plan.lanes()) {
      CheckMenuItem i = new CheckMenuItem(l.title().contains(" · ") ? l.title().substring(l.title().indexOf(" · ") + 3) : l.title());
      i.setMnemonicParsing(false);
      i.setSelected(plan.isVisible(l.key()));
      i.setOnAction(e -> t.setLaneVisible(l.key(), i.isSelected()));
      int slash = l.key().indexOf('/');
      if (slash < 0) {
        m.getItems().add(i);
      } else {
        bySource.computeIfAbsent(l.key().substring(0, slash), k -> {
          Menu sub = new Menu(k);
          sub.setMnemonicParsing(false);
          return sub;
        }).getItems().add(i);
      }
    }
    m.getItems().addAll(0, bySource.values());
  }

  private String shortcutsText() {
    return factory.shortcutsText() + "\nIn the timeline\n"
        + "  wheel                  zoom at the cursor\n"
        + "  drag                   pan\n"
        + "  Shift+drag             zoom into a box\n"
        + "  double-click           fit the spike under the cursor\n"
        + "  Left / Right           pan a quarter of the window\n"
        + "  Ctrl+drag on a lane    move its source in time (clock offset)\n"
        + "  drag a lane's margin   move the lane; drag its lower edge to resize\n"
        + "  right-click a margin   hide, move or show lanes\n"
        + "  Page Down / Page Up    scroll the lanes when they do not all fit\n"
        + "  wheel over the margin  scroll the lanes\n";
  }

  private String about() {
    return "A desktop instrument for DNS operators: captures, live traffic and operators' exports on one UTC timeline.\n\n"
        + "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + "), JavaFX " + System.getProperty("javafx.runtime.version", "")
        + "\nSettings and recent files: " + settings.directory();
  }
}
