package org.dnsseismograph.dns;

import java.util.ArrayList;
import java.util.List;
import org.dnsseismograph.wire.IpAddress;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * What {@link ResponseSectionScanner} should report for a message dnsjava parsed, as one comparable
 * line: AA, answers (owner/type), NS records (zone>server), first SOA owner, glue (name=address), each
 * list cut to its capacity; class IN only.
 */
final class SectionsOracle {
  private SectionsOracle() {}

  /** What the section scanner should report, from dnsjava's records (capacities applied). */
  static String expected(Message m) {
    List<String> answers = new ArrayList<>();
    List<String> delegations = new ArrayList<>();
    List<String> glue = new ArrayList<>();
    String soa = "-";
    for (Record r : m.getSection(Section.ANSWER)) {
      if (r.getDClass() == DClass.IN) {
        answers.add(name(r) + "/" + r.getType());
      }
    }
    for (Record r : m.getSection(Section.AUTHORITY)) {
      if (r.getDClass() == DClass.IN && r instanceof NSRecord ns) {
        delegations.add(name(r) + ">" + DnsjavaOracle.lowerAscii(ns.getTarget().toString(true)));
      } else if (r.getDClass() == DClass.IN && r.getType() == Type.SOA && soa.equals("-")) {
        soa = name(r);
      }
    }
    for (Record r : m.getSection(Section.ADDITIONAL)) {
      if (r.getDClass() == DClass.IN && r instanceof ARecord a) {
        glue.add(name(r) + "=" + IpAddress.of(a.getAddress().getAddress()));
      } else if (r.getDClass() == DClass.IN && r instanceof AAAARecord a) {
        glue.add(name(r) + "=" + IpAddress.of(a.getAddress().getAddress()));
      }
    }
    return m.getHeader().getFlag(Flags.AA) + " " + cap(answers, ResponseSections.MAX_ANSWERS) + " "
        + cap(delegations, ResponseSections.MAX_DELEGATIONS) + " " + soa + " " + cap(glue, ResponseSections.MAX_GLUE);
  }

  /** The same text from a scan. */
  static String describe(ResponseSections out) {
    List<String> answers = new ArrayList<>();
    for (int i = 0; i < out.answerCount(); i++) {
      answers.add(out.answerOwner(i) + "/" + out.answerType(i));
    }
    List<String> delegations = new ArrayList<>();
    for (int i = 0; i < out.delegationCount(); i++) {
      delegations.add(out.delegationZone(i) + ">" + out.delegationServer(i));
    }
    List<String> glue = new ArrayList<>();
    for (int i = 0; i < out.glueCount(); i++) {
      glue.add(out.glueName(i) + "=" + new IpAddress(out.glueAddressHi(i), out.glueAddressLo(i)));
    }
    String soa = out.hasSoa() ? out.soaOwner().toString() : "-";
    return out.authoritative() + " " + answers + " " + delegations + " " + soa + " " + glue;
  }

  private static String name(Record r) {
    return DnsjavaOracle.lowerAscii(r.getName().toString(true));
  }

  private static List<String> cap(List<String> list, int max) {
    return list.size() > max ? list.subList(0, max) : list;
  }
}
