package org.dnsseismograph.capture;

import java.nio.file.Path;
import java.util.List;
import org.dnsseismograph.wire.Skipped;

/**
 * The counts only a source's receiving side knows, read by its worker at each publication. See
 * {@link LiveCounters} for the meaning of each; {@code skipped} holds what the receiving side
 * skipped (broken streams), merged with the decoding skips. Immutable.
 */
record SourceCounts(long received, long receivedBytes, long pausedDiscarded, long recorded, long recordedBytes, long kernelDropped,
    long interfaceDropped, int connections, List<Path> recordings, int recordingsDeleted, int earlierRecordingsDeleted, List<Skipped> skipped) {
  SourceCounts {
    recordings = List.copyOf(recordings);
    skipped = List.copyOf(skipped);
  }
}
