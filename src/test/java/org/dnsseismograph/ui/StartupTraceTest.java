package org.dnsseismograph.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The start-up trace's line: the frame's wall time, the JVM's start and each mark in milliseconds since it, in order. */
class StartupTraceTest {
  @Test
  void marksAreMillisecondsSinceTheJvmStartedInTheOrderReached() throws Exception {
    StartupTrace.mark("trace-test-a");
    Thread.sleep(30);
    StartupTrace.mark("trace-test-b");
    Thread.sleep(20);
    long frameMillis = System.currentTimeMillis();
    String line = StartupTrace.line(frameMillis, System.nanoTime());

    assertTrue(line.endsWith("\n"));
    String[] fields = line.strip().split(" ");
    assertEquals(frameMillis, Long.parseLong(fields[0]));
    long start = ManagementFactory.getRuntimeMXBean().getStartTime();
    assertEquals(start, Long.parseLong(fields[1]));
    Map<String, Long> marks = new LinkedHashMap<>();
    for (int i = 2; i < fields.length; i++) {
      String[] kv = fields[i].split("=");
      marks.put(kv[0], Long.parseLong(kv[1]));
    }
    List<String> names = new ArrayList<>(marks.keySet());
    assertEquals("frame", names.get(names.size() - 1));
    assertTrue(names.indexOf("trace-test-a") < names.indexOf("trace-test-b"));
    long a = marks.get("trace-test-a");
    long b = marks.get("trace-test-b");
    long frame = marks.get("frame");
    assertEquals(frameMillis - start, frame);
    // Each clock read is rounded down to the millisecond once: a gap may lose one.
    assertTrue(b - a >= 29 && b - a < 1000, "a to b: " + (b - a));
    assertTrue(frame - b >= 19 && frame - b < 1000, "b to the frame: " + (frame - b));
    assertTrue(a >= 0);
  }
}
