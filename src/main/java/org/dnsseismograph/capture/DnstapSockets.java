package org.dnsseismograph.capture;

import java.io.IOException;
import java.net.BindException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Binds the listening socket of a {@link DnstapReceiver}: TCP, or a Unix socket whose path may be
 * left over from a receiver that crashed (reused when nobody listens on it; refused when somebody
 * does, or when the path is a plain file or a directory, which is left alone). Stateless.
 */
final class DnstapSockets {
  private DnstapSockets() {}

  static ServerSocketChannel bind(DnstapEndpoint endpoint) throws IOException, CaptureException {
    if (endpoint instanceof DnstapEndpoint.Unix u) {
      clearStaleSocket(u.path());
      ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      try {
        return ch.bind(u.address());
      } catch (IOException e) {
        ch.close();
        throw e;
      }
    }
    ServerSocketChannel ch = ServerSocketChannel.open();
    try {
      return ch.bind(endpoint.address());
    } catch (BindException e) {
      ch.close();
      throw new CaptureException(CaptureException.Kind.ADDRESS_IN_USE, "cannot listen for dnstap on " + endpoint + ": " + e.getMessage());
    } catch (IOException e) {
      ch.close();
      throw e;
    }
  }

  /** Removes a socket file nobody listens on (a crashed receiver's); refuses a live one or a plain file. */
  private static void clearStaleSocket(Path path) throws CaptureException {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) || Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      throw new CaptureException(CaptureException.Kind.ADDRESS_IN_USE, path + " exists and is not a socket; choose another dnstap socket path");
    }
    boolean listened;
    try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
      listened = probe.isConnected();
    } catch (IOException refused) {
      listened = false;
    }
    if (listened) {
      throw new CaptureException(CaptureException.Kind.ADDRESS_IN_USE, "another process listens on " + path + "; stop it or choose another path");
    }
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new CaptureException(CaptureException.Kind.ADDRESS_IN_USE, "cannot remove the old socket " + path + ": " + e.getMessage());
    }
  }

  /** Removes the socket file of a Unix endpoint after the receiver closed it; nothing for TCP. */
  static void remove(DnstapEndpoint endpoint) throws IOException {
    if (endpoint instanceof DnstapEndpoint.Unix u) {
      Files.deleteIfExists(u.path());
    }
  }
}
