package org.dnsseismograph.ui.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.dnsseismograph.render.FrameData;
import org.dnsseismograph.render.LaneBox;
import org.dnsseismograph.render.Painter;
import org.dnsseismograph.render.SharedJobs;
import org.dnsseismograph.render.TimelineLayout;
import org.dnsseismograph.render.TimelinePainter;
import org.dnsseismograph.render.YScale;

/**
 * Draws a frame's lanes into the series raster as {@link TimelinePainter#paintSeries} does, with
 * the lanes' pixels shared between the FX thread and, when one is given, a helper thread ({@link
 * SharedJobs}): each lane is one job, painted by that worker's own pen into the frame's buffer
 * (lanes share no pixel row). Labels are measured and placed on the FX thread afterwards, and the
 * deferred shapes and labels reach the canvas in lane order, so the picture is the one {@code
 * paintSeries} gives. On an idle two-core machine a wide frame's lanes are drawn in about half the
 * time. FX thread only.
 */
final class SeriesDrawing {
  private final RasterPainter[] pens;

  SeriesDrawing(FxCanvasPainter canvas) {
    pens = new RasterPainter[] {new RasterPainter(canvas), new RasterPainter(canvas)};
  }

  /** Paints {@code frame}'s lanes into {@code raster}, which has {@link RasterPainter#begin begun} a frame. */
  void draw(TimelinePainter painter, RasterPainter raster, TimelineLayout l, FrameData frame, Executor helper) {
    List<LaneBox> lanes = painter.seriesLanes(l, frame);
    int n = lanes.size();
    YScale[] scales = new YScale[n];
    @SuppressWarnings("unchecked")
    List<Consumer<Painter>>[] deferred = new List[n];
    List<IntConsumer> jobs = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      int lane = k;
      jobs.add(worker -> {
        RasterPainter pen = pens[worker];
        pen.follow(raster);
        scales[lane] = painter.paintLaneData(pen, worker, l, lanes.get(lane), frame);
        deferred[lane] = pen.takeDeferred();
      });
    }
    SharedJobs.run(jobs, helper);
    for (int k = 0; k < n; k++) {
      raster.defer(deferred[k]);
      painter.paintLaneLabels(raster, l, lanes.get(k), scales[k]);
    }
  }
}
