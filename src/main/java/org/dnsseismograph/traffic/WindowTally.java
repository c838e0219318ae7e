package org.dnsseismograph.traffic;

import java.util.Arrays;
import java.util.function.IntFunction;
import java.util.function.ObjLongConsumer;

/**
 * How often each question name, client and server, and each answer, occurs in a range of a
 * snapshot's rows, counted by dictionary id so that no text is made per row: the side panel's sums
 * over millions of transactions. Made by {@link TransactionSnapshot#tally}; text is made only for
 * the entries asked for. Not thread-safe.
 */
public final class WindowTally {
  /** Where the queries closed unanswered are counted in the answers, after the 4,096 rcodes. */
  static final int NO_ANSWER = 1 << 12;

  private final int[] qnames;
  private final int[] clients;
  private final int[] servers;
  private final long[] answers = new long[NO_ANSWER + 1];
  private final IntFunction<String> qnameText;
  private final IntFunction<String> addressText;

  WindowTally(int nameIds, int addressIds, IntFunction<String> qnameText, IntFunction<String> addressText) {
    qnames = new int[nameIds];
    clients = new int[addressIds];
    servers = new int[addressIds];
    this.qnameText = qnameText;
    this.addressText = addressText;
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
    leading(qnames, n, qnameText, out);
  }

  /** The clients as {@link #qnames} gives the names, as text ({@link org.dnsseismograph.wire.IpAddress#toString()}). */
  public void clients(int n, ObjLongConsumer<String> out) {
    leading(clients, n, addressText, out);
  }

  /** The servers as {@link #clients} gives the clients. */
  public void servers(int n, ObjLongConsumer<String> out) {
    leading(servers, n, addressText, out);
  }

  /** Transactions answered with this rcode (0..4095) in the counted rows. */
  public long answered(int rcode) {
    return answers[rcode];
  }

  /** Queries closed unanswered in the counted rows. */
  public long unanswered() {
    return answers[NO_ANSWER];
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
