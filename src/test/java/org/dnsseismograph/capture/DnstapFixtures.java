package org.dnsseismograph.capture;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.dnsseismograph.dns.DnsHeaderScanner;
import org.dnsseismograph.dns.DnsMessageView;
import org.dnsseismograph.dns.QTypeNames;
import org.dnsseismograph.dns.ScanResult;
import org.dnsseismograph.wire.DnsPayload;
import org.dnsseismograph.wire.IpAddress;

/** The committed dnstap fixtures (made by make-dnstap-fixture.sh) and dnstap-read's line format. */
final class DnstapFixtures {
  private static final DateTimeFormatter DNSTAP_READ_TIME = DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);

  private DnstapFixtures() {}

  static Path dir() {
    return Path.of(System.getProperty("seismograph.test.data", "src/test/resources"), "org/dnsseismograph/capture");
  }

  /** Unbound's dnstap of 7 queries through it to NSD (28 messages), as fstrm_capture wrote it. */
  static Path unboundFile() {
    return dir().resolve("unbound.dnstap");
  }

  /** BIND's dnstap-read of {@link #unboundFile()}, TZ=UTC: the trusted peer's view of each message. */
  static Path unboundPeerText() {
    return dir().resolve("unbound.dnstap-read.txt");
  }

  /**
   * One message as dnstap-read prints it: time (ms, UTC), mnemonic, initiator, arrow (-> for a
   * query, <- for a response), responder, protocol, size, question.
   */
  static String dnstapReadLine(DnsPayload payload, DnstapMessage m, DnsHeaderScanner scanner, DnsMessageView view) {
    String question = "?";
    if (scanner.scan(payload.buffer, payload.offset, payload.length, view) == ScanResult.OK && view.hasQuestion) {
      question = view.qnameString() + "/" + (view.qclass == 1 ? "IN" : "CLASS" + view.qclass) + "/" + QTypeNames.name(view.qtype);
    }
    long t = m.timeNanos();
    String time = DNSTAP_READ_TIME.format(Instant.ofEpochSecond(Math.floorDiv(t, 1_000_000_000L), Math.floorMod(t, 1_000_000_000L)));
    String initiator = new IpAddress(m.queryAddressHi, m.queryAddressLo) + ":" + m.queryPort;
    String responder = new IpAddress(m.responseAddressHi, m.responseAddressLo) + ":" + m.responsePort;
    return time + " " + m.type.mnemonic() + " " + initiator + (m.type.isResponse() ? " <- " : " -> ") + responder + " " + m.transport() + " "
        + payload.length + "b " + question;
  }
}
