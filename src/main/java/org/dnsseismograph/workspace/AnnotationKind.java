package org.dnsseismograph.workspace;

/** What an annotation claims about its span of time. */
public enum AnnotationKind {
  /** A suspected authoritative outage: a span, usually with the zone and the servers that went dark. */
  OUTAGE,
  /** A spike in traffic: a span. */
  SPIKE,
  /** A free note: a point in time or a span. */
  NOTE;

  /** The lower-case word used in labels and in the workspace file. */
  public String word() {
    return SavedWords.of(this);
  }

  /**
   * The kind named by {@code word} (as written by {@link #word()}, any case).
   *
   * @throws IllegalArgumentException for an unknown word
   */
  public static AnnotationKind ofWord(String word) {
    return SavedWords.parse(AnnotationKind.class, word, "annotation kind");
  }
}
