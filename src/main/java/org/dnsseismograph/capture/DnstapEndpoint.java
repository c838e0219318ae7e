package org.dnsseismograph.capture;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Objects;
import org.dnsseismograph.wire.IpAddress;

/**
 * Where a {@link DnstapReceiver} listens: a Unix socket path (what most resolvers' {@code
 * dnstap-socket-path} expects) or a TCP address, on loopback unless a caller says otherwise (dnstap
 * carries no authentication). Immutable.
 *
 * @see <a href="https://farsightsec.github.io/fstrm/">Frame Streams</a>
 */
public sealed interface DnstapEndpoint {

  /** The address to bind. */
  SocketAddress address();

  /** A Unix socket at {@code path}. */
  record Unix(Path path) implements DnstapEndpoint {
    public Unix {
      Objects.requireNonNull(path, "path");
    }

    @Override
    public SocketAddress address() {
      return UnixDomainSocketAddress.of(path);
    }

    @Override
    public String toString() {
      return "unix:" + path;
    }
  }

  /** A TCP socket at {@code address} (port 0: any free port; the receiver's {@link DnstapReceiver#endpoint()} then names the one bound). */
  record Tcp(InetSocketAddress address) implements DnstapEndpoint {
    public Tcp {
      Objects.requireNonNull(address, "address");
    }

    /** {@code tcp:HOST:PORT}, an IPv6 host in brackets and RFC 5952 form, so that {@link #parse} reads it back. */
    @Override
    public String toString() {
      IpAddress host = IpAddress.of(address.getAddress().getAddress());
      String h = address.getAddress() instanceof Inet6Address ? "[" + host + "]" : host.toString();
      return "tcp:" + h + ":" + address.getPort();
    }
  }

  /** TCP on the loopback address 127.0.0.1. */
  static DnstapEndpoint tcpLoopback(int port) {
    return new Tcp(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
  }

  /**
   * Parses {@code unix:PATH}, an absolute {@code PATH}, {@code tcp:HOST:PORT}, {@code HOST:PORT}
   * ({@code [v6]:PORT} for IPv6) or a bare {@code PORT} (TCP on loopback). Host names are not
   * resolved: give an address literal.
   *
   * @throws IllegalArgumentException for anything else
   */
  static DnstapEndpoint parse(String text) {
    String t = text.strip();
    if (t.startsWith("unix:")) {
      return new Unix(Path.of(t.substring(5)));
    }
    if (t.startsWith("/")) {
      return new Unix(Path.of(t));
    }
    if (t.startsWith("tcp:")) {
      t = t.substring(4);
    }
    if (t.chars().allMatch(Character::isDigit) && !t.isEmpty()) {
      return tcpLoopback(port(t, text));
    }
    int colon = t.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("not a dnstap endpoint (unix:PATH, /PATH, tcp:ADDRESS:PORT or PORT): " + text);
    }
    String host = t.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    InetAddress address;
    try {
      address = InetAddress.getByAddress(IpAddress.parse(host).toBytes());
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an address in " + text, e);
    }
    return new Tcp(new InetSocketAddress(address, port(t.substring(colon + 1), text)));
  }

  private static int port(String digits, String text) {
    try {
      int p = Integer.parseInt(digits);
      if (p >= 0 && p <= 0xFFFF) {
        return p;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("not a port number in " + text);
  }
}
