package org.dnsseismograph.traffic;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.ObjLongConsumer;
import org.dnsseismograph.dns.DnsMessageView;
import org.dnsseismograph.dns.WireNameText;

/**
 * How often each question name, client and server, and each answer, occurs in a range of a
 * snapshot's rows, counted by dictionary id so that no text is made per row: the side panel's sums
 * over millions of transactions. Made by {@link TransactionSnapshot#tally}; text is made only for
 * the entries asked for. Tallies of snapshots with dictionaries of their own (captures loaded apart)
 * are added up by {@link #merge}, which matches names and addresses by their bytes. Not
 * thread-safe.
 */
public final class WindowTally {
  /** Where the queries closed unanswered are counted in the answers, after the 4,096 rcodes. */
  static final int NO_ANSWER = 1 << 12;

  private final int[] qnames;
  private final int[] clients;
  private final int[] servers;
  private final long[] answers = new long[NO_ANSWER + 1];
  private final NameDictionary.View names;
  private final AddressDictionary.View addresses;

  /** An empty tally of the ids the views know. */
  WindowTally(NameDictionary.View names, AddressDictionary.View addresses) {
    qnames = new int[names.size()];
    clients = new int[addresses.size()];
    servers = new int[addresses.size()];
    this.names = names;
    this.addresses = addresses;
  }

  /**
   * The sum of several tallies, each numbered by dictionaries of its own: a name or address counts
   * once however many of them hold it. Entries are matched by their lower-case wire bytes and
   * address words, so no text is made but for the entries a list then gives; the cost is one
   * dictionary lookup per entry counted in any part. One tally is returned as it is.
   */
  public static WindowTally merge(List<WindowTally> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    NameDictionary names = new NameDictionary();
    AddressDictionary addresses = new AddressDictionary();
    byte[] wire = new byte[WireNameText.WIRE_CAPACITY];
    int[][] nameIds = new int[parts.size()][];
    int[][] addressIds = new int[parts.size()][];
    for (int k = 0; k < parts.size(); k++) {
      WindowTally t = parts.get(k);
      nameIds[k] = new int[t.qnames.length];
      for (int id = 0; id < t.qnames.length; id++) {
        if (t.qnames[id] > 0) {
          int length = t.names.wire(id, wire);
          nameIds[k][id] = names.intern(wire, length, DnsMessageView.wireHash(wire, length));
        }
      }
      addressIds[k] = new int[t.clients.length];
      for (int id = 0; id < t.clients.length; id++) {
        if (t.clients[id] > 0 || t.servers[id] > 0) {
          addressIds[k][id] = t.addresses.internInto(id, addresses);
        }
      }
    }
    WindowTally sum = new WindowTally(names.view(), addresses.view());
    for (int k = 0; k < parts.size(); k++) {
      WindowTally t = parts.get(k);
      for (int id = 0; id < t.qnames.length; id++) {
        if (t.qnames[id] > 0) {
          sum.qnames[nameIds[k][id]] += t.qnames[id];
        }
      }
      for (int id = 0; id < t.clients.length; id++) {
        if (t.clients[id] > 0 || t.servers[id] > 0) {
          sum.clients[addressIds[k][id]] += t.clients[id];
          sum.servers[addressIds[k][id]] += t.servers[id];
        }
      }
      for (int a = 0; a < t.answers.length; a++) {
        sum.answers[a] += t.answers[a];
      }
    }
    return sum;
  }

  /** Counts one row: its name, client and answer when {@code asked}, its server when {@code asking}. */
  void add(int qname, int client, int server, int answer, boolean asked, boolean asking) {
    if (asked) {
      qnames[qname]++;
      clients[client]++;
      if (answer >= 0) {
        answers[answer]++;
      }
    }
    if (asking) {
      servers[server]++;
    }
  }

  /**
   * Gives the question names with their counts: those at least as frequent as the {@code n}-th most
   * frequent (ties with it included, so the caller can break them by text), or every name counted
   * when {@code n} is {@link Integer#MAX_VALUE}.
   */
  public void qnames(int n, ObjLongConsumer<String> out) {
    leading(qnames, n, names::text, out);
  }

  /** The clients as {@link #qnames} gives the names, as text ({@link org.dnsseismograph.wire.IpAddress#toString()}). */
  public void clients(int n, ObjLongConsumer<String> out) {
    leading(clients, n, this::addressText, out);
  }

  /** The servers as {@link #clients} gives the clients. */
  public void servers(int n, ObjLongConsumer<String> out) {
    leading(servers, n, this::addressText, out);
  }

  /** Transactions answered with this rcode (0..4095) in the counted rows. */
  public long answered(int rcode) {
    return answers[rcode];
  }

  /** Queries closed unanswered in the counted rows. */
  public long unanswered() {
    return answers[NO_ANSWER];
  }

  private String addressText(int id) {
    return addresses.address(id).toString();
  }

  private static void leading(int[] counts, int n, IntFunction<String> text, ObjLongConsumer<String> out) {
    if (n <= 0) {
      return;
    }
    int threshold = 1;
    if (n < Integer.MAX_VALUE) {
      int[] nonzero = Arrays.stream(counts).filter(c -> c > 0).toArray();
      if (nonzero.length > n) {
        Arrays.sort(nonzero);
        threshold = nonzero[nonzero.length - n];
      }
    }
    for (int id = 0; id < counts.length; id++) {
      if (counts[id] >= threshold) {
        out.accept(text.apply(id), counts[id]);
      }
    }
  }
}
