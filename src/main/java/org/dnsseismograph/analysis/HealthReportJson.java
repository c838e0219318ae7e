package org.dnsseismograph.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.traffic.ResolverRole;
import org.dnsseismograph.wire.IpAddress;

/**
 * Writes a {@link HealthReport} as JSON, the stable contract of {@code seismograph detect --format
 * json}, documented field by field in {@code docs/detect-json.md}. The shape, version {@value
 * #VERSION}:
 *
 * <pre>{@code
 * {"version": 1, "capture": {"start": "…Z", "end": "…Z"}, "gridStep": "100ms",
 *  "resolvers": [{"address": "127.0.0.100", "basis": "both-sides", "queriesReceived": 3678, "queriesSent": 4262}],
 *  "outages": [{"start": "…Z", "end": "…Z", "scope": "zone", "zone": "example.test.", "servers": ["127.0.0.21"],
 *               "unanswered": 967, "confidence": 0.99, "reason": "…", "startsAtCaptureStart": false,
 *               "ongoing": false, "evidence": {…}}],
 *  "spikes": [{"metric": "client.queries", "start": "…Z", "end": "…Z", "peak": "…Z", "peakRate": 202,
 *              "baselineRate": 107, "factor": 1.888, "scale": "1s", "significance": 9.2}]}
 * }</pre>
 *
 * {@code gridStep} is the bucket width the spikes and the clients' rates were read at: {@code 100ms},
 * or for a capture spanning more than 9.7 days the coarser step detection used ({@code 1s} ...
 * {@code 1h}). Times are ISO-8601 UTC with milliseconds; numbers have at most three decimals; a value that does
 * not exist (the end of an ongoing outage, a factor over a zero baseline) is {@code null}. Stateless
 * and thread-safe. I/O errors of the {@link Appendable} are passed on.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8259">RFC 8259</a>
 */
public final class HealthReportJson {
  /** The value of the {@code version} field. */
  public static final int VERSION = 1;

  private HealthReportJson() {}

  /** Writes the report, ending with a newline. */
  public static void write(HealthReport report, Appendable out) throws IOException {
    JsonOut j = new JsonOut(out);
    j.beginObject(null).number("version", VERSION);
    j.beginObject("capture").time("start", report.captureStartNanos()).time("end", report.captureEndNanos()).endObject();
    j.string("gridStep", TimeUnits.formatDuration(report.gridStepNanos()));
    j.beginArray("resolvers");
    for (ResolverRole r : report.resolvers()) {
      j.beginObject(null).string("address", r.address().toString()).string("basis", r.basis().code()).number("queriesReceived", r.queriesReceived())
          .number("queriesSent", r.queriesSent()).endObject();
    }
    j.endArray().beginArray("outages");
    for (Outage o : report.outages()) {
      outage(j, o);
    }
    j.endArray().beginArray("spikes");
    for (Spike s : report.spikes()) {
      spike(j, null, s);
    }
    j.endArray().endObject();
    out.append('\n');
  }

  /** The report as one JSON string. */
  public static String toString(HealthReport report) {
    StringBuilder sb = new StringBuilder();
    try {
      write(report, sb);
    } catch (IOException e) {
      throw new UncheckedIOException("a StringBuilder does not fail", e);
    }
    return sb.toString();
  }

  private static void outage(JsonOut j, Outage o) throws IOException {
    j.beginObject(null).time("start", o.startNanos()).time("end", o.endNanos()).string("scope", o.scope().code()).string("zone", o.zone());
    addresses(j, "servers", o.servers());
    j.number("unanswered", o.unanswered()).number("confidence", o.confidence()).string("reason", o.reason())
        .bool("startsAtCaptureStart", o.startsAtCaptureStart()).bool("ongoing", o.ongoing());
    evidence(j, o.evidence());
    j.endObject();
  }

  private static void evidence(JsonOut j, OutageEvidence e) throws IOException {
    j.beginObject("evidence");
    j.beginArray("zones");
    for (String z : e.zones()) {
      j.string(null, z);
    }
    j.endArray();
    addresses(j, "zoneServers", e.zoneServers());
    j.number("queries", e.queries()).number("answered", e.answered()).number("baselineAnswerRatio", e.baselineAnswerRatio())
        .time("lastAnswerBefore", e.lastAnswerBeforeNanos()).time("lastUnanswered", e.lastUnansweredNanos());
    j.beginArray("perServer");
    for (ServerSpan s : e.perServer()) {
      j.beginObject(null).string("server", s.server().toString()).time("start", s.startNanos()).time("end", s.endNanos()).number("queries", s.queries())
          .number("unanswered", s.unanswered()).endObject();
    }
    j.endArray();
    client(j, e.client());
    if (e.clientSpike() == null) {
      j.string("clientSpike", null);
    } else {
      spike(j, "clientSpike", e.clientSpike());
    }
    j.beginArray("otherSpikes");
    for (Spike s : e.otherSpikes()) {
      spike(j, null, s);
    }
    j.endArray().beginArray("failingSuffixes");
    for (SuffixFailures f : e.failingSuffixes()) {
      j.beginObject(null).string("suffix", ZoneNames.absolute(f.suffix())).number("failures", f.failures()).endObject();
    }
    j.endArray().endObject();
  }

  private static void client(JsonOut j, ClientImpact c) throws IOException {
    j.beginObject("client").number("queriesPerSecondBefore", c.queriesBefore()).number("queriesPerSecondDuring", c.queriesDuring())
        .number("queriesPeakPerSecond", c.queriesPeak()).number("servfailPerSecondBefore", c.servfailBefore())
        .number("servfailPerSecondDuring", c.servfailDuring()).number("retriesPerSecondBefore", c.retriesBefore())
        .number("retriesPerSecondDuring", c.retriesDuring()).number("unansweredPerSecondBefore", c.unansweredBefore())
        .number("unansweredPerSecondDuring", c.unansweredDuring()).endObject();
  }

  private static void spike(JsonOut j, String name, Spike s) throws IOException {
    j.beginObject(name).string("metric", s.metric().name()).time("start", s.startNanos()).time("end", s.endNanos()).time("peak", s.peakNanos())
        .number("peakRate", s.peakRate()).number("baselineRate", s.baselineRate()).number("factor", s.factor())
        .string("scale", TimeUnits.formatDuration(s.scaleNanos())).number("significance", s.significance()).endObject();
  }

  private static void addresses(JsonOut j, String name, List<IpAddress> list) throws IOException {
    j.beginArray(name);
    for (IpAddress a : list) {
      j.string(null, a.toString());
    }
    j.endArray();
  }
}
