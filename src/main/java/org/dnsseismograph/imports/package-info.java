/**
 * Operators' exports on the shared UTC timeline: CSV/TSV and the formats of the common monitoring
 * tools (Grafana, Prometheus, Graphite, RRDtool) and resolver statistics dumps (Unbound, PowerDNS
 * Recursor), detected by content, turned into {@code series} with time zones resolved at this edge,
 * counters turned into rates and every skipped line counted in an {@link
 * org.dnsseismograph.imports.ImportReport}. Entry point: {@link org.dnsseismograph.imports.ExportImporter}.
 * Uses {@code series}, Jackson and the JDK's XML parser only.
 */
package org.dnsseismograph.imports;
