package org.dnsseismograph.ui.live;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.dnsseismograph.capture.CaptureInterface;
import org.dnsseismograph.capture.DnstapEndpoint;
import org.dnsseismograph.capture.LiveCaptureConfig;
import org.dnsseismograph.capture.Recording;
import org.dnsseismograph.common.UserDirectory;
import org.dnsseismograph.ui.common.UserSettings;
import org.dnsseismograph.wire.DecodeOptions;
import org.dnsseismograph.wire.DnsPorts;

/**
 * The fields of Capture ▸ Live… and the request they make: an interface (as libpcap lists it, with
 * its addresses), a BPF filter defaulting to the DNS ports, a snap length; or a dnstap socket. Either
 * is recorded, by default into {@link #defaultRecordings the user's data directory}, in files of
 * 100 MiB of which the newest 2 GiB are kept: the detectors read the recording, so a source that is
 * not recorded lists no spikes and proposes no outages, and a recording is what survives a crash.
 * The analyst may empty the directory (no recording), or change rotation and what is kept; the
 * fields of the last start are {@link #remember remembered} for the next.
 * {@link #request} checks the fields and says what is wrong in one line. FX thread only.
 */
final class LiveForm {
  private static final String KEY = "live.";

  final ObjectProperty<List<CaptureInterface>> interfaces = new SimpleObjectProperty<>(List.of());
  final StringProperty interfaceName = new SimpleStringProperty("");
  final BooleanProperty dnstap = new SimpleBooleanProperty();
  final StringProperty filter;
  final IntegerProperty snapLength = new SimpleIntegerProperty(LiveCaptureConfig.DEFAULT_SNAP_LENGTH);
  final StringProperty recordDirectory;
  final IntegerProperty rotateMegabytes = new SimpleIntegerProperty(100);
  final IntegerProperty rotateSeconds = new SimpleIntegerProperty(0);
  /** The newest files kept, MiB; 0 keeps all. */
  final IntegerProperty keepMegabytes = new SimpleIntegerProperty(2048);
  final StringProperty endpoint = new SimpleStringProperty("unix:" + Path.of(System.getProperty("java.io.tmpdir"), "seismograph-dnstap.sock"));
  private final DnsPorts ports;

  /** The form recording into {@code recordings} by default (null: not recording by default). */
  LiveForm(DnsPorts ports, Path recordings) {
    this.ports = ports;
    this.filter = new SimpleStringProperty(LiveCaptureConfig.defaultFilter(ports));
    this.recordDirectory = new SimpleStringProperty(recordings == null ? "" : recordings.toString());
  }

  /**
   * Where live sources are recorded unless the analyst says otherwise: the system property {@code
   * seismograph.recordings.dir} when set (the tests' own directory), else {@code
   * $XDG_DATA_HOME/dns-seismograph/recordings}, else {@code ~/.local/share/dns-seismograph/recordings}.
   */
  static Path defaultRecordings(Properties props, Map<String, String> env) {
    return UserDirectory.of(props, env, "seismograph.recordings.dir", "XDG_DATA_HOME", ".local/share", "recordings");
  }

  /** "lo — 127.0.0.1, ::1 (loopback)"; "eth0 — 192.0.2.7 (down)". */
  static String describe(CaptureInterface i) {
    StringBuilder b = new StringBuilder(i.name());
    if (!i.addresses().isEmpty()) {
      b.append(" — ").append(String.join(", ", i.addresses()));
    }
    if (i.description() != null && !i.description().isBlank()) {
      b.append(" — ").append(i.description());
    }
    if (i.loopback()) {
      b.append(" (loopback)");
    }
    if (!i.up()) {
      b.append(" (down)");
    }
    return b.toString();
  }

  /**
   * Takes the interface list; the first interface that is up is chosen unless one of the list was
   * (one remembered from an earlier run may be gone).
   */
  void setInterfaces(List<CaptureInterface> found) {
    // The choice first, then the list: a view that selects the chosen one when the list comes must find it made.
    if (found.stream().noneMatch(i -> i.name().equals(interfaceName.get()))) {
      found.stream().filter(CaptureInterface::up).findFirst().or(() -> found.stream().findFirst()).ifPresent(i -> interfaceName.set(i.name()));
    }
    interfaces.set(List.copyOf(found));
  }

