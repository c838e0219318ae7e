package org.dnsseismograph.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When the window starts JavaFX on its software renderer without trying OpenGL first. */
class SoftwarePipelineTest {
  @ParameterizedTest(name = "order {0}, {1}, devices {2}: {3}")
  @CsvSource(delimiter = ';', nullValues = "null", value = {
      "null; Linux; ; true",
      "''; Linux; ; true",
      "null; Linux; /dev/dri; false",
      "null; Linux; /dev/nvidiactl; false",
      "es2,sw; Linux; ; false",
      "sw; Linux; ; false",
      "null; Mac OS X; ; false",
      "null; Windows 11; ; false"})
  void onlyALinuxMachineWithoutGraphicsDeviceAndWithoutAChosenOrder(String order, String os, String device, boolean wanted) {
    Set<Path> present = device == null ? Set.of() : Set.of(Path.of(device));
    assertEquals(wanted, SoftwarePipeline.wanted(order, os, present::contains));
  }
}
