package org.dnsseismograph.dns;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * The full decode of one DNS message for a person to read (the UI's packet details), by dnsjava
 * 3.6: header, EDNS and every record as text. Not for bulk work: it allocates freely and is some
 * fifty times slower than {@link DnsHeaderScanner} (DnsScannerBenchmark). Stateless and thread-safe.
 *
 * <p>Failure behaviour: never throws for any bytes. A malformed message gives a {@link
 * DecodedMessage} with the error in dnsjava's words, the header (when there are 12 bytes) and the
 * records dnsjava read before the problem. Those come from a second parse of a copy with the TC bit
 * set, which dnsjava answers by keeping what it read, as it does for truncated responses. A message
 * whose own TC bit let dnsjava stop early is reported incomplete too, with how many records it held.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc1035#section-4.1">RFC 1035 §4.1</a>
 * @see <a href="https://github.com/dnsjava/dnsjava">dnsjava</a>
 */
public final class DnsDecoder {
  private static final int TC_BIT = 0x02;
  private static final int[] FLAG_ORDER = {Flags.QR, Flags.AA, Flags.TC, Flags.RD, Flags.RA, Flags.AD, Flags.CD};

  /** Decodes {@code wire}, one whole DNS message (no TCP length prefix). */
  public DecodedMessage decode(byte[] wire) {
    Objects.requireNonNull(wire, "wire");
    if (wire.length < Header.LENGTH) {
      String why = "message of " + wire.length + " bytes is shorter than the 12-byte header";
      return new DecodedMessage(Optional.empty(), Optional.empty(), List.of(), Optional.of(why), Optional.empty());
    }
    Header header = parseHeader(wire);
    try {
      Message message = new Message(wire);
      Optional<String> stoppedEarly = stoppedEarly(message);
      return describe(header, message, stoppedEarly, stoppedEarly.isEmpty() ? Optional.of(message) : Optional.empty());
    } catch (IOException | RuntimeException e) {
      return partial(wire, header, reason(e));
    }
  }

  private static Header parseHeader(byte[] wire) {
    try {
      return new Header(wire);
    } catch (IOException e) {
      throw new IllegalStateException("dnsjava could not read a 12-byte header", e);
    }
  }

  private static DecodedMessage partial(byte[] wire, Header header, String error) {
    byte[] copy = wire.clone();
    copy[2] |= TC_BIT;
    try {
      Message m = new Message(copy);
      return describe(header, m, Optional.of(error + where(m)), Optional.empty());
    } catch (IOException | RuntimeException e) {
      DecodedHeader h = header(header, header.getRcode());
      return new DecodedMessage(Optional.of(h), Optional.empty(), List.of(), Optional.of(error), Optional.empty());
    }
  }

  /** Where the parse stopped: the first section with fewer records than its count. */
  private static String where(Message m) {
    boolean update = m.getHeader().getOpcode() == Opcode.UPDATE;
    for (int s = Section.QUESTION; s <= Section.ADDITIONAL; s++) {
      int read = m.getSection(s).size();
      if (read < m.getHeader().getCount(s)) {
        String section = update ? Section.updString(s) : Section.longString(s);
        return ", in " + section + " record " + (read + 1) + " of " + m.getHeader().getCount(s);
      }
    }
    return "";
  }

  /** When dnsjava stopped early on a message with TC set, says so. */
  private static Optional<String> stoppedEarly(Message m) {
    Header h = m.getHeader();
    int expected = 0;
    int read = 0;
    for (int s = Section.QUESTION; s <= Section.ADDITIONAL; s++) {
      expected += h.getCount(s);
      read += m.getSection(s).size();
    }
    return read == expected
        ? Optional.empty()
        : Optional.of("truncated (TC): " + read + " of " + expected + " records could be read");
  }

  private static DecodedMessage describe(Header header, Message m, Optional<String> error, Optional<Message> message) {
    OPTRecord opt = m.getOPT();
    int rcode = header.getRcode() | (opt == null ? 0 : opt.getExtendedRcode() << 4);
    boolean update = header.getOpcode() == Opcode.UPDATE;
    List<DecodedSection> sections = new ArrayList<>(4);
    for (int s = Section.QUESTION; s <= Section.ADDITIONAL; s++) {
      List<DecodedRecord> records = new ArrayList<>();
      for (Record r : m.getSection(s)) {
        records.add(record(r, s == Section.QUESTION));
      }
      String name = update ? Section.updString(s) : Section.longString(s);
      sections.add(new DecodedSection(name, header.getCount(s), records));
    }
    return new DecodedMessage(
        Optional.of(header(header, rcode)), Optional.ofNullable(opt).map(DnsDecoder::edns), sections, error, message);
  }

  private static DecodedHeader header(Header h, int rcode) {
    List<String> flags = new ArrayList<>(FLAG_ORDER.length);
    for (int f : FLAG_ORDER) {
      if (h.getFlag(f)) {
        flags.add(Flags.string(f));
      }
    }
    return new DecodedHeader(
        h.getID(),
        h.getFlag(Flags.QR),
        Opcode.string(h.getOpcode()),
        RcodeNames.name(rcode),
        flags,
        h.getCount(Section.QUESTION),
        h.getCount(Section.ANSWER),
        h.getCount(Section.AUTHORITY),
        h.getCount(Section.ADDITIONAL));
  }

  private static DecodedRecord record(Record r, boolean question) {
    String owner = r.getName().toString();
    String type = QTypeNames.name(r.getType());
    if (question) {
      return new DecodedRecord(owner, "", DClass.string(r.getDClass()), type, "");
    }
    if (r instanceof OPTRecord opt) {
      return new DecodedRecord(owner, "", "udp=" + opt.getPayloadSize(), type, String.join("; ", edns(opt).options()));
    }
    return new DecodedRecord(owner, Long.toString(r.getTTL()), DClass.string(r.getDClass()), type, r.rdataToString());
  }

  private static DecodedEdns edns(OPTRecord opt) {
    List<String> options = new ArrayList<>();
    for (EDNSOption o : opt.getOptions()) {
      options.add(o.toString());
    }
    boolean dnssecOk = (opt.getFlags() & ExtendedFlags.DO) != 0;
    return new DecodedEdns(opt.getVersion(), opt.getPayloadSize(), dnssecOk, opt.getExtendedRcode(), options);
  }

  private static String reason(Exception e) {
    String text = e.getMessage();
    return text == null || text.isBlank() ? e.getClass().getSimpleName() : text;
  }
}
