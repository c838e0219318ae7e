package org.dnsseismograph.ui.common;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.dnsseismograph.common.UserDirectory;

/**
 * What the window remembers between runs, in the user's configuration directory ({@code
 * $XDG_CONFIG_HOME/dns-seismograph}, else {@code ~/.config/dns-seismograph}): the recently opened
 * files (one absolute path a line in {@code recent-files}, newest first, at most {@link
 * #RECENT_LIMIT}) and settings such as the theme ({@code settings.properties}).
 *
 * <p>Failure: an unreadable or unwritable directory is not an error for the window — nothing is
 * remembered then, and {@link #lastProblem()} says why. Files are replaced atomically. FX thread
 * only (small files; one write per change).
 */
public final class UserSettings {
  /** How many recent files are kept. */
  public static final int RECENT_LIMIT = 10;
  private static final String RECENT = "recent-files";
  private static final String SETTINGS = "settings.properties";

  private final Path dir;
  private final Properties properties = new Properties();
  private final List<Path> recent = new ArrayList<>();
  private String lastProblem;

  /** Settings kept in {@code dir} (created on the first write). */
  public UserSettings(Path dir) {
    this.dir = dir;
    read();
  }

  /** The directory of the current user: {@code $XDG_CONFIG_HOME/dns-seismograph} or {@code ~/.config/dns-seismograph}. */
  public static Path defaultDirectory(Map<String, String> env) {
    return UserDirectory.of(System.getProperties(), env, null, "XDG_CONFIG_HOME", ".config", "");
  }

  public Path directory() {
    return dir;
  }

  /** Recently opened files, newest first (those that no longer exist included: the menu greys them). */
  public List<Path> recentFiles() {
    return List.copyOf(recent);
  }

  /** Puts {@code file} first in the recent files and saves the list. */
  public void addRecent(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    recent.remove(abs);
    recent.add(0, abs);
    while (recent.size() > RECENT_LIMIT) {
      recent.remove(recent.size() - 1);
    }
    write(RECENT, String.join("\n", recent.stream().map(Path::toString).toList()) + "\n");
  }

  public String get(String key, String fallback) {
    return properties.getProperty(key, fallback);
  }

  public void put(String key, String value) {
    putAll(Map.of(key, value));
  }

  /** Sets several settings and saves them in one write. */
  public void putAll(Map<String, String> values) {
    properties.putAll(values);
    StringBuilder b = new StringBuilder("# DNS Seismograph settings\n");
    properties.stringPropertyNames().stream().sorted().forEach(k -> b.append(line(k, properties.getProperty(k))));
    write(SETTINGS, b.toString());
  }

  /**
   * {@code key=value} as {@link Properties#load} reads it back: a filter or a path may hold a
   * backslash, a leading blank, a colon or a line break, which a plain {@code key=value} loses.
   */
  private static String line(String key, String value) {
    Properties one = new Properties();
    one.setProperty(key, value);
    StringWriter w = new StringWriter();
    try {
      one.store(w, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder b = new StringBuilder();
    w.toString().lines().filter(l -> !l.startsWith("#")).forEach(l -> b.append(l).append('\n'));
    return b.toString();
  }

  /** Why the last read or write failed, or null. */
  public String lastProblem() {
    return lastProblem;
  }

  private void read() {
    try {
      Path r = dir.resolve(RECENT);
      if (Files.isRegularFile(r)) {
        for (String line : Files.readAllLines(r, StandardCharsets.UTF_8)) {
          if (!line.isBlank() && recent.size() < RECENT_LIMIT) {
            recent.add(Path.of(line.strip()));
          }
        }
      }
      Path s = dir.resolve(SETTINGS);
      if (Files.isRegularFile(s)) {
        try (var in = Files.newBufferedReader(s, StandardCharsets.UTF_8)) {
          properties.load(in);
        }
      }
    } catch (IOException | RuntimeException e) {
      lastProblem = "cannot read settings in " + dir + ": " + e.getMessage();
    }
  }

  private void write(String name, String text) {
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "." + name, ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      lastProblem = "cannot write " + dir.resolve(name) + ": " + e.getMessage();
    }
  }
}
