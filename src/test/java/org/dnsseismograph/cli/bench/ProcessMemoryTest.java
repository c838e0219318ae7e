package org.dnsseismograph.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessMemoryTest {
  private static final int MIB = 1 << 20;

  @Test
  void readsTheKindsOfResidentMemoryOfThisProcess() {
    assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "Linux only");
    ProcessMemory m = ProcessMemory.self();
    assertTrue(m.anon() > 0, m.toString());
    assertTrue(m.file() > 0, m.toString());
    assertTrue(m.rss() >= m.anon() && m.rss() >= m.file(), m.toString());
    assertTrue(m.peakRss() >= m.rss(), m.toString());
  }

  @Test
  void countsTouchedPagesOfAMappedFileAsFileBackedNotAnonymous(@TempDir Path dir) throws IOException, InterruptedException {
    assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "Linux only");
    Path file = dir.resolve("pages.bin");
    Files.write(file, new byte[64 * MIB]);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ); MemorySampler sampler = MemorySampler.start(ProcessHandle.current().pid())) {
      ProcessMemory before = ProcessMemory.self();
      MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, 64 * MIB);
      long sum = 0;
      for (int i = 0; i < map.capacity(); i += 4096) {
        sum += map.get(i);
      }
      ProcessMemory after = ProcessMemory.self();
      sampler.close();
      assertEquals(0, sum);
      assertTrue(after.file() - before.file() >= 60L * MIB, before + " -> " + after);
      assertTrue(after.anon() - before.anon() < 16L * MIB, before + " -> " + after);
      assertTrue(sampler.peak().file() >= after.file(), sampler.peak() + " vs " + after);
    }
  }

  @Test
  void knowsNothingOfAProcessThatDoesNotExist() {
    assertEquals(ProcessMemory.UNKNOWN, ProcessMemory.of(-1));
  }
}
