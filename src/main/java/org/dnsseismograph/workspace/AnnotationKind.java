package org.dnsseismograph.workspace;

/** What an annotation claims about its span of time. */
public enum AnnotationKind {
  /** A suspected authoritative outage: a span, usually with the zone and the servers that went dark. */
  OUTAGE("outage"),
  /** A spike in traffic: a span. */
  SPIKE("spike"),
  /** A free note: a point in time or a span. */
  NOTE("note");

  private final String word;

  AnnotationKind(String word) {
    this.word = word;
  }

  /** The lower-case word used in labels and in the workspace file. */
  public String word() {
    return word;
  }

  /**
   * The kind named by {@code word} (as written by {@link #word()}, any case).
   *
   * @throws IllegalArgumentException for an unknown word
   */
  public static AnnotationKind ofWord(String word) {
    for (AnnotationKind k : values()) {
      if (k.word.equalsIgnoreCase(word)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown annotation kind '" + word + "' (want outage, spike or note)");
  }
}
