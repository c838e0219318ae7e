package org.dnsseismograph.capture;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.namednumber.DataLinkType;

/**
 * Opens pcap4j handles for a {@link LiveCapture} and turns libpcap's refusals into one-line {@link
 * CaptureException}s that say what to do: how to grant capture rights, which interfaces exist, what
 * is wrong with a filter. Nanosecond timestamps are asked for and microseconds accepted. Stateless.
 *
 * @see <a href="https://www.tcpdump.org/manpages/pcap.3pcap.html">pcap(3PCAP)</a>
 */
final class PcapHandles {
  /** Longest wait before libpcap hands over a partly filled buffer block (TPACKET_V3). */
  private static final int BLOCK_TIMEOUT_MILLIS = 50;

  private PcapHandles() {}

  /** An open, filtered handle; the caller closes it. */
  static PcapHandle open(LiveCaptureConfig c) throws CaptureException {
    checkFilter(c.filter(), c.snapLength());
    PcapHandle handle;
    try {
      requireInterface(c.interfaceName());
      handle = build(c, PcapHandle.TimestampPrecision.NANO);
    } catch (PcapNativeException e) {
      if (!String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("precision")) {
        throw describe(c.interfaceName(), e);
      }
      try {
        handle = build(c, PcapHandle.TimestampPrecision.MICRO);
      } catch (PcapNativeException again) {
        throw describe(c.interfaceName(), again);
      }
    } catch (LinkageError e) {
      throw libpcapMissing();
    }
    try {
      handle.setFilter(c.filter(), BpfProgram.BpfCompileMode.OPTIMIZE);
    } catch (PcapNativeException | NotOpenException e) {
      handle.close();
      throw new CaptureException(CaptureException.Kind.BAD_FILTER, "bad capture filter '" + c.filter() + "': " + e.getMessage());
    }
    return handle;
  }

  private static PcapHandle build(LiveCaptureConfig c, PcapHandle.TimestampPrecision precision) throws PcapNativeException {
    return new PcapHandle.Builder(c.interfaceName())
        .snaplen(c.snapLength())
        .promiscuousMode(c.promiscuous() ? PcapNetworkInterface.PromiscuousMode.PROMISCUOUS : PcapNetworkInterface.PromiscuousMode.NONPROMISCUOUS)
        .timeoutMillis(BLOCK_TIMEOUT_MILLIS)
        .bufferSize(c.bufferBytes())
        .timestampPrecision(precision)
        .build();
  }

  /** Compiles the filter without a device (no rights needed), so a typo is reported before anything else. */
  static void checkFilter(String filter, int snapLength) throws CaptureException {
    try {
      Pcaps.compileFilter(snapLength, DataLinkType.EN10MB, filter, BpfProgram.BpfCompileMode.OPTIMIZE, PcapHandle.PCAP_NETMASK_UNKNOWN).free();
    } catch (PcapNativeException e) {
      throw new CaptureException(CaptureException.Kind.BAD_FILTER, "bad capture filter '" + filter + "': " + e.getMessage());
    } catch (LinkageError e) {
      throw libpcapMissing();
    }
  }

  private static void requireInterface(String name) throws PcapNativeException, CaptureException {
    if (Pcaps.getDevByName(name) != null) {
      return;
    }
    List<String> names = new ArrayList<>();
    for (PcapNetworkInterface nif : Pcaps.findAllDevs()) {
      names.add(nif.getName());
    }
    throw new CaptureException(CaptureException.Kind.NO_SUCH_INTERFACE,
        "no interface '" + name + "'; interfaces: " + String.join(", ", names) + " (seismograph capture --list-interfaces shows their addresses)");
  }

  /** The LINKTYPE to write in a pcap file for a handle's DLT: DLT_RAW (12, 14 on OpenBSD) is LINKTYPE_RAW (101). */
  static int fileLinkType(int dlt) {
    return dlt == 12 || dlt == 14 ? 101 : dlt;
  }

  static CaptureException describe(String interfaceName, PcapNativeException e) {
    String m = String.valueOf(e.getMessage());
    String lower = m.toLowerCase(Locale.ROOT);
    if (lower.contains("permission") || lower.contains("operation not permitted")) {
      return noPermission(interfaceName);
    }
    if (lower.contains("no such device")) {
      return new CaptureException(CaptureException.Kind.NO_SUCH_INTERFACE, "no interface '" + interfaceName + "' (" + m + ")");
    }
    return new CaptureException(CaptureException.Kind.OTHER, "cannot capture on " + interfaceName + ": " + m);
  }

  /** The message for a process without capture rights, naming the launcher to grant them to. */
  static CaptureException noPermission(String interfaceName) {
    Optional<String> command = ProcessHandle.current().info().command();
    String launcher = command.filter(p -> !Path.of(p).getFileName().toString().equals("java")).orElse("<the seismograph launcher, not java>");
    return new CaptureException(CaptureException.Kind.NO_PERMISSION, "no permission to capture on " + interfaceName
        + ": run as root, or grant the capture capabilities once with: sudo setcap cap_net_raw,cap_net_admin+eip " + launcher);
  }

  static CaptureException libpcapMissing() {
    return new CaptureException(CaptureException.Kind.LIBPCAP_MISSING,
        "libpcap cannot be loaded; install it (Debian/Ubuntu: sudo apt install libpcap0.8)");
  }
}
