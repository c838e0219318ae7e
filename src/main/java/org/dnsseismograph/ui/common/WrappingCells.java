package org.dnsseismograph.ui.common;

import javafx.scene.control.Control;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/** List cells as wide as their list, whose long text wraps instead of hiding behind a sideways scroll bar. FX thread only. */
public final class WrappingCells {
  /** Room for the list's vertical scroll bar and borders. */
  private static final double SCROLL_BAR = 20;

  private WrappingCells() {}

  /** {@code cell}, made to wrap within {@code list}'s width. */
  public static <C extends ListCell<?>> C within(ListView<?> list, C cell) {
    cell.prefWidthProperty().bind(list.widthProperty().subtract(SCROLL_BAR));
    cell.setMaxWidth(Control.USE_PREF_SIZE);
    cell.setWrapText(true);
    return cell;
  }
}
