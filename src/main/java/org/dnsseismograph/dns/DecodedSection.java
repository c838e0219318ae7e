package org.dnsseismograph.dns;

import java.util.List;

/**
 * One section of a decoded DNS message. Immutable.
 *
 * @param name the section's name as dnsjava spells it: QUESTIONS, ANSWERS, AUTHORITY RECORDS,
 *     ADDITIONAL RECORDS (ZONE, PREREQUISITES, UPDATE RECORDS for UPDATE messages)
 * @param count the header's count for this section; more than {@code records().size()} when the
 *     message is malformed or truncated
 * @param records the records read, in message order
 * @see <a href="https://www.rfc-editor.org/rfc/rfc1035#section-4.1">RFC 1035 §4.1</a>
 */
public record DecodedSection(String name, int count, List<DecodedRecord> records) {

  public DecodedSection {
    records = List.copyOf(records);
  }
}
