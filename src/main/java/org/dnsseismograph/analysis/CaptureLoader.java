package org.dnsseismograph.analysis;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.dns.RcodeNames;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.traffic.MatcherConfig;
import org.dnsseismograph.traffic.TransactionColumns;
import org.dnsseismograph.wire.ScanSummary;

/**
 * Loads captures for the window: finds the resolvers ({@link RoleScan}, a short read of the first
 * messages, unless given; with several files, a read of their frame times for the gaps between
 * them, {@link CaptureGaps}), then one streaming pass on the calling thread that builds every metric —
 * {@code dns.*}, {@code client.*}, {@code upstream.*}, per server and per zone — as multi-resolution
 * series ({@link SeriesSink}) and the columnar record of transactions, and
 * publishes an immutable {@link LoadSnapshot} about every {@value #PUBLISH_INTERVAL_MILLIS} ms of
 * work so that the picture builds up while the file is read.
 *
 * <p>Progress is reported in file bytes through the given {@link Progress}; its cancel ends the
 * load with {@link org.dnsseismograph.common.CancelledException} (the last published snapshot stays
 * valid). The UI runs {@link #load} in a background task; CLI and tests call it directly.
 *
 * <p>Memory: the transaction columns (about 35 bytes per transaction) and the event series (4
 * bytes per counted event, about 200 bytes per 10 s of each busy metric), plus bounded matching and
 * reading state.
 *
 * <p>Threads: {@link #load} runs once, on one thread; {@link #latest()} may be called from any
 * thread at any time.
 */
public final class CaptureLoader {
  /** Work between two published snapshots, in milliseconds of wall time. */
  public static final long PUBLISH_INTERVAL_MILLIS = 100;

  private final LoadRequest request;
  private final long publishIntervalNanos;
  private volatile LoadSnapshot latest;
  private boolean started;

  public CaptureLoader(LoadRequest request) {
    this(request, PUBLISH_INTERVAL_MILLIS * TimeUnits.NANOS_PER_MILLI);
  }

  /** A loader that publishes after {@code publishIntervalNanos} of work (0: every 1024 messages). */
  CaptureLoader(LoadRequest request, long publishIntervalNanos) {
    this.request = Objects.requireNonNull(request, "request");
    this.publishIntervalNanos = publishIntervalNanos;
    this.latest = new LoadSnapshot(new SeriesSet(request.sourceName(), java.util.Map.of()), new TransactionColumns(request.timeoutNanos()).snapshot(),
        0, -1, List.of(), DispatchStats.empty(), List.of(), false);
  }

  public LoadRequest request() {
    return request;
  }

  /** The last published snapshot (an empty one before the load starts); any thread. */
  public LoadSnapshot latest() {
    return latest;
  }

  /**
   * Reads the captures, calling {@code listener} (on this thread) with each snapshot as it is
   * published, the complete one last.
   *
   * @throws IOException when a file cannot be read; {@link org.dnsseismograph.wire.NotACaptureException}
   *     for a file that is no capture
   * @throws IllegalStateException when called a second time
   */
  public LoadResult load(Progress progress, Consumer<LoadSnapshot> listener) throws IOException {
    synchronized (this) {
      if (started) {
        throw new IllegalStateException("a loader loads once");
      }
      started = true;
    }
    MatcherConfig matching = MatcherConfig.defaults().withTimeout(request.timeoutNanos());
    CaptureGaps gaps = CaptureGaps.read(request.files(), request.decode().messages(), request.timeoutNanos(), progress);
    MetricAggregator aggregator = MetricAggregator.forSeries(SeriesSinkConfig.forTimeout(request.timeoutNanos()), gaps, RcodeNames::name,
        CaptureSeries::rcodeNumber);
    MessageSpan messages = new MessageSpan();
    aggregator.observe(messages);
    RoleFamilies roles = RoleFamilies.register(aggregator, RoleFamilies.classifier(request.files(), request.decode(), request.resolvers(), progress));
    HealthObservers health = HealthObservers.attach(aggregator, roles, request.timeoutNanos(), gaps, false);
    CapturePipeline pipeline = new CapturePipeline(matching, aggregator, new TransactionColumns(request.timeoutNanos()));
    long[] lastPublish = {System.nanoTime()};
    ScanSummary scan = pipeline.run(request.files(), request.decode(), progress, () -> {
      long now = System.nanoTime();
      if (now - lastPublish[0] >= publishIntervalNanos) {
        lastPublish[0] = now;
        publish(pipeline, aggregator.publishSeries(request.sourceName()), roles, false, listener);
      }
    });
    SeriesSet series = aggregator.finishedSeries(request.sourceName());
    CountGrid grid = SeriesGrid.of(series, messages.first(), messages.last()).covering(scan.fileSpans(), request.timeoutNanos());
    HealthReport report = HealthDetector.detect(health.input(grid, scan.firstTimestampNanos(), scan.lastTimestampNanos()));
    LoadSnapshot last = publish(pipeline, series, roles, true, listener);
    return new LoadResult(last, scan, report);
  }

  private LoadSnapshot publish(CapturePipeline pipeline, SeriesSet series, RoleFamilies roles, boolean complete, Consumer<LoadSnapshot> listener) {
    TransactionColumns columns = pipeline.columns();
    if (!complete) {
      columns.publish();
    }
    LoadSnapshot s = new LoadSnapshot(series, columns.snapshot(), pipeline.bytesDone(), pipeline.bytesTotal(), pipeline.readerSkips(),
        pipeline.dispatcher().stats(), roles.sides().roles(), complete);
    latest = s;
    listener.accept(s);
    return s;
  }
}
