package org.dnsseismograph.render;

/** Shortens text to a width with a trailing "…". Stateless. */
final class Elide {
  private Elide() {}

  /** {@code text} if it fits {@code width}, else its longest prefix that fits with "…". */
  static String toWidth(String text, double width, TextStyle style, TextMeasure m) {
    if (m.textWidth(text, style) <= width) {
      return text;
    }
    int lo = 0;
    int hi = text.length();
    while (lo < hi) {
      int mid = (lo + hi + 1) / 2;
      if (m.textWidth(text.substring(0, mid) + "…", style) <= width) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return text.substring(0, lo) + "…";
  }
}
