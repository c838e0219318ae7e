package org.dnsseismograph.analysis;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.dns.RcodeNames;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.SeriesTable;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.traffic.MatcherConfig;
import org.dnsseismograph.wire.ScanSummary;

/**
 * {@code seismograph detect}: captures to a {@link HealthReport} in one streaming pass (after the
 * short role scan): the resolvers, suspected authoritative outages with their evidence, and
 * spikes. Only the few counts the detectors read are kept, in UTC-aligned buckets of the grid step
 * (8 bytes per bucket each, at most {@value #MAX_BUCKETS} buckets), plus per-server state and the
 * recent transactions of one timeout; so memory does not grow with the packets.
 *
 * <p>The grid step is 100 ms when the messages span at most {@value #MAX_BUCKETS} buckets of it
 * (9.7 days); otherwise the finest of {@link #STEPS} that holds the span: 1 s up to 97 days, 10 s
 * up to 2.7 years, 1 min up to 16 years, 10 min up to 160 years, 1 h for anything longer (every
 * span of epoch nanoseconds fits). A pass stops as soon as its messages outgrow its step, and the
 * captures are read again at the step the span seen so far needs; so a capture that fits costs
 * one pass, and a long one costs one pass plus the part read before the span showed. The step used
 * is {@link HealthReport#gridStepNanos()}.
 *
 * <p>Several files are first read for their frame times alone ({@link CaptureGaps#read}), so that
 * an outage is not carried across a gap between them. Runs on the calling thread; honours the progress' cancel. Progress counts the bytes of every
 * pass: when a pass is given up, the next one's bytes count on from there and the total grows by
 * the files' size, so done never goes back.
 */
public final class CaptureDetect {
  /** Most buckets the detection grid spans. */
  public static final int MAX_BUCKETS = 1 << 23;
  /** The grid steps, finest first; detection uses the first that holds the captures' span. */
  static final List<Long> STEPS = List.of(CountGrid.STEP, TimeUnits.NANOS_PER_SECOND, 10 * TimeUnits.NANOS_PER_SECOND,
      60 * TimeUnits.NANOS_PER_SECOND, 600 * TimeUnits.NANOS_PER_SECOND, 3600 * TimeUnits.NANOS_PER_SECOND);

  /**
   * What detection found, and what reading took. Immutable.
   *
   * @param report resolvers, outages, spikes
   * @param scan what the readers saw
   * @param dispatch what the DNS layer saw
   */
  public record Result(HealthReport report, ScanSummary scan, DispatchStats dispatch) {}

  /** Ends a pass whose messages span more buckets than its step allows: thrown from the observer, caught in {@link #run}. */
  private static final class Outgrown extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long neededStep;

