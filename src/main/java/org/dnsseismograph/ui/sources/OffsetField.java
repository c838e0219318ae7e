package org.dnsseismograph.ui.sources;

import java.util.function.LongConsumer;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;

/**
 * The text field of a source's clock offset: shows the applied correction exactly ({@link
 * OffsetText}), applies what is typed on Enter or when the field loses the focus, goes back to the
 * applied value on Escape, and marks text that is no offset (style class {@code invalid}, reason in
 * the tooltip) without applying it. FX thread only.
 */
final class OffsetField extends TextField {
  private final Tooltip tip = new Tooltip("Clock offset: added to every time of this source (e.g. +37s, -1.5s, 250ms)");
  private long shown;

  OffsetField(LongConsumer apply) {
    setPrefColumnCount(9);
    getStyleClass().add("offset-field");
    setTooltip(tip);
    setOnAction(e -> commit(apply));
    focusedProperty().addListener((o, was, now) -> {
      if (!now) {
        commit(apply);
      }
    });
    setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.ESCAPE) {
        show(shown);
        e.consume();
      }
    });
  }

  /** Shows the applied correction (unless the analyst is typing). */
  void show(long nanos) {
    shown = nanos;
    getStyleClass().remove("invalid");
    tip.setText("Clock offset: added to every time of this source (e.g. +37s, -1.5s, 250ms)");
    if (!isFocused() || getText().isBlank()) {
      setText(OffsetText.format(nanos));
    }
  }

  private void commit(LongConsumer apply) {
    try {
      long v = OffsetText.parse(getText());
      getStyleClass().remove("invalid");
      apply.accept(v);
      shown = v;
      setText(OffsetText.format(v));
    } catch (IllegalArgumentException e) {
      if (!getStyleClass().contains("invalid")) {
        getStyleClass().add("invalid");
      }
      tip.setText(e.getMessage());
    }
  }
}
