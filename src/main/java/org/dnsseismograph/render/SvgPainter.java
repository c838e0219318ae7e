package org.dnsseismograph.render;

import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;

/**
 * A {@link Painter} writing SVG through JFreeSVG: the Java2D drawing of {@link Java2dPainter}, with
 * text kept as {@code <text>} elements (searchable, selectable) and named groups as {@code <g
 * id>} (each lane's data, each annotation label), so a reader can find an annotation in the file.
 * Not thread-safe.
 *
 * @see <a href="https://www.w3.org/TR/SVG11/">SVG 1.1</a>
 */
public final class SvgPainter extends Java2dPainter {
  private final SVGGraphics2D svg;

  /** A painter drawing into a new SVG document of {@code width} × {@code height} logical pixels. */
  public SvgPainter(double width, double height) {
    this(new SVGGraphics2D(width, height));
  }

  private SvgPainter(SVGGraphics2D svg) {
    super(svg);
    this.svg = svg;
    svg.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_STANDARD);
    // JFreeSVG prefixes clip ids with the clock by default; a fixed prefix makes equal pictures equal bytes (evidence bundles).
    svg.setDefsKeyPrefix("seismograph-");
  }

  @Override
  public void beginGroup(String id) {
    svg.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, id.replaceAll("[^A-Za-z0-9_.:-]", "_"));
  }

  @Override
  public void endGroup() {
    svg.setRenderingHint(SVGHints.KEY_END_GROUP, "true");
  }

  /** The SVG document drawn so far, as text. */
  public String document() {
    return svg.getSVGDocument();
  }
}
