package org.dnsseismograph.ui;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The moments of one start-up of the window, for the start-up benchmark ({@code
 * packaging/measure-startup.sh}): each {@link #mark} records {@link System#nanoTime()} under a name,
 * and {@link #line} turns them into milliseconds since the JVM started. Marking costs one clock read
 * and no class of {@code java.management}; the JVM's start time is asked for only when the line is
 * written, after the first frame.
 *
 * <p>Thread-safe (marks come from the main and the FX thread). Never fails: a trace is a benchmark
 * aid, and the window works the same without it.
 */
public final class StartupTrace {
  private static final List<String> NAMES = new ArrayList<>();
  private static final List<Long> NANOS = new ArrayList<>();

  private StartupTrace() {}

  /** Records that {@code phase} was reached now. */
  public static synchronized void mark(String phase) {
    NAMES.add(phase);
    NANOS.add(System.nanoTime());
  }

  /**
   * The line the first-frame file holds: {@code frameEpochMillis jvmStartEpochMillis} and then
   * {@code name=millis} for each mark, in milliseconds since the JVM started. {@code frameNanos} is
   * the frame's {@link System#nanoTime()}, {@code frameEpochMillis} the same moment on the wall clock.
   */
  static synchronized String line(long frameEpochMillis, long frameNanos) {
    long start = ManagementFactory.getRuntimeMXBean().getStartTime();
    StringBuilder out = new StringBuilder().append(frameEpochMillis).append(' ').append(start);
    for (int i = 0; i < NAMES.size(); i++) {
      long epoch = frameEpochMillis - (frameNanos - NANOS.get(i)) / 1_000_000L;
      out.append(' ').append(NAMES.get(i)).append('=').append(String.format(Locale.ROOT, "%d", epoch - start));
    }
    return out.append(" frame=").append(frameEpochMillis - start).append('\n').toString();
  }
}
