package org.dnsseismograph.render;

import java.util.List;
import java.util.Map;
import org.dnsseismograph.workspace.AnnotationKind;

/**
 * The colours of a timeline, shared by the screen and the exports: surfaces, text, series, rcodes,
 * the answer-ratio heat ramp and annotation kinds. Series colours follow the Tableau 10 set; the
 * heat ramp is ColorBrewer's RdYlGn (red = no answers, green = all answered), readable by most
 * colour-blind viewers together with the "no data" grey. Immutable.
 *
 * @see <a href="https://colorbrewer2.org/#type=diverging&scheme=RdYlGn&n=5">ColorBrewer RdYlGn</a>
 */
public final class Palette {
  /** The one palette the program uses, light for screens and paper alike. */
  public static final Palette STANDARD = new Palette();

  private static final List<Rgba> SERIES = List.of(Rgba.rgb(0x1f77b4), Rgba.rgb(0xff7f0e), Rgba.rgb(0x2ca02c), Rgba.rgb(0xd62728),
      Rgba.rgb(0x9467bd), Rgba.rgb(0x8c564b), Rgba.rgb(0xe377c2), Rgba.rgb(0x7f7f7f), Rgba.rgb(0xbcbd22), Rgba.rgb(0x17becf));
  private static final Map<String, Rgba> RCODES = Map.of("NOERROR", Rgba.rgb(0x2ca02c), "NXDOMAIN", Rgba.rgb(0x1f77b4), "SERVFAIL",
      Rgba.rgb(0xd62728), "REFUSED", Rgba.rgb(0xff7f0e), "FORMERR", Rgba.rgb(0x9467bd), "NOTIMP", Rgba.rgb(0x8c564b));
  private static final Rgba[] HEAT = {Rgba.rgb(0xa50026), Rgba.rgb(0xf46d43), Rgba.rgb(0xfee08b), Rgba.rgb(0xa6d96a),
      Rgba.rgb(0x1a9850)};
  /** The heat ramp is drawn in this many steps, so runs of equal colour merge into one rectangle. */
  public static final int HEAT_STEPS = 20;
  private static final Rgba[] HEAT_RAMP = ramp();

  private Palette() {}

  public Rgba background() {
    return Rgba.rgb(0xffffff);
  }

  public Rgba plotBackground() {
    return Rgba.rgb(0xfafbfc);
  }

  /** Where a series has no data: a gap, drawn so it can never be mistaken for a zero. */
  public Rgba noData() {
    return Rgba.rgb(0xe4e6ea);
  }

  public Rgba grid() {
    return Rgba.rgb(0xe3e6ea);
  }

  public Rgba axis() {
    return Rgba.rgb(0x9aa0a6);
  }

  public Rgba text() {
    return Rgba.rgb(0x202124);
  }

  public Rgba mutedText() {
    return Rgba.rgb(0x5f6368);
  }

  public Rgba crosshair() {
    return Rgba.rgb(0x202124).withOpacity(0.65);
  }

  public Rgba selection() {
    return Rgba.rgb(0x1f77b4);
  }

  /** The {@code i}-th colour of the series cycle. */
  public Rgba series(int i) {
    return SERIES.get(Math.floorMod(i, SERIES.size()));
  }

  /** The colour of answers with {@code rcode} (its mnemonic, e.g. SERVFAIL); grey for others. */
  public Rgba rcode(String rcode) {
    return RCODES.getOrDefault(rcode, Rgba.rgb(0x7f7f7f));
  }

  /** The heat colour of an answer ratio (0..1, clamped), quantised to {@link #HEAT_STEPS}. */
  public Rgba heat(double ratio) {
    return HEAT_RAMP[heatStep(ratio)];
  }

  /** The step (0..{@link #HEAT_STEPS}) of the heat ramp an answer ratio falls on. */
  public int heatStep(double ratio) {
    return (int) Math.round(Math.max(0, Math.min(1, ratio)) * HEAT_STEPS);
  }

  /** The colour of heat step {@code k} (0..{@link #HEAT_STEPS}). */
  public Rgba heatOfStep(int k) {
    return HEAT_RAMP[k];
  }

  private static Rgba[] ramp() {
    Rgba[] out = new Rgba[HEAT_STEPS + 1];
    for (int k = 0; k <= HEAT_STEPS; k++) {
      double pos = k / (double) HEAT_STEPS * (HEAT.length - 1);
      int i = Math.min(HEAT.length - 2, (int) Math.floor(pos));
      out[k] = HEAT[i].mix(HEAT[i + 1], pos - i);
    }
    return out;
  }

  public Rgba annotation(AnnotationKind kind) {
    return switch (kind) {
      case OUTAGE -> Rgba.rgb(0xc62828);
      case SPIKE -> Rgba.rgb(0xe65100);
      case NOTE -> Rgba.rgb(0x1565c0);
    };
  }
}
