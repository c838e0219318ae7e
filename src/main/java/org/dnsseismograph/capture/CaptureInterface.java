package org.dnsseismograph.capture;

import java.util.List;

/**
 * A network interface libpcap can capture on. Immutable.
 *
 * @param name what to pass as the interface ({@code lo}, {@code eth0}, {@code any})
 * @param description libpcap's description, or null
 * @param addresses its IPv4 and IPv6 addresses, as text
 * @param loopback whether it is a loopback interface
 * @param up whether it is up
 */
public record CaptureInterface(String name, String description, List<String> addresses, boolean loopback, boolean up) {
  public CaptureInterface {
    addresses = List.copyOf(addresses);
  }
}
