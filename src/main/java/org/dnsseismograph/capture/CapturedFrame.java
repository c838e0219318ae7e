package org.dnsseismograph.capture;

/**
 * One frame as the capture thread hands it to the worker: its own copy of the bytes. Immutable by
 * convention (the array is handed over).
 *
 * @param timestampNanos capture time (epoch ns, UTC)
 * @param originalLength the frame's length on the wire
 * @param data the captured bytes (at most the snap length)
 */
record CapturedFrame(long timestampNanos, int originalLength, byte[] data) {}
