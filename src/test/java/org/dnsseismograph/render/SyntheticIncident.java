package org.dnsseismograph.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * A resolver's traffic simulated query by query, from first principles, for tests, screenshots and
 * benchmarks: Poisson client queries with a daily swing, a cache, upstream queries to eight
 * authoritative servers of which three (one anycast group) stop answering at once for a few
 * seconds, resolver retries to other servers, client retries and SERVFAILs that follow, and a
 * capture gap where nothing was observed. Latency percentiles are computed per second from the
 * simulated latencies; an operator's export is sampled every 10 s from the same client rate.
 */
public final class SyntheticIncident {
  public static final long MS = 1_000_000L;
  public static final long S = 1_000_000_000L;
  /** 2010-02-01T20:00:00Z. */
  public static final long T0 = 1_265_054_400L * S;

  public final long start;
  public final long duration;
  public final double baseQps;
  /** The three servers of one anycast group stop answering over this span. */
  public final TimeRange outage;
  /** Nothing was captured over this span. */
  public final TimeRange gap;
  public final List<String> darkServers = List.of("192.0.2.1", "192.0.2.2", "192.0.2.3");
  private final long seed;
  private final Map<String, Events> events = new LinkedHashMap<>();
  private final List<double[]> latencies = new ArrayList<>();
  /** Per server: upstream queries asked and answered, by the second they were asked. */
  private final Map<String, Map<Long, long[]>> asked = new java.util.TreeMap<>();

  /** A growable array of timestamps. */
  private static final class Events {
    long[] t = new long[1024];
    int n;

    void add(long x) {
      if (n == t.length) {
        t = Arrays.copyOf(t, n * 2);
      }
      t[n++] = x;
    }
  }

  public SyntheticIncident(long start, long duration, double baseQps, TimeRange outage, TimeRange gap, long seed) {
    this.start = start;
    this.duration = duration;
    this.baseQps = baseQps;
    this.outage = outage;
    this.gap = gap;
    this.seed = seed;
  }

  /** One hour from 20:00 UTC with the outage at 20:49:10 for 3 s and a capture gap from 20:20 to 20:22. */
  public static SyntheticIncident hour(double baseQps) {
    return new SyntheticIncident(T0, 3600 * S, baseQps, new TimeRange(T0 + (49 * 60 + 10) * S, T0 + (49 * 60 + 13) * S),
        new TimeRange(T0 + 20 * 60 * S, T0 + 22 * 60 * S), 42);
  }

  /** The capture's series and an operator's export of the same resolver, as two sources. */
  public List<SeriesSet> sources() {
    simulate();
    return List.of(capture(), operatorExport());
  }

  private void simulate() {
    if (!events.isEmpty()) {
      return;
    }
    SplittableRandom r = new SplittableRandom(seed);
    double t = start;
    while (t < start + duration) {
      long now = (long) t;
      double rate = baseQps * (1 + 0.3 * Math.sin(2 * Math.PI * (now - start) / (86_400.0 * S)));
      t += -Math.log(1 - r.nextDouble()) / rate * S;
      if (!gap.contains(now)) {
        query(r, now, false);
      }
    }
  }

  /** One client query and everything it causes. */
  private void query(SplittableRandom r, long now, boolean retry) {
    add("client.queries", now);
    if (retry) {
      add("client.retries", now);
    }
    if (r.nextInt(100) < 70) {
      answer(r, now, now + (long) (200_000 + r.nextDouble() * 1_800_000), r.nextInt(100) < 88 ? "NOERROR" : "NXDOMAIN");
      return;
    }
    long at = now + 100_000;
    String server = "192.0.2." + (1 + r.nextInt(8));
    add("upstream.queries", at);
    add("upstream.server." + server + ".queries", at);
    asked(server, at, !dark(server, at));
    if (!dark(server, at)) {
      long back = at + (long) ((5 + r.nextDouble() * r.nextDouble() * 80) * MS);
      upstreamAnswer(server, back);
      answer(r, now, back + 50_000, r.nextInt(100) < 85 ? "NOERROR" : "NXDOMAIN");
      return;
    }
    add("upstream.timeouts", at + 400 * MS);
    String other = "192.0.2." + (1 + r.nextInt(8));
    long again = at + 400 * MS;
    add("upstream.queries", again);
    add("upstream.server." + other + ".queries", again);
    asked(other, again, !dark(other, again));
    if (!dark(other, again)) {
      long back = again + (long) ((5 + r.nextDouble() * 60) * MS);
      upstreamAnswer(other, back);
      answer(r, now, back + 50_000, "NOERROR");
    } else if (r.nextInt(100) < 60) {
      answer(r, now, again + 400 * MS, "SERVFAIL");
    } else {
      add("client.unanswered", now);
    }
    if (!retry) {
      // Stub resolvers and applications repeat a failing query again and again: the retry storm.
      int retries = 15 + r.nextInt(16);
      long when = now + 300 * MS;
      for (int k = 0; k < retries; k++) {
        when += (long) ((100 + r.nextDouble() * 200) * MS);
        query(r, when, true);
      }
    }
  }

