package org.dnsseismograph.ui;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the {@code assets} directory (stylesheets, the demo workspace) wherever the program runs
 * from: the directory named by the system property {@value #PROPERTY} (set by an installed
 * launcher), else {@code ../assets} and {@code assets} beside the jar or class directory the
 * program was loaded from (a source checkout's {@code target/}, an installation's {@code lib/}),
 * else {@code assets} in the working directory. Stateless.
 */
public final class AssetLocator {
  /** The system property naming the assets directory. */
  public static final String PROPERTY = "seismograph.assets";
  /** A file every assets directory has. */
  static final String MARKER = "demo/demo.seismograph.json";

  private AssetLocator() {}

  /** The assets directory, or empty when none of the places holds one. */
  public static Optional<Path> find() {
    return candidates(System.getProperty(PROPERTY), codeLocation(), Path.of("").toAbsolutePath()).stream()
        .filter(p -> Files.isRegularFile(p.resolve(MARKER))).findFirst();
  }

  /** The places looked at, in order. */
  static List<Path> candidates(String property, Path code, Path workingDir) {
    List<Path> out = new ArrayList<>();
    if (property != null && !property.isBlank()) {
      out.add(Path.of(property).toAbsolutePath().normalize());
    }
    if (code != null) {
      Path dir = Files.isDirectory(code) ? code : code.getParent();
      for (Path d = dir; d != null && out.size() < 6; d = d.getParent()) {
        out.add(d.resolve("assets").normalize());
        if (d.resolve("pom.xml").toFile().isFile() || d.resolve("bin").toFile().isDirectory()) {
          break;
        }
      }
    }
    out.add(workingDir.resolve("assets").normalize());
    return out;
  }

  /** The jar or class directory this class was loaded from, or null. */
  private static Path codeLocation() {
    try {
      CodeSource cs = AssetLocator.class.getProtectionDomain().getCodeSource();
      return cs == null ? null : Path.of(cs.getLocation().toURI());
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
  }
}
