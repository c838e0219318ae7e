package org.dnsseismograph.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The test JVM's classpath copied where an unprivileged child process (run as {@code nobody}) can
 * read it: the build directory and the local Maven repository usually belong to root.
 */
public final class ReadableClasspath {
  private ReadableClasspath() {}

  /** Copies every classpath entry into {@code dir}, readable by all; returns the new classpath. */
  public static String copyInto(Path dir) throws IOException {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    List<String> entries = new ArrayList<>();
    int n = 0;
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path source = Path.of(entry);
      if (!Files.exists(source)) {
        continue;
      }
      Path target = dir.resolve((n++) + "-" + source.getFileName());
      try (Stream<Path> walk = Files.walk(source)) {
        for (Path s : walk.toList()) {
          Path t = target.resolve(source.relativize(s).toString());
          if (Files.isDirectory(s)) {
            Files.createDirectories(t);
            Files.setPosixFilePermissions(t, PosixFilePermissions.fromString("rwxr-xr-x"));
          } else {
            Files.createDirectories(t.getParent());
            Files.copy(s, t);
            Files.setPosixFilePermissions(t, PosixFilePermissions.fromString("rw-r--r--"));
          }
        }
      }
      entries.add(target.toString());
    }
    return String.join(File.pathSeparator, entries);
  }

  /** Deletes {@code dir} and everything below it. */
  public static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
