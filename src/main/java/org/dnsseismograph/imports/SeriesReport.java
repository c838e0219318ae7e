package org.dnsseismograph.imports;

import org.dnsseismograph.series.Consolidation;
import org.dnsseismograph.series.LabelConvention;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.Unit;

/**
 * What the importer made of one series of an export, for {@code import --describe} and the UI's
 * import dialog. Times are epoch ns, UTC. Immutable.
 *
 * @param id the series' id in the imported {@link org.dnsseismograph.series.SeriesSet}
 * @param name the series' name as the export wrote it (a label set, a column header, a key)
 * @param kind what its readings measure
 * @param kindBasis how the kind was decided ("name ends in _total and values never fall", "user")
 * @param unit the unit of the imported series (per second for counters turned into rates)
 * @param readings values read from the export for this series, missing ones included
 * @param missing readings that were null, empty, NaN or infinite (gaps)
 * @param samples intervals in the imported series that hold a value (gaps excluded)
 * @param resets counter resets handled (a restart, a reset-on-read); 0 for gauges
 * @param range the span of the imported series; null when it holds nothing
 * @param stepNanos the sample interval in ns
 * @param stepBasis how the step was decided ("declared by the file", "median spacing of times")
 * @param label which end of its interval a timestamp names
 * @param consolidation what a sample says about its interval
 */
public record SeriesReport(MetricId id, String name, SeriesKind kind, String kindBasis, Unit unit, long readings,
    long missing, long samples, long resets, TimeRange range, long stepNanos, String stepBasis, LabelConvention label,
    Consolidation consolidation) {}
