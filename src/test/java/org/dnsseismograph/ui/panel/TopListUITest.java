package org.dnsseismograph.ui.panel;

import static org.dnsseismograph.ui.WindowDriver.fx;
import static org.dnsseismograph.ui.WindowDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.dnsseismograph.traffic.Ranked;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The side panel's ranked lists at the panel's width: the bars are measured against the largest
 * count and start in one column, whatever the counts' lengths; the share of the window is the
 * tooltip's. The demo's top names are a few per cent of its transactions each, which as bars of
 * their share were a pixel or two wide, each starting where its count's digits let it.
 */
@ExtendWith(ApplicationExtension.class)
class TopListUITest {
  private TopList list;

  @Start
  void start(Stage stage) {
    list = new TopList("top-test");
    stage.setScene(new Scene(list, 300, 200));
    stage.show();
  }

  @Test
  void barsAreMeasuredAgainstTheLargestCountAndStartInOneColumn() {
    fxRun(() -> list.show(List.of(new Ranked<>("www.example.test", 1_287), new Ranked<>("www.media.test", 836),
        new Ranked<>("q01df259ae9.example.test", 7)), 41_663));
    fxRun(() -> list.applyCss());
    fxRun(() -> list.layout());
    List<Region> bars = fx(() -> list.lookupAll(".top-bar").stream().map(n -> (Region) n).toList());
    assertEquals(3, bars.size());
    assertEquals(TopList.BAR, fx(() -> bars.get(0).getWidth()), 0.5, "the largest count has the whole bar");
    assertEquals(TopList.BAR * 836 / 1_287, fx(() -> bars.get(1).getWidth()), 1, "snapped to whole pixels");
    assertEquals(1, fx(() -> bars.get(2).getWidth()), 0.5, "a count too small to show still has its pixel");
    List<Double> starts = fx(() -> bars.stream().map(b -> b.localToScene(0, 0).getX()).toList());
    assertEquals(starts.get(0), starts.get(1), 0.01, "in one column: " + starts);
    assertEquals(starts.get(0), starts.get(2), 0.01, "in one column: " + starts);
    Node key = fx(() -> list.lookup(".top-key"));
    assertEquals("www.example.test: 1,287 of 41,663 transactions in the window (3.1 %)", fx(() -> ((Label) key).getTooltip().getText()));
    assertTrue(fx(() -> list.lookupAll(".top-count").stream().allMatch(n -> ((Label) n).getWidth() >= TopList.COUNT_WIDTH)));
  }
}
