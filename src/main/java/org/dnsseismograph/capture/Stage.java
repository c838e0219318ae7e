package org.dnsseismograph.capture;

import java.util.List;
import org.dnsseismograph.wire.Skipped;

/**
 * What a live source's worker does with each queued item: decode it and feed the analysis.
 * Confined to the worker thread.
 */
interface Stage<T> {

  void accept(T item);

  /** End of input: flush what is held (TCP streams, fragments). */
  void finish();

  /** The newest message time seen (epoch ns), or {@code Long.MIN_VALUE}. */
  long clockNanos();

  long analyzed();

  long dnsMessages();

  long queries();

  long responses();

  /** What decoding skipped so far, most frequent first. */
  List<Skipped> skipped();
}
