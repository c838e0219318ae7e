package org.dnsseismograph.ui.live;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
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
import org.dnsseismograph.wire.DecodeOptions;
import org.dnsseismograph.wire.DnsPorts;

/**
 * The fields of Capture ▸ Live… and the request they make: an interface (as libpcap lists it, with
 * its addresses), a BPF filter defaulting to the DNS ports, a snap length, and an optional recording
 * directory with rotation by size (MiB) and time (seconds); or a dnstap socket. {@link #request}
 * checks them and says what is wrong in one line. FX thread only.
 */
final class LiveForm {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

  final ObjectProperty<List<CaptureInterface>> interfaces = new SimpleObjectProperty<>(List.of());
  final StringProperty interfaceName = new SimpleStringProperty("");
  final BooleanProperty dnstap = new SimpleBooleanProperty();
  final StringProperty filter;
  final IntegerProperty snapLength = new SimpleIntegerProperty(LiveCaptureConfig.DEFAULT_SNAP_LENGTH);
  final StringProperty recordDirectory = new SimpleStringProperty("");
  final IntegerProperty rotateMegabytes = new SimpleIntegerProperty(100);
  final IntegerProperty rotateSeconds = new SimpleIntegerProperty(0);
  final StringProperty endpoint = new SimpleStringProperty("unix:" + Path.of(System.getProperty("java.io.tmpdir"), "seismograph-dnstap.sock"));
  private final DnsPorts ports;

  LiveForm(DnsPorts ports) {
    this.ports = ports;
    this.filter = new SimpleStringProperty(LiveCaptureConfig.defaultFilter(ports));
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

  /** Takes the interface list; the first interface that is up is chosen unless one was. */
  void setInterfaces(List<CaptureInterface> found) {
    // The choice first, then the list: a view that selects the chosen one when the list comes must find it made.
    if (interfaceName.get().isEmpty()) {
      found.stream().filter(CaptureInterface::up).findFirst().or(() -> found.stream().findFirst()).ifPresent(i -> interfaceName.set(i.name()));
    }
    interfaces.set(List.copyOf(found));
  }

  /**
   * The request the fields describe.
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
    if (!Files.isDirectory(d) || !Files.isWritable(d)) {
      throw new IllegalArgumentException("cannot record into " + dir + ": not a writable directory");
    }
    String base = r.capture() != null ? "live-" + r.capture().interfaceName().replaceAll("[^A-Za-z0-9._-]", "_") : "live-dnstap";
    String name = base + "-" + STAMP.format(now) + (r.capture() != null ? ".pcap" : ".fstrm");
    long bytes = Math.max(0, rotateMegabytes.get()) * (1L << 20);
    long nanos = Math.max(0, rotateSeconds.get()) * 1_000_000_000L;
    return new Recording(d.toAbsolutePath(), name, bytes, nanos);
  }
}
