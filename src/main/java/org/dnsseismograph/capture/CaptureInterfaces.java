package org.dnsseismograph.capture;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.dnsseismograph.wire.IpAddress;
import org.pcap4j.core.PcapAddress;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.Pcaps;

/**
 * The interfaces libpcap can capture on, with their addresses. Listing needs no capture rights.
 * Stateless and thread-safe.
 */
public final class CaptureInterfaces {
  private CaptureInterfaces() {}

  /**
   * Lists the interfaces in libpcap's order (usually the default capture interface first).
   *
   * @throws CaptureException when libpcap cannot be loaded or refuses to list
   */
  public static List<CaptureInterface> list() throws CaptureException {
    List<PcapNetworkInterface> devices;
    try {
      devices = Pcaps.findAllDevs();
    } catch (PcapNativeException e) {
      throw new CaptureException(CaptureException.Kind.OTHER, "cannot list interfaces: " + e.getMessage());
    } catch (LinkageError e) {
      throw PcapHandles.libpcapMissing();
    }
    List<CaptureInterface> out = new ArrayList<>(devices.size());
    for (PcapNetworkInterface nif : devices) {
      List<String> addresses = new ArrayList<>();
      for (PcapAddress a : nif.getAddresses()) {
        InetAddress ia = a.getAddress();
        if (ia != null) {
          // RFC 5952 text (::1, not 0:0:0:0:0:0:0:1), without the zone suffix.
          addresses.add(IpAddress.of(ia.getAddress()).toString());
        }
      }
      out.add(new CaptureInterface(nif.getName(), nif.getDescription(), addresses, nif.isLoopBack(), nif.isUp()));
    }
    return out;
  }

  /** libpcap's version string ("libpcap version 1.10.3 (with TPACKET_V3)"). */
  public static String libraryVersion() throws CaptureException {
    try {
      return Pcaps.libVersion();
    } catch (LinkageError e) {
      throw PcapHandles.libpcapMissing();
    }
  }
}
