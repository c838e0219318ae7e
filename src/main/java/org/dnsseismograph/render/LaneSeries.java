package org.dnsseismograph.render;

import java.util.Objects;
import org.dnsseismograph.series.ResolvableSeries;

/**
 * One series as a lane draws it: under a short label ({@code p99}, {@code SERVFAIL}, {@code
 * 192.0.2.1}) in a colour. Immutable when the series is.
 */
public record LaneSeries(String label, ResolvableSeries series, Rgba colour) {
  public LaneSeries {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(colour, "colour");
  }
}