  private void asked(String server, long at, boolean answered) {
    if (gap.contains(at) || at >= start + duration) {
      return;
    }
    long[] c = asked.computeIfAbsent(server, k -> new java.util.TreeMap<>()).computeIfAbsent(Math.floorDiv(at, S) * S, k -> new long[2]);
    c[0]++;
    c[1] += answered ? 1 : 0;
  }

  private boolean dark(String server, long at) {
    return outage.contains(at) && darkServers.contains(server);
  }

  private void upstreamAnswer(String server, long at) {
    add("upstream.responses", at);
    add("upstream.server." + server + ".responses", at);
  }

  private void answer(SplittableRandom r, long asked, long at, String rcode) {
    add("client.responses", at);
    add("client.rcode." + rcode, at);
    latencies.add(new double[] {asked, (at - asked) / 1e6});
  }

  private void add(String metric, long t) {
    if (gap.contains(t) || t < start || t >= start + duration) {
      return;
    }
    events.computeIfAbsent(metric, k -> new Events()).add(t);
  }

  private SeriesSet capture() {
    List<ResolvableSeries> list = new ArrayList<>();
    for (Map.Entry<String, Events> e : events.entrySet()) {
      EventSeriesWriter w = new EventSeriesWriter(MetricId.of(e.getKey()));
      w.setImplicitCoverage(false);
      w.cover(start, gap.startNanos());
      w.cover(gap.endNanos(), start + duration);
      long[] ts = Arrays.copyOf(e.getValue().t, e.getValue().n);
      Arrays.sort(ts);
      for (long x : ts) {
        w.append(x);
      }
      list.add(w.sealAll());
    }
    list.addAll(latencySeries());
    list.addAll(answerRatios());
    return SeriesSet.of("capture.pcap", list);
  }

  /**
   * Per server and second, the share of upstream queries asked in that second that were answered
   * (matched by query, as the analysis does), kept as the lowest value when zoomed out.
   */
  private List<ResolvableSeries> answerRatios() {
    List<ResolvableSeries> out = new ArrayList<>();
    asked.forEach((server, seconds) -> {
      SampleSeriesWriter w = new SampleSeriesWriter(MetricId.of("upstream.server." + server + ".answer_ratio"), Unit.RATIO, S,
          LabelConvention.START, Consolidation.MIN);
      seconds.forEach((second, c) -> w.add(second, c[1] / (double) c[0]));
      out.add(w.publish());
    });
    return out;
  }

  /** Per-second p50, p90, p99 and max of the simulated latencies, by the second the query was asked. */
  private List<ResolvableSeries> latencySeries() {
    latencies.sort((a, b) -> Double.compare(a[0], b[0]));
    String[] names = {"p50", "p90", "p99", "max"};
    double[] q = {0.50, 0.90, 0.99, 1.0};
    SampleSeriesWriter[] w = new SampleSeriesWriter[4];
    for (int k = 0; k < 4; k++) {
      w[k] = new SampleSeriesWriter(MetricId.of("client.latency." + names[k]), Unit.MILLISECONDS, S, LabelConvention.START,
          k == 0 ? Consolidation.AVERAGE : Consolidation.MAX);
    }
    int i = 0;
    while (i < latencies.size()) {
      long second = Math.floorDiv((long) latencies.get(i)[0], S) * S;
      int j = i;
      while (j < latencies.size() && latencies.get(j)[0] < second + S) {
        j++;
      }
      double[] ms = new double[j - i];
      for (int k = i; k < j; k++) {
        ms[k - i] = latencies.get(k)[1];
      }
      Arrays.sort(ms);
      for (int k = 0; k < 4; k++) {
        w[k].add(second, ms[Math.min(ms.length - 1, (int) Math.ceil(q[k] * ms.length) - 1)]);
      }
      i = j;
    }
    List<ResolvableSeries> out = new ArrayList<>();
    for (SampleSeriesWriter x : w) {
      out.add(x.publish());
    }
    return out;
  }

  /**
   * What another operator's monitoring exported for its own, bigger resolver: the client query rate
   * averaged over 10 s and labelled at the end, which saw the same storm, with three minutes
   * missing from the export.
   */
  private SeriesSet operatorExport() {
    SampleSeriesWriter w = new SampleSeriesWriter(MetricId.of("isp1.resolver.qps"), Unit.PER_SECOND, 10 * S, LabelConvention.END,
        Consolidation.AVERAGE);
    SplittableRandom r = new SplittableRandom(seed + 1);
    TimeRange storm = new TimeRange(outage.startNanos() + S, outage.endNanos() + 3 * S);
    for (long b = start; b < start + duration; b += 10 * S) {
      double rate = 40 * baseQps * (1 + 0.3 * Math.sin(2 * Math.PI * (b - start) / (86_400.0 * S))) * (0.97 + 0.06 * r.nextDouble());
      long stormy = Math.max(0, Math.min(b + 10 * S, storm.endNanos()) - Math.max(b, storm.startNanos()));
      rate *= 1 + 2.5 * stormy / (10.0 * S);
      boolean missing = b >= start + 35 * 60 * S && b < start + 38 * 60 * S;
      w.add(b + 10 * S, missing ? Double.NaN : rate);
    }
    return SeriesSet.of("isp1-resolver.csv", List.of(w.publish()));
  }
}
