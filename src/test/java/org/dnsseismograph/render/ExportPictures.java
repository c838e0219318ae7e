package org.dnsseismograph.render;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.workspace.Annotation;
import org.dnsseismograph.workspace.AnnotationKind;
import org.dnsseismograph.workspace.ContentHash;
import org.dnsseismograph.workspace.SourceRef;

/**
 * Not a test: draws the synthetic incident as exported pictures (full hour, the minute of the
 * outage, the outage's seconds; PNG and SVG) into a directory, for a person to look at. Run with
 * {@code java -cp target/classes:target/test-classes:<deps> org.dnsseismograph.render.ExportPictures DIR}.
 */
public final class ExportPictures {
  private ExportPictures() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/pictures");
    Files.createDirectories(dir);
    SyntheticIncident inc = SyntheticIncident.hour(150);
    List<SeriesSet> raw = inc.sources();
    List<SeriesSet> sources = List.of(raw.get(0), raw.get(1).shifted(-2 * SyntheticIncident.S));
    LanePlan plan = new LanePlanner(Palette.STANDARD).plan(sources);
    List<SourceRef> refs = List.of(new SourceRef("capture.pcap", "capture.pcap", ContentHash.of("synthetic capture".getBytes()), 0, ""),
        new SourceRef("isp1-resolver.csv", "isp1-resolver.csv", ContentHash.of("synthetic export".getBytes()), -2 * SyntheticIncident.S,
            "Europe/Amsterdam"));
    List<Annotation> notes = annotations(inc);
    TimeRange all = new TimeRange(inc.start, inc.start + inc.duration);
    ExportRequest r = ExportRequest.of(plan, notes, refs, all, "Synthetic incident: anycast group dark for 3 s");
    TimelineExport.write(r, dir.resolve("export-full.png"));
    TimelineExport.write(r, dir.resolve("export-full.svg"));
    TimeRange minute = new TimeRange(inc.outage.startNanos() - 20 * SyntheticIncident.S, inc.outage.startNanos() + 40 * SyntheticIncident.S);
    TimelineExport.write(r.withRange(minute).withLocalZone(ZoneId.of("Europe/Amsterdam")), dir.resolve("export-minute.png"));
    TimeRange seconds = new TimeRange(inc.outage.startNanos() - 1500 * SyntheticIncident.MS, inc.outage.endNanos() + 2500 * SyntheticIncident.MS);
    TimelineExport.write(r.withRange(seconds).withSize(1280, 900, 2), dir.resolve("export-seconds@2x.png"));
    TimelineExport.write(r.withRange(seconds), dir.resolve("export-seconds.svg"));
  }

  /** The annotations an analyst would have made of the incident: a proposed outage, a spike, two notes. */
  public static List<Annotation> annotations(SyntheticIncident inc) {
    long s = SyntheticIncident.S;
    return List.of(
        Annotation.proposed(AnnotationKind.OUTAGE, inc.outage, "192.0.2.1-3 stopped answering", "no answers from 3 of 8 servers", "example.",
            inc.darkServers, "OutageDetector"),
        Annotation.drawn(AnnotationKind.SPIKE, new TimeRange(inc.outage.startNanos() + s, inc.outage.endNanos() + 2 * s),
            "client retry storm"),
        Annotation.drawn(AnnotationKind.NOTE, new TimeRange(inc.gap.startNanos(), inc.gap.startNanos()), "capture interrupted"),
        Annotation.drawn(AnnotationKind.NOTE, new TimeRange(inc.outage.startNanos() + 500 * SyntheticIncident.MS,
            inc.outage.startNanos() + 500 * SyntheticIncident.MS), "first SERVFAIL reported by a customer"));
  }
}
