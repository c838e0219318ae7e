package org.dnsseismograph.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dnsseismograph.wire.IpAddress;

/**
 * Which authoritative servers serve which zones, as the capture itself shows it ({@link
 * ZoneLearner}): a zone's servers are the addresses of its name servers (NS records and glue of
 * referrals) plus the servers seen answering for it with authority. Zones get dense ids in order
 * of discovery; servers are ids of a shared {@link AddressIds}.
 *
 * <p>The hot question, {@link #zoneOf}, costs a suffix comparison per zone of the server (most
 * servers serve one) and allocates nothing. Learning allocates strings; it happens on referrals and
 * on the first authoritative answers of a server. Confined to the aggregating thread.
 */
final class ZoneMap {
  private static final int[] NONE = new int[0];
  private static final int CACHE = 1 << 12;

  private final AddressIds servers;
  private final Map<String, Integer> zoneIds = new HashMap<>();
  private final List<String> zoneNames = new ArrayList<>();
  private final List<byte[]> zoneBytes = new ArrayList<>();
  private final List<Set<Integer>> serversByZone = new ArrayList<>();
  private int[][] zonesByServer = new int[16][];
  private final Map<String, Set<String>> nameServersByZone = new HashMap<>();
  private final Map<String, Set<String>> zonesByNameServer = new HashMap<>();
  private final Map<String, Set<IpAddress>> addressesByHost = new HashMap<>();
  /** Recent answers of {@link #zoneOf}, by server and name hash: a query's transaction asks again moments later. */
  private final int[] cacheServer = new int[CACHE];
  private final long[] cacheHash = new long[CACHE];
  private final int[] cacheZone = new int[CACHE];

  ZoneMap(AddressIds servers) {
    this.servers = servers;
    Arrays.fill(cacheServer, -1);
  }

  /** The id of a zone (scanner spelling), creating it. */
  int zone(String name) {
    Integer id = zoneIds.get(name);
    if (id != null) {
      return id;
    }
    int z = zoneNames.size();
    zoneIds.put(name, z);
    zoneNames.add(name);
    zoneBytes.add(ZoneNames.bytes(name));
    serversByZone.add(new LinkedHashSet<>());
    return z;
  }

  /** Records that a server serves a zone; true when that is news. */
  boolean serves(int server, int zone) {
    if (server >= zonesByServer.length) {
      zonesByServer = Arrays.copyOf(zonesByServer, Math.max(server + 1, zonesByServer.length * 2));
    }
    int[] zs = zonesByServer[server] == null ? NONE : zonesByServer[server];
    for (int z : zs) {
      if (z == zone) {
        return false;
      }
    }
    int[] more = Arrays.copyOf(zs, zs.length + 1);
    more[zs.length] = zone;
    zonesByServer[server] = more;
    serversByZone.get(zone).add(server);
    Arrays.fill(cacheServer, -1);
    return true;
  }

  /** A name server of a zone (an NS record); its known addresses now serve the zone. */
  void nameServer(String zone, String host) {
    if (nameServersByZone.computeIfAbsent(zone, k -> new LinkedHashSet<>()).add(host)) {
      zonesByNameServer.computeIfAbsent(host, k -> new LinkedHashSet<>()).add(zone);
      int z = zone(zone);
      for (IpAddress a : addressesByHost.getOrDefault(host, Set.of())) {
        serves(servers.idOf(a), z);
      }
    }
  }

  /** An address of a host (glue); it now serves every zone the host is a name server of. */
  void hostAddress(String host, IpAddress address) {
    if (addressesByHost.computeIfAbsent(host, k -> new LinkedHashSet<>()).add(address)) {
      for (String zone : zonesByNameServer.getOrDefault(host, Set.of())) {
        serves(servers.idOf(address), zone(zone));
      }
    }
  }

  /**
   * The most specific zone of {@code server} that holds the name, or -1, remembering the answer
   * for the name's 64-bit hash ({@code nameHash}, {@code DnsMessageView.nameHash} of the text as the
   * scanner computes it; a collision between two names of one capture is as unlikely as 2^-64 per pair).
   */
  int zoneOf(int server, byte[] name, int length, long nameHash) {
    int i = (int) ((nameHash ^ nameHash >>> 29) * 31 + server) & (CACHE - 1);
    if (cacheServer[i] == server && cacheHash[i] == nameHash) {
      return cacheZone[i];
    }
    int z = zoneOf(server, name, length);
    cacheServer[i] = server;
    cacheHash[i] = nameHash;
    cacheZone[i] = z;
    return z;
  }

  /** The most specific zone of {@code server} that holds the name, or -1. */
  int zoneOf(int server, byte[] name, int length) {
    if (server >= zonesByServer.length || zonesByServer[server] == null) {
      return -1;
    }
    int best = -1;
    int bestLength = -1;
    for (int z : zonesByServer[server]) {
      byte[] zb = zoneBytes.get(z);
      if (zb.length > bestLength && ZoneNames.covers(zb, name, length)) {
        best = z;
        bestLength = zb.length;
      }
    }
    return best;
  }

  /** The most specific known zone that holds the name (strictly above it when {@code proper}), or -1. */
  int longestCovering(String name, boolean proper) {
    byte[] n = ZoneNames.bytes(name);
    int best = -1;
    for (int z = 0; z < zoneNames.size(); z++) {
      byte[] zb = zoneBytes.get(z);
      if (ZoneNames.covers(zb, n, n.length) && !(proper && zoneNames.get(z).equals(name))
          && (best < 0 || zb.length > zoneBytes.get(best).length)) {
        best = z;
      }
    }
    return best;
  }

  int zoneCount() {
    return zoneNames.size();
  }

  /** A zone's name in scanner spelling ({@code example.test}, the root {@code .}). */
  String name(int zone) {
    return zoneNames.get(zone);
  }

  /** The id of a zone already known, or -1. */
  int find(String name) {
    Integer id = zoneIds.get(name);
    return id == null ? -1 : id;
  }

  /** The server ids of a zone, in order of discovery. */
  List<Integer> serversOf(int zone) {
    return List.copyOf(serversByZone.get(zone));
  }

  /** The zone ids a server serves. */
  int[] zonesOf(int server) {
    return server < zonesByServer.length && zonesByServer[server] != null ? zonesByServer[server].clone() : NONE;
  }

  AddressIds servers() {
    return servers;
  }
}
