package org.dnsseismograph.cli.bench;

import java.util.concurrent.TimeUnit;

/**
 * Samples a process' resident memory ({@link ProcessMemory}) every {@value #PERIOD_MS} ms on a
 * daemon thread of its own and keeps the highest value of each kind, so that a benchmark reports
 * the peak of anonymous memory apart from the peak of file-backed memory (the kernel keeps only the
 * peak of both together). Its CPU time is not the measured thread's. Close it to stop sampling;
 * {@link #peak()} is safe to call from any thread.
 */
final class MemorySampler implements AutoCloseable {
  static final int PERIOD_MS = 20;

  private final long pid;
  private final Thread thread;
  private volatile ProcessMemory peak;
  private volatile boolean stop;

  private MemorySampler(long pid) {
    this.pid = pid;
    this.peak = ProcessMemory.of(pid);
    this.thread = new Thread(this::run, "memory-sampler-" + pid);
    thread.setDaemon(true);
  }

  /** Starts sampling {@code pid}. */
  static MemorySampler start(long pid) {
    MemorySampler s = new MemorySampler(pid);
    s.thread.start();
    return s;
  }

  private void run() {
    while (!stop) {
      sample();
      try {
        TimeUnit.MILLISECONDS.sleep(PERIOD_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void sample() {
    ProcessMemory now = ProcessMemory.of(pid);
    if (now != ProcessMemory.UNKNOWN) {
      peak = peak.max(now);
    }
  }

  /** The highest values seen so far. */
  ProcessMemory peak() {
    return peak;
  }

  /** Stops sampling (after one last sample) and waits for the thread. */
  @Override
  public void close() throws InterruptedException {
    stop = true;
    thread.join();
    sample();
  }
}
