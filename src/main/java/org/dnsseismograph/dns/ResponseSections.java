package org.dnsseismograph.dns;

/**
 * What {@link ResponseSectionScanner} learned from one response about the zones its server serves:
 * the AA flag, the answer section's owner names and types, the authority section's NS records
 * (delegations: zone and name server) and first SOA owner, and the additional section's A and AAAA
 * records (glue). A reused flyweight with fixed capacity, filled in place by each scan; not
 * thread-safe. Records beyond a list's capacity are counted in {@link #omitted()}, not kept.
 *
 * <p>Validity: after any result but {@link ScanResult#TOO_SHORT}, {@link #authoritative()} is valid
 * and each list holds the entries read before the scan stopped, in message order. Addresses are held
 * as two longs, as {@link org.dnsseismograph.wire.IpAddress} does (IPv4 mapped into IPv6).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc1034#section-4.3.2">RFC 1034 §4.3.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2308#section-2">RFC 2308 §2 (negative answers)</a>
 */
public final class ResponseSections {
  /** Answer owners kept per response. */
  public static final int MAX_ANSWERS = 16;
  /** NS records of the authority section kept per response (a root or TLD referral has 13). */
  public static final int MAX_DELEGATIONS = 16;
  /** Glue addresses kept per response (13 A plus 13 AAAA for a TLD referral). */
  public static final int MAX_GLUE = 32;

  boolean authoritative;
  int answerCount;
  final NameText[] answerOwners = texts(MAX_ANSWERS);
  final int[] answerTypes = new int[MAX_ANSWERS];
  int delegationCount;
  final NameText[] delegationZones = texts(MAX_DELEGATIONS);
  final NameText[] delegationServers = texts(MAX_DELEGATIONS);
  boolean hasSoa;
  final NameText soaOwner = new NameText();
  int glueCount;
  final NameText[] glueNames = texts(MAX_GLUE);
  final long[] glueHi = new long[MAX_GLUE];
  final long[] glueLo = new long[MAX_GLUE];
  int omitted;

  private static NameText[] texts(int n) {
    NameText[] a = new NameText[n];
    for (int i = 0; i < n; i++) {
      a[i] = new NameText();
    }
    return a;
  }

  void reset() {
    authoritative = false;
    answerCount = 0;
    delegationCount = 0;
    hasSoa = false;
    glueCount = 0;
    omitted = 0;
  }

  /** The header's AA bit: the server claims authority for the answer. */
  public boolean authoritative() {
    return authoritative;
  }

  /** Answer records kept. */
  public int answerCount() {
    return answerCount;
  }

  /** The owner name of answer {@code i} (0-based, below {@link #answerCount()}). */
  public NameText answerOwner(int i) {
    return answerOwners[checkIndex(i, answerCount)];
  }

  /** The type of answer {@code i}, e.g. 1 for A, 5 for CNAME (see {@link QTypeNames}). */
  public int answerType(int i) {
    return answerTypes[checkIndex(i, answerCount)];
  }

  /** NS records kept from the authority section. */
  public int delegationCount() {
    return delegationCount;
  }

  /** The owner of NS record {@code i}: the zone delegated (or confirmed). */
  public NameText delegationZone(int i) {
    return delegationZones[checkIndex(i, delegationCount)];
  }

  /** The target of NS record {@code i}: a name server of that zone. */
  public NameText delegationServer(int i) {
    return delegationServers[checkIndex(i, delegationCount)];
  }

  /** True when the authority section has an SOA record (a negative answer names its zone so). */
  public boolean hasSoa() {
    return hasSoa;
  }

  /** The owner of the authority section's first SOA record; valid when {@link #hasSoa()}. */
  public NameText soaOwner() {
    return soaOwner;
  }

  /** A and AAAA records kept from the additional section. */
  public int glueCount() {
    return glueCount;
  }

  /** The owner of glue record {@code i}: a host name, usually a name server's. */
  public NameText glueName(int i) {
    return glueNames[checkIndex(i, glueCount)];
  }

  /** The first 64 bits of glue record {@code i}'s address, as {@code IpAddress.hi()}. */
  public long glueAddressHi(int i) {
    return glueHi[checkIndex(i, glueCount)];
  }

  /** The last 64 bits of glue record {@code i}'s address, as {@code IpAddress.lo()}. */
  public long glueAddressLo(int i) {
    return glueLo[checkIndex(i, glueCount)];
  }

  /** Records of the kinds above that did not fit the capacity and were skipped. */
  public int omitted() {
    return omitted;
  }

  private static int checkIndex(int i, int count) {
    if (i < 0 || i >= count) {
      throw new IndexOutOfBoundsException(i);
    }
    return i;
  }
}
