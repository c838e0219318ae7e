package org.dnsseismograph.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * Picks JavaFX's software renderer up front on a Linux machine that has no graphics device. JavaFX
 * tries its OpenGL pipeline first and falls back to the software one when the GPU check fails; without
 * a DRM device ({@code /dev/dri}) or NVIDIA's driver ({@code /dev/nvidiactl}) the OpenGL it finds is a
 * software one (Mesa's llvmpipe, as under Xvfb or in a VM), which always fails that check, and loading
 * it delays the first frame by about 0.1 s and costs 0.08-0.16 s of CPU (app image under Xvfb, 8 and 6
 * alternating starts, docs/figures/install.md, 2026-11-26). A {@code prism.order} the user set is kept.
 *
 * <p>Stateless; call before the JavaFX toolkit starts. Never fails.
 */
final class SoftwarePipeline {
  /** The JavaFX system property that orders the rendering pipelines. */
  static final String PROPERTY = "prism.order";
  /** Device nodes of which one exists wherever OpenGL can run on a GPU of this machine. */
  static final List<Path> GPU_DEVICES = List.of(Path.of("/dev/dri"), Path.of("/dev/nvidiactl"));

  private SoftwarePipeline() {}

  /** Sets {@value #PROPERTY} to {@code sw} when {@link #wanted} says so for this machine. */
  static void chooseForThisMachine() {
    if (wanted(System.getProperty(PROPERTY), System.getProperty("os.name", ""), Files::exists)) {
      System.setProperty(PROPERTY, "sw");
    }
  }

  /**
   * True when the software pipeline should be chosen: no pipeline order was set, the system is Linux
   * and none of {@link #GPU_DEVICES} exists (as {@code exists} tells).
   */
  static boolean wanted(String order, String osName, Predicate<Path> exists) {
    return (order == null || order.isBlank()) && osName.toLowerCase(java.util.Locale.ROOT).startsWith("linux")
        && GPU_DEVICES.stream().noneMatch(exists);
  }
}
