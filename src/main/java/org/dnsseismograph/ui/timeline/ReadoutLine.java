package org.dnsseismograph.ui.timeline;

import org.dnsseismograph.render.Rgba;

/**
 * One line of the crosshair readout: a series of a lane and its value in the bucket under the
 * crosshair, formatted with its unit ("—" where there is no data). Immutable.
 *
 * @param lane the lane's title
 * @param series the series' label
 * @param value the bucket's value, with the min–max band when it differs ("120/s (80/s–950/s)")
 * @param colour the series' colour, for a key
 */
public record ReadoutLine(String lane, String series, String value, Rgba colour) {

  /** {@code queries: 120/s}, as the readout shows it. */
  public String text() {
    return series + ": " + value;
  }
}
