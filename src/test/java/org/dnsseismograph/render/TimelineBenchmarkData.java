package org.dnsseismograph.render;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.dnsseismograph.series.Consolidation;
import org.dnsseismograph.series.EventSeriesWriter;
import org.dnsseismograph.series.LabelConvention;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.ResolvableSeries;
import org.dnsseismograph.series.SampleSeriesWriter;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.Unit;

/**
 * The benchmarks' data: a day of resolver traffic as a capture's series (11 event series, eight
 * servers' answer ratios and four latency percentiles per second), with a 3 s outage of three
 * servers and its retry storm at 20:49:10; and random views from the whole day down to 50 ms.
 */
public final class TimelineBenchmarkData {
  public static final long MS = 1_000_000L;
  public static final long S = 1_000_000_000L;
  public static final long DAY = 86_400 * S;
  public static final long T0 = 1_264_982_400L * S;
  public static final long OUTAGE = T0 + (20 * 3600 + 49 * 60 + 10) * S;
  private static final String[] EVENTS = {"client.queries", "client.responses", "client.rcode.NOERROR", "client.rcode.NXDOMAIN",
      "client.rcode.SERVFAIL", "client.rcode.REFUSED", "client.unanswered", "client.retries", "upstream.queries", "upstream.responses",
      "upstream.timeouts"};

  private TimelineBenchmarkData() {}

  public static TimeRange randomView(SplittableRandom r) {
    long width = (long) (50 * MS * Math.pow(DAY / (50.0 * MS), r.nextDouble()));
    long start = T0 + (long) (r.nextDouble() * (DAY - width));
    return new TimeRange(start, start + width);
  }

  /** A diurnal Poisson stream with a 3 s outage of three servers and its retry storm at 20:49:10. */
  public static SeriesSet day(long events) {
    EventSeriesWriter[] w = new EventSeriesWriter[EVENTS.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = new EventSeriesWriter(MetricId.of(EVENTS[i]));
      w[i].cover(T0, T0 + DAY);
    }
    SplittableRandom r = new SplittableRandom(42);
    double base = events / 3.0 / (DAY / (double) S);
    double t = T0;
    long n = 0;
    while (n < events) {
      long now = (long) t;
      boolean storm = now >= OUTAGE && now < OUTAGE + 5 * S;
      double rate = base * (1 + 0.6 * Math.sin(2 * Math.PI * (now - T0) / DAY)) * (storm ? 4 : 1);
      t += -Math.log(1 - r.nextDouble()) / rate * S;
      n += packet(w, r, now, storm);
    }
    List<ResolvableSeries> all = new ArrayList<>();
    for (EventSeriesWriter x : w) {
      all.add(x.sealAll());
    }
    all.addAll(perSecond(r));
    return SeriesSet.of("day.pcap", all);
  }

  private static int packet(EventSeriesWriter[] w, SplittableRandom r, long now, boolean storm) {
    w[0].append(now);
    int n = 1;
    if (storm && r.nextInt(100) < 60) {
      w[7].append(now);
      n++;
    }
    if (r.nextInt(100) < (storm ? 20 : 1)) {
      w[6].append(now);
      return n + 1;
    }
    w[1].append(now);
    int roll = r.nextInt(100);
    w[roll < 80 ? 2 : roll < 95 ? 3 : roll < 99 ? 4 : 5].append(now);
    n += 2;
    if (r.nextInt(100) < 30) {
      w[8].append(now);
      w[r.nextInt(100) < (storm ? 40 : 1) ? 10 : 9].append(now);
      n += 2;
    }
    return n;
  }

  /** Eight servers' answer ratio and four latency percentiles, one sample a second. */
  private static List<ResolvableSeries> perSecond(SplittableRandom r) {
    List<SampleSeriesWriter> w = new ArrayList<>();
    for (int k = 1; k <= 8; k++) {
      w.add(new SampleSeriesWriter(MetricId.of("upstream.server.192.0.2." + k + ".answer_ratio"), Unit.RATIO, S, LabelConvention.START,
          Consolidation.MIN));
    }
    for (String p : new String[] {"p50", "p90", "p99", "max"}) {
      w.add(new SampleSeriesWriter(MetricId.of("client.latency." + p), Unit.MILLISECONDS, S, LabelConvention.START, Consolidation.MAX));
    }
    for (long s = T0; s < T0 + DAY; s += S) {
      boolean dark = s >= OUTAGE && s < OUTAGE + 3 * S;
      for (int k = 0; k < 8; k++) {
        w.get(k).add(s, dark && k < 3 ? 0 : 0.97 + 0.03 * r.nextDouble());
      }
      for (int k = 0; k < 4; k++) {
        w.get(8 + k).add(s, (dark ? 400 : 10) * (1 + k) * (0.8 + 0.4 * r.nextDouble()));
      }
    }
    return w.stream().map(x -> (ResolvableSeries) x.publish()).toList();
  }
}
