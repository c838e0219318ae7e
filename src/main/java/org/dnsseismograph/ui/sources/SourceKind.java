package org.dnsseismograph.ui.sources;

/** What a source of the window is, as its content showed. Immutable. */
public enum SourceKind {
  /** A pcap, pcapng or gzip'd capture file. */
  CAPTURE("capture"),
  /** A resolver's dnstap log: its DNS messages read as a capture's are. */
  DNSTAP("dnstap log"),
  /** An operator's export or a resolver's statistics dump. */
  EXPORT("export"),
  /** A file that could not be recognised (missing, unreadable, in no known format). */
  UNKNOWN("unrecognised file");

  private final String text;

  SourceKind(String text) {
    this.text = text;
  }

  /** True for the kinds read message by message: their transactions, roles and detections come with them. */
  public boolean hasTraffic() {
    return this == CAPTURE || this == DNSTAP;
  }

  /** The word the sources panel shows. */
  public String text() {
    return text;
  }
}
