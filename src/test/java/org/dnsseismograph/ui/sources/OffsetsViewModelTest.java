package org.dnsseismograph.ui.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.List;
import org.dnsseismograph.analysis.ClockOffsetEstimator;
import org.dnsseismograph.analysis.ClockOffsetSetting;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.ui.UiFixtures;
import org.dnsseismograph.ui.common.CurrentThreadTaskRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Offsets estimated in the window on the demo incident: the capture as reference, and the export
 * the imports tests wrote from the demo's Unbound statistics with the clock 37 s fast, in Berlin
 * time (its script: src/test/resources/org/dnsseismograph/imports/make-shifted-export.py).
 */
class OffsetsViewModelTest {
  private static final long S = 1_000_000_000L;
  private static final long SHIFT = 37 * S;
  private final CurrentThreadTaskRunner tasks = new CurrentThreadTaskRunner();
  private final SourcesViewModel sources = new SourcesViewModel(tasks, SourceLoads.defaults());
  private final OffsetsViewModel offsets = new OffsetsViewModel(sources, tasks, new ClockOffsetEstimator());
  private Source capture;
  private Source shifted;

  @BeforeEach
  void openTheCaptureAndTheShiftedExportInItsZone() {
    sources.open(List.of(UiFixtures.demo().resolve("capture.pcap.gz"), UiFixtures.shiftedExport()), p -> {});
    capture = sources.sources().get(0);
    shifted = sources.sources().get(1);
    sources.setZone(shifted, ZoneId.of("Europe/Berlin"));
    assertEquals(capture, sources.referenceProperty().get());
  }

  @Test
  void anEstimateIsOfferedWithinOneIntervalOfTheTrueOffsetAndAcceptingItPutsTheExportOnTheCapturesClock() {
    TimeRange before = shifted.shiftedSeries().extent();

    offsets.estimate(shifted);

    ClockOffsetSetting offered = shifted.setting();
    assertEquals(ClockOffsetSetting.Decision.PROPOSED, offered.decision());
    assertTrue(Math.abs(offered.estimate().offsetNanos() - SHIFT) <= S, offered.estimate().toString());
    assertTrue(offered.estimate().covers(SHIFT), offered.estimate().toString());
    assertEquals(0, offered.correctionNanos(), "an offer changes nothing yet");
    assertTrue(shifted.estimateNoteProperty().get().startsWith(OffsetText.format(offered.estimate().offsetNanos()) + " ± "),
        shifted.estimateNoteProperty().get());
    assertFalse(shifted.estimatingProperty().get());

    offsets.accept(shifted);

    assertEquals(ClockOffsetSetting.Decision.ACCEPTED, shifted.setting().decision());
    assertEquals(-offered.estimate().offsetNanos(), shifted.setting().correctionNanos());
    assertEquals(before.shift(-offered.estimate().offsetNanos()), shifted.shiftedSeries().extent());
  }

  @Test
  void rejectingAnEstimateKeepsTheOffsetAsItWas() {
    sources.setOffset(shifted, -30 * S);
    offsets.estimate(shifted);

    offsets.reject(shifted);

    assertEquals(ClockOffsetSetting.Decision.REJECTED, shifted.setting().decision());
    assertEquals(-30 * S, shifted.setting().correctionNanos());
  }

  @Test
  void theReferenceIsNotEstimatedAgainstItself() {
    assertFalse(offsets.canEstimate(capture));
    assertTrue(offsets.canEstimate(shifted));
    offsets.estimate(capture);
    assertEquals(ClockOffsetSetting.Decision.NONE, capture.setting().decision());
  }

  @Test
  void estimatingAllOffersAnEstimateForEverySourceButTheReference() {
    offsets.estimateAll();

    assertEquals(ClockOffsetSetting.Decision.NONE, capture.setting().decision());
    assertEquals(ClockOffsetSetting.Decision.PROPOSED, shifted.setting().decision());
  }
}
