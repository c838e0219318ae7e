package org.dnsseismograph.capture;

import java.io.IOException;
import java.sql.Timestamp;
import java.util.List;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapStat;
import org.pcap4j.core.RawPacketListener;

/**
 * The capture thread of a {@link LiveCapture}: runs libpcap's loop, records each frame as it
 * arrives, then offers it to the worker's queue without ever waiting. Between loops, which {@link
 * #wake()} breaks every 100 ms (libpcap's TPACKET_V3 read timeout does not fire without traffic, so
 * a blocking read could wait for ever), it reads libpcap's drop counts and flushes the recording.
 *
 * <p>The recording comes first: a frame the worker's queue refuses is still on disk. If writing
 * fails (a full disk), recording stops, the problem is reported and capturing goes on. pcap4j's
 * {@code java.sql.Timestamp} is converted to epoch ns here and goes no further.
 *
 * <p>Counters are written by the capture thread and read by the worker (volatile, one writer).
 */
final class CaptureLoop implements Runnable, RawPacketListener {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final PcapHandle handle;
  private final String interfaceName;
  private final LiveRuntime<CapturedFrame> runtime;
  /** Null when not recording; kept after a failure so its files and counts stay visible. */
  private final PcapRecorder recorder;
  /** Capture thread only: false once the recording failed or was closed. */
  private boolean recording;
  private volatile boolean stopRequested;
  private volatile long received;
  private volatile long receivedBytes;
  private volatile long pausedDiscarded;
  private volatile long kernelDropped;
  private volatile long interfaceDropped;

  CaptureLoop(PcapHandle handle, String interfaceName, PcapRecorder recorder, LiveRuntime<CapturedFrame> runtime) {
    this.handle = handle;
    this.interfaceName = interfaceName;
    this.recorder = recorder;
    this.recording = recorder != null;
    this.runtime = runtime;
  }

  @Override
  public void gotPacket(byte[] packet) {
    received++;
    receivedBytes += packet.length;
    if (runtime.isPaused()) {
      pausedDiscarded++;
      return;
    }
    long t = epochNanos(handle.getTimestamp());
    Integer original = handle.getOriginalLength();
    int originalLength = original == null ? packet.length : original;
    if (recording) {
      try {
        recorder.write(t, packet, originalLength);
      } catch (IOException e) {
        recordingFailed(e);
      }
    }
    runtime.handOff().offer(new CapturedFrame(t, originalLength, packet), t);
  }

  /** pcap4j's timestamp (a {@code java.sql.Timestamp} with nanoseconds) as epoch ns. */
  static long epochNanos(Timestamp ts) {
    return Math.floorDiv(ts.getTime(), 1000) * NANOS_PER_SECOND + ts.getNanos();
  }

  @Override
  public void run() {
    try {
      while (!stopRequested) {
        try {
          handle.loop(-1, this);
        } catch (InterruptedException e) {
          // pcap4j's way of saying breakLoop() was called: time for housekeeping.
        }
        housekeeping();
      }
    } catch (PcapNativeException | NotOpenException e) {
      runtime.fail("capture on " + interfaceName + " stopped: " + e.getMessage());
    } finally {
      housekeepingQuietly();
      closeRecorder();
      handle.close();
    }
  }

  private void housekeeping() throws PcapNativeException, NotOpenException {
    PcapStat stat = handle.getStats();
    kernelDropped = stat.getNumPacketsDropped();
    interfaceDropped = stat.getNumPacketsDroppedByIf();
    if (recording) {
      try {
        recorder.flush();
      } catch (IOException e) {
        recordingFailed(e);
      }
    }
  }

  private void housekeepingQuietly() {
    try {
      housekeeping();
    } catch (PcapNativeException | NotOpenException e) {
      // The handle broke while stopping; the counts read last stand.
    }
  }

  private void recordingFailed(IOException e) {
    runtime.reportProblem("recording stopped: " + e.getMessage() + "; capturing goes on without it");
    closeRecorder();
  }

  private void closeRecorder() {
    if (!recording) {
      return;
    }
    recording = false;
    try {
      recorder.close();
    } catch (IOException e) {
      runtime.reportProblem("recording could not be closed: " + e.getMessage());
    }
  }

  /** Breaks the current loop so that housekeeping runs; safe from any thread. */
  void wake() {
    try {
      handle.breakLoop();
    } catch (NotOpenException e) {
      // Closed already: the thread is ending anyway.
    }
  }

  /** Ends the thread after its current loop (at most one wake-up later). */
  void requestStop() {
    stopRequested = true;
    wake();
  }

  SourceCounts counts() {
    PcapRecorder r = recorder;
    return new SourceCounts(received, receivedBytes, pausedDiscarded, r == null ? 0 : r.records(), r == null ? 0 : r.bytes(), kernelDropped,
        interfaceDropped, 0, r == null ? List.of() : r.files(), r == null ? 0 : r.deletedFiles(), r == null ? 0 : r.deletedEarlierFiles(), List.of());
  }
}
