package org.dnsseismograph.ui;

/** The program's version from the jar's manifest (set by Maven), or "development" when run from classes. */
final class Version {
  private Version() {}

  static String text() {
    String v = Version.class.getPackage().getImplementationVersion();
    return v == null ? "development" : v;
  }
}
