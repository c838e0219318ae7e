package org.dnsseismograph.ui.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dnsseismograph.analysis.CommonMoment;
import org.dnsseismograph.analysis.CommonMomentFinder;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.testsupport.LabTruth;
import org.dnsseismograph.ui.UiFixtures;
import org.dnsseismograph.ui.common.CurrentThreadTaskRunner;
import org.junit.jupiter.api.Test;

class CommonMomentViewModelTest {
  private final CurrentThreadTaskRunner tasks = new CurrentThreadTaskRunner();
  private final SourcesViewModel sources = new SourcesViewModel(tasks, SourceLoads.defaults());
  private final CommonMomentViewModel vm = new CommonMomentViewModel(sources, tasks);

  @Test
  void theDemosSourcesChangeTogetherWhereTheFinderSaysWithEverySourcesEvidence() throws Exception {
    sources.open(List.of(UiFixtures.demo().resolve("capture.pcap.gz"), UiFixtures.demo().resolve("unbound-stats.txt"),
        UiFixtures.demo().resolve("pdns-carbon.txt")), p -> {});

    vm.find();

    List<CommonMoment> direct = new CommonMomentFinder().find(sources.shiftedSets(), CommonMomentViewModel.LIMIT);
    assertEquals(direct, List.copyOf(vm.moments()));
    CommonMoment best = vm.moments().get(0);
    assertEquals(3, best.sourcesShowing(), best.toString());
    // The first answer is the incident, not the lab's load starting 2 s into every source (which the window's loads once ranked first).
    LabTruth truth = LabTruth.read(UiFixtures.demo().resolve("truth.json"));
    assertTrue(best.timeNanos() >= truth.outageStartNanos() && best.timeNanos() <= truth.outageEndNanos() + 5_000_000_000L,
        vm.moments().stream().map(m -> TimeUnits.format(m.timeNanos())).toList().toString());
    assertEquals(CommonMomentViewModel.describe(best), vm.statusProperty().get());
    assertTrue(CommonMomentViewModel.rangeOf(best).contains(best.timeNanos()));
    assertTrue(CommonMomentViewModel.rangeOf(best).durationNanos() >= 20_000_000_000L);
    assertFalse(vm.searchingProperty().get());
  }

  @Test
  void oneSourceHasNoCommonMoment() {
    sources.open(List.of(UiFixtures.demo().resolve("unbound-stats.txt")), p -> {});

    vm.find();

    assertTrue(vm.moments().isEmpty());
    assertEquals("a common moment needs at least two loaded sources", vm.statusProperty().get());
  }
}
