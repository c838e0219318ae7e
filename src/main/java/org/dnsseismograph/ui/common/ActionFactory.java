package org.dnsseismograph.ui.common;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;

/**
 * Builds the menu bar and its shortcuts from {@link Actions} and the commands bound to them
 * (STYLE.md pattern 7). An action appears only once something is bound to it, so the entries of a
 * component that is not registered (saving, exporting, annotating) are simply absent. Binding later
 * rebuilds the menus in place. Submenus ({@link Actions#OPEN_RECENT}, {@link Actions#LANES}) are
 * filled by their owner through {@link #submenu}.
 *
 * <p>FX thread only.
 */
public final class ActionFactory {
  /** Where a menu starts a new group. */
  private static final Set<Actions> SEPARATE_BEFORE = EnumSet.of(Actions.SAVE, Actions.CLOSE_SOURCE, Actions.QUIT, Actions.BACK,
      Actions.LANES, Actions.THEME_LIGHT, Actions.ACCEPT_ANNOTATION, Actions.FOLLOW_PRESENT, Actions.ABOUT);

  /** A bound action: what it does, when it is disabled (null: never), and a check state for toggles (null: a plain item). */
  private record Binding(Runnable run, ObservableBooleanValue disabled, ObservableValue<Boolean> checked) {}

  private final Map<Actions, Binding> bindings = new EnumMap<>(Actions.class);
  private final Map<Actions, Menu> submenus = new EnumMap<>(Actions.class);
  private final MenuBar bar = new MenuBar();
  private final ToggleGroup themes = new ToggleGroup();
  /** False until the menu bar was asked for: bindings made before build it once. */
  private boolean built;

  public ActionFactory() {
    bar.setId("menu-bar");
    bar.setUseSystemMenuBar(true);
  }

  /** Binds {@code action} to {@code run}, always enabled. */
  public void bind(Actions action, Runnable run) {
    bind(action, run, null);
  }

  /** Binds {@code action} to {@code run}, disabled while {@code disabled} is true. */
  public void bind(Actions action, Runnable run, ObservableBooleanValue disabled) {
    bindings.put(action, new Binding(run, disabled, null));
    rebuild();
  }

  /** Binds a toggle ({@link Actions#LOCAL_TIME}, the themes): checked while {@code checked} is true. */
  public void bindToggle(Actions action, ObservableValue<Boolean> checked, Runnable run) {
    bindings.put(action, new Binding(run, null, checked));
    rebuild();
  }

  /** Removes the binding (a component unregistered); its entry disappears. */
  public void unbind(Actions action) {
    bindings.remove(action);
    rebuild();
  }

  public boolean isBound(Actions action) {
    return bindings.containsKey(action);
  }

  /** The submenu shown for {@code action} (recent files, lanes); its owner fills it. */
  public Menu submenu(Actions action) {
    return submenus.computeIfAbsent(action, a -> {
      Menu m = new Menu(a.text());
      m.setId(a.id());
      return m;
    });
  }

  /**
   * Runs {@code action} as its menu item would; false when it is unbound or disabled. For keys that
   * arrive as typed characters ({@code +}, {@code −}).
   */
  public boolean run(Actions action) {
    Binding b = bindings.get(action);
    if (b == null || b.disabled() != null && b.disabled().get()) {
      return false;
    }
    b.run().run();
    return true;
  }

  public MenuBar menuBar() {
    if (!built) {
      built = true;
      rebuild();
    }
    return bar;
  }

  /** Every bound action with its keys, menu by menu: the text of Help ▸ Keyboard shortcuts. */
  public String shortcutsText() {
    StringBuilder b = new StringBuilder();
    for (Actions.Menu menu : Actions.Menu.values()) {
      StringBuilder lines = new StringBuilder();
      for (Actions a : Actions.values()) {
        String keys = keysOf(a);
        if (a.menu() == menu && bindings.containsKey(a) && !keys.isEmpty()) {
          lines.append(String.format("  %-22s %s%n", keys, a.text()));
        }
      }
      if (!lines.isEmpty()) {
        b.append(menu.text()).append('\n').append(lines);
      }
    }
    return b.toString();
  }

  /** The keys of an action as people write them: "Ctrl+O", "+", "Alt+Left or Backspace". */
  static String keysOf(Actions a) {
    String acc = a.accelerator() == null ? "" : a.accelerator().getDisplayText();
    if (a.keys().isEmpty()) {
      return acc;
    }
    return acc.isEmpty() ? a.keys() : acc + " or " + a.keys();
  }

  private void rebuild() {
    if (!built) {
      return;
    }
    for (Menu old : bar.getMenus()) {
      // Submenus are reused: take them out of the old menus before they join the new ones.
      old.getItems().clear();
    }
    bar.getMenus().clear();
    for (Actions.Menu menu : Actions.Menu.values()) {
      Menu m = new Menu(menu.text());
      m.setId("menu-" + menu.name().toLowerCase(java.util.Locale.ROOT));
      for (Actions a : Actions.values()) {
        if (a.menu() == menu && (bindings.containsKey(a) || submenus.containsKey(a))) {
          if (SEPARATE_BEFORE.contains(a) && !m.getItems().isEmpty()) {
            m.getItems().add(new SeparatorMenuItem());
          }
          m.getItems().add(item(a));
        }
      }
      if (!m.getItems().isEmpty()) {
        bar.getMenus().add(m);
      }
    }
  }

  private MenuItem item(Actions a) {
    if (submenus.containsKey(a)) {
      return submenus.get(a);
    }
    Binding b = bindings.get(a);
    MenuItem item;
    if (b.checked() == null) {
      item = new MenuItem(a.text());
    } else {
      item = toggle(a, b);
    }
    item.setId(a.id());
    // A typed key is shown beside its item too, so the menu teaches it; the typed character does the work.
    item.setAccelerator(a.accelerator() != null || a.keys().isEmpty() ? a.accelerator() : new TypedKey(a.keys()));
    item.setOnAction(e -> b.run().run());
    if (b.disabled() != null) {
      item.disableProperty().bind(b.disabled());
    }
    return item;
  }

  private MenuItem toggle(Actions a, Binding b) {
    if (a == Actions.THEME_LIGHT || a == Actions.THEME_DARK) {
      RadioMenuItem r = new RadioMenuItem(a.text());
      r.setToggleGroup(themes);
      follow(r.selectedProperty(), b.checked());
      return r;
    }
    CheckMenuItem c = new CheckMenuItem(a.text());
    follow(c.selectedProperty(), b.checked());
    return c;
  }

  /**
   * The item shows the model's state; a click toggles the item itself and then runs the command,
   * which changes the model, which the item follows again (so no bound property is ever set).
   */
  private static void follow(javafx.beans.property.BooleanProperty item, ObservableValue<Boolean> model) {
    item.set(Boolean.TRUE.equals(model.getValue()));
    model.addListener((o, was, now) -> item.set(Boolean.TRUE.equals(now)));
  }
}
