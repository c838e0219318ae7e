package org.dnsseismograph.ui.sources;

/** What a source of the window is, as its content showed. Immutable. */
public enum SourceKind {
  /** A pcap, pcapng or gzip'd capture file. */
  CAPTURE("capture"),
  /** An operator's export or a resolver's statistics dump. */
  EXPORT("export"),
  /** A file that could not be recognised (missing, unreadable, in no known format). */
  UNKNOWN("unrecognised file");

  private final String text;

  SourceKind(String text) {
    this.text = text;
  }

  /** The word the sources panel shows. */
  public String text() {
    return text;
  }
}
