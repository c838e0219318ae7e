package org.dnsseismograph.imports;

import org.dnsseismograph.series.SeriesSet;

/**
 * An imported export: the series it provides and the report of how they were read. Immutable.
 *
 * @param series the series, by metric id, in the order of the export
 * @param report what was found, decided, skipped and warned about
 */
public record ImportResult(SeriesSet series, ImportReport report) {}
