package org.dnsseismograph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.ZoneId;
import java.util.List;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.series.TimeUnits;
import org.junit.jupiter.api.Test;

/** A source's clock setting: an estimate is offered, then accepted or rejected; a manual offset withdraws it. */
class ClockOffsetSettingTest {
  private static final long S = TimeUnits.NANOS_PER_SECOND;
  private static final ClockOffsetEstimate FAST_37 = new ClockOffsetEstimate(37 * S, S, 0.95, 0.5, ClockOffsetEstimate.Quality.HIGH,
      1_700_000_000L * S, S, "test");
  private final ClockOffsetSetting berlin = ClockOffsetSetting.of("isp1.csv", ZoneId.of("Europe/Berlin"));

  @Test
  void aProposalChangesNothingUntilAccepted() {
    ClockOffsetSetting offered = berlin.propose(FAST_37);
    assertEquals(0, offered.correctionNanos());
    assertEquals(ClockOffsetSetting.Decision.PROPOSED, offered.decision());

    ClockOffsetSetting accepted = offered.accept();
    assertEquals(-37 * S, accepted.correctionNanos());
    assertEquals(ClockOffsetSetting.Origin.ESTIMATED, accepted.origin());
    assertEquals(ZoneId.of("Europe/Berlin"), accepted.zone());
  }

  @Test
  void aRejectedProposalKeepsTheOffsetThatWasThere() {
    ClockOffsetSetting rejected = berlin.withManualOffset(2 * S).propose(FAST_37).reject();

    assertEquals(2 * S, rejected.correctionNanos());
    assertEquals(ClockOffsetSetting.Origin.MANUAL, rejected.origin());
    assertEquals(ClockOffsetSetting.Decision.REJECTED, rejected.decision());
    assertThrows(IllegalStateException.class, rejected::accept);
  }

  @Test
  void aManualOffsetWithdrawsTheProposal() {
    ClockOffsetSetting manual = berlin.propose(FAST_37).withManualOffset(-36 * S);

    assertNull(manual.estimate());
    assertEquals(ClockOffsetSetting.Decision.NONE, manual.decision());
    assertThrows(IllegalStateException.class, manual::accept);
    assertThrows(IllegalArgumentException.class, () -> berlin.propose(ClockOffsetEstimate.none(S, "nothing shared")));
  }

  @Test
  void theAcceptedCorrectionMovesTheSourcesSeries() throws Exception {
    SeriesSet capture = LabSources.capture("127.0.0.100");
    SeriesSet moved = berlin.propose(FAST_37).accept().apply(capture);

    assertEquals(capture.extent().shift(-37 * S), moved.extent());
    assertEquals(List.of(MetricId.of("client.queries")), moved.ids());
  }
}