    Outgrown(long neededStep) {
      super("span outgrew the step", null, false, false);
      this.neededStep = neededStep;
    }
  }

  private CaptureDetect() {}

  /**
   * Runs the detectors over the captures, on the finest grid that holds their span.
   *
   * @throws IOException when a file cannot be read; {@link org.dnsseismograph.wire.NotACaptureException}
   *     for a file that is no capture
   */
  public static Result run(LoadRequest request, Progress progress) throws IOException {
    PassProgress passes = new PassProgress(progress);
    CaptureGaps gaps = CaptureGaps.read(request.files(), request.decode().messages(), request.timeoutNanos(), progress);
    long step = CountGrid.STEP;
    for (;;) {
      try {
        return pass(request, passes, step, gaps);
      } catch (Outgrown e) {
        // Strictly coarser each time, and the coarsest step holds any span: this ends.
        step = e.neededStep;
        passes.next();
      }
    }
  }

  /**
   * The finest of {@link #STEPS} whose UTC-aligned buckets from the one holding {@code firstNanos}
   * to the one holding {@code lastNanos} number at most {@value #MAX_BUCKETS}.
   */
  static long stepFor(long firstNanos, long lastNanos) {
    for (int i = 0; i < STEPS.size() - 1; i++) {
      if (fits(STEPS.get(i), firstNanos, lastNanos)) {
        return STEPS.get(i);
      }
    }
    // 2^64 ns are 5.1 million hours: every span fits the coarsest step.
    return STEPS.get(STEPS.size() - 1);
  }

  private static boolean fits(long step, long firstNanos, long lastNanos) {
    return Math.floorDiv(lastNanos, step) - Math.floorDiv(firstNanos, step) < MAX_BUCKETS;
  }

  /** One pass at {@code step}; throws {@link Outgrown} as soon as the messages need a coarser one. */
  private static Result pass(LoadRequest request, Progress progress, long step, CaptureGaps gaps) throws IOException {
    AggregatorConfig config = AggregatorConfig.of(step).withLatencyHorizon(request.timeoutNanos()).withMaxBuckets(MAX_BUCKETS);
    Set<MetricId> wanted = HealthDetector.GRID_METRICS.stream().map(MetricId::of).collect(Collectors.toSet());
    MetricAggregator aggregator = MetricAggregator.forTable(config, wanted, RcodeNames::name, CaptureSeries::rcodeNumber);
    aggregator.observe(new SpanGuard(step));
    RoleFamilies roles = RoleFamilies.register(aggregator, RoleFamilies.classifier(request.files(), request.decode(), request.resolvers(), progress));
    HealthObservers health = HealthObservers.attach(aggregator, roles, request.timeoutNanos(), gaps, true);
    CapturePipeline pipeline = new CapturePipeline(MatcherConfig.defaults().withTimeout(request.timeoutNanos()), aggregator, null);
    ScanSummary scan = pipeline.run(request.files(), request.decode(), progress, null);
    CountGrid grid = grid(aggregator.table(List.copyOf(wanted)), scan.fileSpans(), request.timeoutNanos());
    HealthReport report = HealthDetector.detect(health.input(grid, scan.firstTimestampNanos(), scan.lastTimestampNanos()));
    return new Result(report, scan, pipeline.dispatcher().stats());
  }

  private static CountGrid grid(SeriesTable table, List<ScanSummary.FileSpan> spans, long timeoutNanos) {
    Map<MetricId, double[]> counts = new HashMap<>();
    for (int c = 0; c < table.columns().size(); c++) {
      counts.put(table.columns().get(c).metric(), table.columnValues(c));
    }
    int rows = table.rowCount();
    return new CountGrid(table.originNanos(), table.stepNanos(), rows, counts).covering(spans, timeoutNanos);
  }

  /**
   * Watches the times the table's buckets follow (every message and skip: transactions count at
   * their query's time) and ends the pass once they span more than {@value #MAX_BUCKETS} buckets of
   * the step: before the table would refuse them, or its chunk limit drop counts. Confined to the
   * aggregating thread.
   */
  private static final class SpanGuard extends MessageSpan {
    private final long step;

    SpanGuard(long step) {
      this.step = step;
    }

    @Override
    protected void widened(long firstNanos, long lastNanos) {
      if (!fits(step, firstNanos, lastNanos)) {
        throw new Outgrown(stepFor(firstNanos, lastNanos));
      }
    }
  }

  /**
   * The caller's progress over one or more passes of the same files: a pass given up counts its
   * bytes as done and adds them to the total, so done never goes back. Used on the pass's thread.
   */
  private static final class PassProgress implements Progress {
    private final Progress progress;
    private long before;
    private long done;

    PassProgress(Progress progress) {
      this.progress = progress;
    }

    @Override
    public void update(long done, long total) {
      this.done = done;
      progress.update(before + done, total < 0 ? -1 : before + total);
    }

    @Override
    public boolean isCancelled() {
      return progress.isCancelled();
    }

    /** The pass so far is given up; the next starts from the beginning of the files. */
    void next() {
      before += done;
      done = 0;
    }
  }
}
