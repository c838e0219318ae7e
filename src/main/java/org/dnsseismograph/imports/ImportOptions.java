package org.dnsseismograph.imports;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.dnsseismograph.series.LabelConvention;

/**
 * What the user says about an export that its content cannot: its format, the time zone of local
 * times, the moment an unstamped snapshot was taken, how counters behave, which series are
 * counters or gauges, which end of its interval a timestamp names, and the step. Every field may be
 * left unset ({@code null}, {@link CounterMode#AUTO}, empty map): the importer then decides and
 * says how in the {@link ImportReport}. Immutable.
 *
 * @param format force this format instead of detecting one; null to detect
 * @param zone the time zone of local date-times without offset; null when the user named none
 *     (such times are then read as UTC, with a warning)
 * @param snapshotTimeNanos the time of a snapshot dump that carries no stamp of its own, epoch ns
 *     UTC; null when not given
 * @param counterMode how the counters of a statistics dump behave between reads
 * @param kinds series kind by series name or glob ({@code *} any characters), first match wins
 * @param label which end of its interval a timestamp names; null for the format's own convention
 * @param stepNanos the sample interval in ns; null to take the format's or infer it from the times
 */
public record ImportOptions(ImportFormat format, ZoneId zone, Long snapshotTimeNanos, CounterMode counterMode,
    Map<String, SeriesKind> kinds, LabelConvention label, Long stepNanos) {

  public ImportOptions {
    Objects.requireNonNull(counterMode, "counterMode");
    // Rules are tried in the order given: keep it.
    kinds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kinds == null ? Map.of() : kinds));
    if (stepNanos != null && stepNanos <= 0) {
      throw new IllegalArgumentException("step must be positive, got " + stepNanos);
    }
  }

  /** Detect everything. */
  public static ImportOptions defaults() {
    return new ImportOptions(null, null, null, CounterMode.AUTO, Map.of(), null, null);
  }

  public ImportOptions withFormat(ImportFormat f) {
    return new ImportOptions(f, zone, snapshotTimeNanos, counterMode, kinds, label, stepNanos);
  }

  public ImportOptions withZone(ZoneId z) {
    return new ImportOptions(format, z, snapshotTimeNanos, counterMode, kinds, label, stepNanos);
  }

  public ImportOptions withSnapshotTime(Long epochNanos) {
    return new ImportOptions(format, zone, epochNanos, counterMode, kinds, label, stepNanos);
  }

  public ImportOptions withCounterMode(CounterMode m) {
    return new ImportOptions(format, zone, snapshotTimeNanos, m, kinds, label, stepNanos);
  }

  /** These options with one more kind rule (a series name or a glob such as {@code total.*}). */
  public ImportOptions withKind(String nameOrGlob, SeriesKind kind) {
    Map<String, SeriesKind> m = new LinkedHashMap<>(kinds);
    m.put(nameOrGlob, kind);
    return new ImportOptions(format, zone, snapshotTimeNanos, counterMode, m, label, stepNanos);
  }

  public ImportOptions withLabel(LabelConvention l) {
    return new ImportOptions(format, zone, snapshotTimeNanos, counterMode, kinds, l, stepNanos);
  }

  public ImportOptions withStep(Long nanos) {
    return new ImportOptions(format, zone, snapshotTimeNanos, counterMode, kinds, label, nanos);
  }

  /** The kind the user gave for a series of this name, or null. */
  SeriesKind kindFor(String name) {
    for (Map.Entry<String, SeriesKind> e : kinds.entrySet()) {
      String rule = e.getKey();
      if (rule.equals(name) || rule.contains("*") && glob(rule).matcher(name).matches()) {
        return e.getValue();
      }
    }
    return null;
  }

  private static Pattern glob(String rule) {
    StringBuilder re = new StringBuilder();
    for (String part : rule.split("\\*", -1)) {
      if (re.length() > 0 || rule.startsWith("*")) {
        re.append(".*");
      }
      re.append(Pattern.quote(part));
    }
    return Pattern.compile(re.toString());
  }
}
