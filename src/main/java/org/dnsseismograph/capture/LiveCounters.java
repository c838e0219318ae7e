package org.dnsseismograph.capture;

import java.util.List;
import org.dnsseismograph.wire.Skipped;

/**
 * A live source's counts since it started, for the status bar. Counts of items are frames for a
 * capture and dnstap data frames for a dnstap receiver. Immutable.
 *
 * @param received items taken from libpcap or the sockets (before pause, recording and queue)
 * @param receivedBytes their bytes as captured
 * @param pausedDiscarded items that arrived while paused and were discarded
 * @param recorded items written to the recording
 * @param recordedBytes bytes of the recording files, headers included
 * @param kernelDropped packets libpcap reports the kernel dropped (its {@code ps_drop}); 0 for dnstap
 * @param interfaceDropped packets libpcap reports the interface dropped ({@code ps_ifdrop}); 0 for dnstap
 * @param queueDropped items our hand-off queue refused because the worker was behind (still
 *     recorded, not analysed)
 * @param queueDepth items waiting in the hand-off queue now
 * @param analyzed items the worker decoded
 * @param dnsMessages DNS messages found in them
 * @param queries messages with QR=0 (malformed ones included when their header was readable)
 * @param responses messages with QR=1
 * @param skipped what decoding skipped, by reason, most frequent first
 * @param connections dnstap senders connected now; 0 for a capture
 * @param recordingsDeleted recording files deleted to keep the recording within its budget
 * @param earlierRecordingsDeleted files of earlier recordings deleted to keep within the budget they
 *     share ({@link Recording#keepAcross()})
 */
public record LiveCounters(long received, long receivedBytes, long pausedDiscarded, long recorded, long recordedBytes, long kernelDropped,
    long interfaceDropped, long queueDropped, int queueDepth, long analyzed, long dnsMessages, long queries, long responses, List<Skipped> skipped,
    int connections, int recordingsDeleted, int earlierRecordingsDeleted) {
  /** Nothing counted yet. */
  public static final LiveCounters NONE = new LiveCounters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of(), 0, 0, 0);

  public LiveCounters {
    skipped = List.copyOf(skipped);
  }

  /** Skips of every reason together. */
  public long skippedTotal() {
    return skipped.stream().mapToLong(Skipped::count).sum();
  }

  /** Everything lost before analysis: the kernel's, the interface's and our queue's drops. */
  public long droppedTotal() {
    return kernelDropped + interfaceDropped + queueDropped;
  }
}
