package org.dnsseismograph.render;

import java.util.Locale;

/**
 * A colour as 8-bit red, green, blue and alpha (255 = opaque): how colours cross from the model to
 * every drawing backend without a toolkit type. Immutable.
 */
public record Rgba(int red, int green, int blue, int alpha) {
  public Rgba {
    check(red, "red");
    check(green, "green");
    check(blue, "blue");
    check(alpha, "alpha");
  }

  /** An opaque colour from {@code 0xRRGGBB}. */
  public static Rgba rgb(int hex) {
    return new Rgba(hex >> 16 & 0xff, hex >> 8 & 0xff, hex & 0xff, 255);
  }

  /** The same colour with {@code alpha} (0..255). */
  public Rgba withAlpha(int a) {
    return new Rgba(red, green, blue, a);
  }

  /** The same colour with alpha as a fraction (0..1). */
  public Rgba withOpacity(double opacity) {
    return withAlpha((int) Math.round(Math.max(0, Math.min(1, opacity)) * 255));
  }

  /** The colour {@code t} of the way from this one to {@code other} (0 = this, 1 = other), alpha too. */
  public Rgba mix(Rgba other, double t) {
    return new Rgba(lerp(red, other.red, t), lerp(green, other.green, t), lerp(blue, other.blue, t), lerp(alpha, other.alpha, t));
  }

  /** {@code 0xAARRGGBB}, as {@link java.awt.image.BufferedImage#getRGB} gives pixels. */
  public int argb() {
    return alpha << 24 | red << 16 | green << 8 | blue;
  }

  /** The opacity as a fraction 0..1. */
  public double opacity() {
    return alpha / 255.0;
  }

  /** {@code #rrggbb}, ignoring alpha. */
  public String hex() {
    return String.format(Locale.ROOT, "#%02x%02x%02x", red, green, blue);
  }

  private static int lerp(int a, int b, double t) {
    return (int) Math.round(a + (b - a) * Math.max(0, Math.min(1, t)));
  }

  private static void check(int v, String what) {
    if (v < 0 || v > 255) {
      throw new IllegalArgumentException(what + " must be 0..255, got " + v);
    }
  }
}
