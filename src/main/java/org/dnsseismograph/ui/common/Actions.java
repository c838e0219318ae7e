package org.dnsseismograph.ui.common;

import javafx.scene.input.KeyCombination;

/**
 * Every command of the window as data (STYLE.md pattern 7, JabRef's {@code StandardActions}): its
 * menu, words, shortcut and who provides it. {@link ActionFactory} builds the menu bar and the
 * shortcuts from this one list, and the keyboard-shortcuts help is printed from it too.
 *
 * <p>{@link #accelerator()} is a scene-wide shortcut (JavaFX does not fire it while a text field
 * has the focus, nor when the focused node consumed the key, so the timeline's own keys never fire
 * twice). {@link #keys()} are keys handled by typed characters instead ({@code +} and {@code −},
 * whatever the keyboard layout), shown in the help only.
 *
 * <p>Entries whose {@link #provider()} is not {@link Provider#WINDOW} appear only once an
 * implementation of {@link WorkspaceActions} or {@link AnnotationActions} is registered with the
 * window, or the live side attached to it. Immutable.
 */
public enum Actions {
  OPEN(Menu.FILE, "Open…", "Shortcut+O", "", Provider.WINDOW),
  OPEN_FOLDER(Menu.FILE, "Open folder…", "Shortcut+Shift+O", "", Provider.WINDOW),
  OPEN_RECENT(Menu.FILE, "Open recent", null, "", Provider.WINDOW),
  SAVE(Menu.FILE, "Save workspace", "Shortcut+S", "", Provider.WORKSPACE),
  SAVE_AS(Menu.FILE, "Save workspace as…", "Shortcut+Shift+S", "", Provider.WORKSPACE),
  EXPORT(Menu.FILE, "Export image…", "Shortcut+E", "", Provider.WORKSPACE),
  CLOSE_SOURCE(Menu.FILE, "Close source", "Shortcut+W", "", Provider.WINDOW),
  QUIT(Menu.FILE, "Quit", "Shortcut+Q", "", Provider.WINDOW),

  UNDO(Menu.EDIT, "Undo", "Shortcut+Z", "", Provider.WORKSPACE),
  REDO(Menu.EDIT, "Redo", "Shortcut+Shift+Z", "", Provider.WORKSPACE),

  ZOOM_IN(Menu.VIEW, "Zoom in", null, "+", Provider.WINDOW),
  ZOOM_OUT(Menu.VIEW, "Zoom out", null, "−", Provider.WINDOW),
  SHOW_ALL(Menu.VIEW, "Show everything", "Home", "", Provider.WINDOW),
  WINDOW_1S(Menu.VIEW, "1 second window", "1", "", Provider.WINDOW),
  WINDOW_10S(Menu.VIEW, "10 second window", "2", "", Provider.WINDOW),
  WINDOW_1MIN(Menu.VIEW, "1 minute window", "3", "", Provider.WINDOW),
  BACK(Menu.VIEW, "Back", "Alt+Left", "Backspace", Provider.WINDOW),
  FORWARD(Menu.VIEW, "Forward", "Alt+Right", "", Provider.WINDOW),
  LANES(Menu.VIEW, "Lanes", null, "", Provider.WINDOW),
  LOCAL_TIME(Menu.VIEW, "Local time axis", "Shortcut+L", "", Provider.WINDOW),
  THEME_LIGHT(Menu.VIEW, "Light theme", null, "", Provider.WINDOW),
  THEME_DARK(Menu.VIEW, "Dark theme", "Shortcut+Shift+D", "", Provider.WINDOW),

  ESTIMATE_OFFSETS(Menu.SOURCES, "Estimate offsets against the reference", "Shortcut+Shift+E", "", Provider.WINDOW),
  COMMON_MOMENT(Menu.SOURCES, "Find common moment", "Shortcut+Shift+M", "", Provider.WINDOW),

  ADD_NOTE(Menu.ANNOTATIONS, "Add note…", "Shortcut+M", "", Provider.ANNOTATIONS),
  EDIT_ANNOTATION(Menu.ANNOTATIONS, "Edit selected…", null, "", Provider.ANNOTATIONS),
  ACCEPT_ANNOTATION(Menu.ANNOTATIONS, "Accept selected", "Shortcut+Enter", "", Provider.ANNOTATIONS),
  REJECT_ANNOTATION(Menu.ANNOTATIONS, "Reject selected", "Shortcut+Backspace", "", Provider.ANNOTATIONS),
  DELETE_ANNOTATION(Menu.ANNOTATIONS, "Delete selected", "Delete", "", Provider.ANNOTATIONS),

  LIVE(Menu.CAPTURE, "Live…", "Shortcut+Shift+L", "", Provider.LIVE),
  FOLLOW_PRESENT(Menu.CAPTURE, "Follow the present", "End", "L", Provider.LIVE),
  STOP_LIVE(Menu.CAPTURE, "Stop all live sources", null, "", Provider.LIVE),
  OPEN_RECORDINGS(Menu.CAPTURE, "Open what was recorded", "Shortcut+Shift+R", "", Provider.LIVE),

  SHORTCUTS(Menu.HELP, "Keyboard shortcuts", "F1", "", Provider.WINDOW),
  ABOUT(Menu.HELP, "About DNS Seismograph", null, "", Provider.WINDOW);

  /** The menus, in menu-bar order. */
  public enum Menu {
    FILE("File"),
    EDIT("Edit"),
    VIEW("View"),
    SOURCES("Sources"),
    ANNOTATIONS("Annotations"),
    CAPTURE("Capture"),
    HELP("Help");

    private final String text;

    Menu(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  /** Who implements an action: the window itself, or a component registered with it. */
  public enum Provider {
    WINDOW,
    /** {@link WorkspaceActions}: save, open, export, undo and redo. */
    WORKSPACE,
    /** {@link AnnotationActions}: adding and deciding annotations. */
    ANNOTATIONS,
    /** The window's live side ({@code ui.live.LiveWindow}): capturing and following the present. */
    LIVE
  }

  private final Menu menu;
  private final String text;
  private final KeyCombination accelerator;
  private final String keys;
  private final Provider provider;

  Actions(Menu menu, String text, String accelerator, String keys, Provider provider) {
    this.menu = menu;
    this.text = text;
    this.accelerator = accelerator == null ? null : KeyCombination.valueOf(accelerator);
    this.keys = keys;
    this.provider = provider;
  }

  public Menu menu() {
    return menu;
  }

  public String text() {
    return text;
  }

  /** The scene-wide shortcut, or null. */
  public KeyCombination accelerator() {
    return accelerator;
  }

  /** Keys handled as typed characters or by the timeline itself, for the help; empty when none. */
  public String keys() {
    return keys;
  }

  public Provider provider() {
    return provider;
  }

  /** A stable id for menu items, for tests and stylesheets: {@code action-zoom-in}. */
  public String id() {
    return "action-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