  /** Takes the fields as {@link #remember} left them in {@code settings}; a field not there keeps its default. */
  void restore(UserSettings settings) {
    dnstap.set(Boolean.parseBoolean(settings.get(KEY + "dnstap", Boolean.toString(dnstap.get()))));
    interfaceName.set(settings.get(KEY + "interface", interfaceName.get()));
    // An empty filter stands for the DNS ports' default, which follows --dns-port.
    String f = settings.get(KEY + "filter", "");
    filter.set(f.isBlank() ? LiveCaptureConfig.defaultFilter(ports) : f);
    snapLength.set(number(settings, "snap", snapLength.get()));
    endpoint.set(settings.get(KEY + "endpoint", endpoint.get()));
    recordDirectory.set(settings.get(KEY + "record", recordDirectory.get()));
    rotateMegabytes.set(number(settings, "rotate.mib", rotateMegabytes.get()));
    rotateSeconds.set(number(settings, "rotate.seconds", rotateSeconds.get()));
    keepMegabytes.set(number(settings, "keep.mib", keepMegabytes.get()));
  }

  /** Keeps the fields in {@code settings}, so that the next Capture ▸ Live… opens with them (an emptied recording field too). */
  void remember(UserSettings settings) {
    String f = filter.get() == null ? "" : filter.get().strip();
    settings.putAll(Map.of(KEY + "dnstap", Boolean.toString(dnstap.get()), KEY + "interface", nonNull(interfaceName.get()), KEY + "filter",
        f.equals(LiveCaptureConfig.defaultFilter(ports)) ? "" : f, KEY + "snap", Integer.toString(snapLength.get()), KEY + "endpoint",
        nonNull(endpoint.get()), KEY + "record", nonNull(recordDirectory.get()), KEY + "rotate.mib", Integer.toString(rotateMegabytes.get()),
        KEY + "rotate.seconds", Integer.toString(rotateSeconds.get()), KEY + "keep.mib", Integer.toString(keepMegabytes.get())));
  }

  private static int number(UserSettings settings, String key, int fallback) {
    try {
      return Integer.parseInt(settings.get(KEY + key, Integer.toString(fallback)).strip());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  /**
   * The request the fields describe, without touching the disk ({@link #checkDirectory} does).
   *
   * @throws IllegalArgumentException with a one-line reason when a field is wrong
   */
  LiveRequest request(Instant now) {
    LiveRequest r;
    if (dnstap.get()) {
      r = LiveRequest.dnstap(DnstapEndpoint.parse(endpoint.get()));
    } else {
      String name = interfaceName.get() == null ? "" : interfaceName.get().strip();
      if (name.isEmpty()) {
        throw new IllegalArgumentException("choose an interface");
      }
      if (filter.get() == null || filter.get().isBlank()) {
        throw new IllegalArgumentException("give a filter (the default captures DNS on " + ports + ")");
      }
      LiveCaptureConfig c = LiveCaptureConfig.of(name).withPorts(DecodeOptions.defaults().withPorts(ports))
          .withFilter(filter.get().strip()).withSnapLength(snapLength.get());
      r = new LiveRequest(c, null);
    }
    return r.withRecording(recording(r, now));
  }

  private Recording recording(LiveRequest r, Instant now) {
    String dir = recordDirectory.get() == null ? "" : recordDirectory.get().strip();
    if (dir.isEmpty()) {
      return null;
    }
    Path d = Path.of(dir);
    long bytes = Math.max(0, rotateMegabytes.get()) * (1L << 20);
    long nanos = Math.max(0, rotateSeconds.get()) * 1_000_000_000L;
    long keep = Math.max(0, keepMegabytes.get()) * (1L << 20);
    if (keep > 0 && bytes == 0 && nanos == 0) {
      throw new IllegalArgumentException("keeping only the newest files needs a new file every so many MiB or seconds; or keep all (0)");
    }
    return Recording.live(d.toAbsolutePath(), r.capture() != null ? r.capture().interfaceName() : "dnstap", now, r.capture() == null, bytes, nanos, keep);
  }

  /**
   * Makes the recording's directory when missing and checks that it takes the recording: writable,
   * with room for two of its files. I/O (a network home directory may take its time): not on the FX
   * thread.
   *
   * @throws IllegalArgumentException with a one-line reason
   */
  static void checkDirectory(Recording recording) {
    Path d = recording.directory();
    try {
      Files.createDirectories(d);
    } catch (IOException | SecurityException e) {
      throw new IllegalArgumentException("cannot record into " + d + ": " + (e instanceof FileAlreadyExistsException ? "not a directory" : e.getMessage()));
    }
    if (!Files.isWritable(d)) {
      throw new IllegalArgumentException("cannot record into " + d + ": not writable");
    }
    long free = usableSpace(d);
    if (free < Math.max(2 * recording.rotateBytes(), Recording.MIN_ROTATE_BYTES * 2)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "cannot record into %s: only %,d MiB free; empty the field to watch without recording",
          d, free >> 20));
    }
  }

  private static long usableSpace(Path dir) {
    try {
      return Files.getFileStore(dir).getUsableSpace();
    } catch (IOException e) {
      // unknown: let the recorder meet the disk's limit and say so
      return Long.MAX_VALUE;
    }
  }
}
