# shellcheck shell=bash
# Writers for the lab's zone files and server configurations. Sourced by run-lab; every function
# writes below the private working directory "$W" and uses the address map in run-lab.
# Kept in one place so the README's address map and the files the daemons read cannot drift apart.

# Zones: TTLs are short where the resolver must keep asking (wildcard answers, negative answers),
# long where a real deployment keeps them long (delegations), so the outage shows up as unanswered
# upstream queries instead of being hidden by the resolver's cache.
write_zones() {
  local z="$W/zones"
  mkdir -p "$z"
  cat >"$z/root.zone" <<ZONE
\$TTL 86400
.                   SOA  a.root-servers.net. hostmaster.root-servers.net. 1 1800 900 604800 86400
.                   NS   a.root-servers.net.
a.root-servers.net. A    $ADDR_ROOT
test.        172800 NS   ns1.nic.test.
ns1.nic.test. 172800 A   $ADDR_TLD
ZONE
  cat >"$z/test.zone" <<ZONE
\$TTL 3600
test.               SOA  ns1.nic.test. hostmaster.nic.test. 1 1800 900 604800 30
test.               NS   ns1.nic.test.
ns1.nic.test.       A    $ADDR_TLD
example.test.       NS   ns1.example.test.
example.test.       NS   ns2.example.test.
example.test.       NS   ns3.example.test.
ns1.example.test.   A    ${ADDR_EXAMPLE[0]}
ns2.example.test.   A    ${ADDR_EXAMPLE[1]}
ns3.example.test.   A    ${ADDR_EXAMPLE[2]}
shop.test.          NS   ns1.shop.test.
shop.test.          NS   ns2.shop.test.
ns1.shop.test.      A    ${ADDR_SHOP[0]}
ns2.shop.test.      A    ${ADDR_SHOP[1]}
media.test.         NS   ns.media.test.
ns.media.test.      A    $ADDR_MEDIA
ZONE
  leaf_zone example.test "ns1 ns2 ns3" "${ADDR_EXAMPLE[*]}" 192.0.2 >"$z/example.test.zone"
  leaf_zone shop.test "ns1 ns2" "${ADDR_SHOP[*]}" 198.51.100 >"$z/shop.test.zone"
  leaf_zone media.test "ns" "$ADDR_MEDIA" 203.0.113 >"$z/media.test.zone"
}

# leaf_zone ZONE "NSNAMES" "ADDRS" NET24: a zone with a few fixed names and a wildcard, so that
# every generated unique name exists and misses the resolver's cache.
leaf_zone() {
  local zone=$1 i=0 a
  local -a names addrs
  read -r -a names <<<"$2"
  read -r -a addrs <<<"$3"
  printf '$TTL 5\n%s. 3600 SOA %s.%s. hostmaster.%s. 1 1800 900 604800 5\n' \
    "$zone" "${names[0]}" "$zone" "$zone"
  for a in "${addrs[@]}"; do
    printf '%s. 3600 NS %s.%s.\n%s.%s. 3600 A %s\n' "$zone" "${names[$i]}" "$zone" \
      "${names[$i]}" "$zone" "$a"
    i=$((i + 1))
  done
  printf 'www.%s. A %s.10\nwww.%s. AAAA 2001:db8::10\napi.%s. A %s.11\n' \
    "$zone" "$4" "$zone" "$zone" "$4"
  printf 'mail.%s. MX 10 mx.%s.\nmx.%s. A %s.25\n' "$zone" "$zone" "$zone" "$4"
  printf '*.%s. A %s.1\n*.%s. AAAA 2001:db8::1\n*.%s. TXT "lab wildcard"\n' \
    "$zone" "$4" "$zone" "$zone"
}

# write_nsd NAME ADDR ZONE FILE: one NSD instance on one address. Response rate limiting is on by
# default in Debian's NSD (200 qps per /24) and every resolver query comes from one address, so it
# is switched off: the lab wants a server that answers everything until it goes dark.
write_nsd() {
  local name=$1 addr=$2 zone=$3 file=$4 d="$W/$1"
  mkdir -p "$d"
  cat >"$d/nsd.conf" <<CONF
server:
  ip-address: $addr
  port: 53
  do-ip6: no
  server-count: 1
  username: ""
  chroot: ""
  zonesdir: "$W/zones"
  database: ""
  zonelistfile: "$d/zone.list"
  xfrdfile: "$d/xfrd.state"
  xfrdir: "$d"
  pidfile: "$d/nsd.pid"
  logfile: "$d/nsd.log"
  identity: "$name"
  hide-version: no
  verbosity: 1
  zonefiles-write: 0
  rrl-ratelimit: 0
  rrl-whitelist-ratelimit: 0
remote-control:
  control-enable: no
zone:
  name: "$zone"
  zonefile: "$file"
CONF
}

# write_knot NAME ADDR ZONE FILE: one Knot DNS instance (the second implementation serving shop.test).
write_knot() {
  local name=$1 addr=$2 zone=$3 file=$4 d="$W/$1"
  mkdir -p "$d/db"
  cat >"$d/knot.conf" <<CONF
server:
  rundir: "$d"
  pidfile: "$d/knot.pid"
  listen: $addr@53
  identity: "$name"
  udp-workers: 1
  tcp-workers: 1
  background-workers: 1
log:
  - target: "$d/knot.log"
    any: info
database:
  storage: "$d/db"
template:
  - id: default
    storage: "$W/zones"
    zonefile-sync: -1
    journal-content: none
zone:
  - domain: $zone
    file: "$file"
CONF
}

# Root hints for the resolvers: the lab's own root server only, so nothing leaves the loopback.
write_hints() {
  printf '.                   3600000 NS a.root-servers.net.\na.root-servers.net. 3600000 A %s\n' \
    "$ADDR_ROOT" >"$W/root.hints"
}

# Unbound: iterates from the local hints, sends upstream queries from its own service address
# (so a capture shows one address doing both roles), statistics over a local control socket.
write_unbound() {
  local d="$W/unbound"
  mkdir -p "$d"
  cat >"$d/unbound.conf" <<CONF
server:
  interface: $ADDR_UNBOUND
  port: 53
  outgoing-interface: $ADDR_UNBOUND
  access-control: 127.0.0.0/8 allow
  do-ip6: no
  do-not-query-localhost: no
  root-hints: "$W/root.hints"
  module-config: "iterator"
  # Unbound answers test. itself by default (RFC 6761 reserved name); the lab delegates it.
  local-zone: "test." nodefault
  username: ""
  chroot: ""
  directory: "$d"
  pidfile: "$d/unbound.pid"
  logfile: "$d/unbound.log"
  use-syslog: no
  log-time-ascii: yes
  verbosity: 1
  num-threads: 1
  so-reuseport: no
  extended-statistics: yes
  statistics-interval: 0
  statistics-cumulative: no
  # Without this, Unbound stops probing a host that stayed silent through its probe period until
  # infra-host-ttl (900 s) passes, so it would not notice the servers' return within the run.
  infra-keep-probing: yes
remote-control:
  control-enable: yes
  control-interface: "$d/control.sock"
  control-use-cert: no
CONF
}

# PowerDNS Recursor: the same hints, its own address for both roles, statistics as a carbon stream
# (every second) to the lab's listener, as rec_control snapshots over its control socket and as
# API statistics JSON from its web server (on its own address, a port other than 53).
write_pdns() {
  local d="$W/pdns"
  mkdir -p "$d"
  cat >"$d/recursor.conf" <<CONF
local-address=$ADDR_PDNS
local-port=53
query-local-address=$ADDR_PDNS
allow-from=127.0.0.0/8
hint-file=$W/root.hints
dont-query=
socket-dir=$d
daemon=no
disable-syslog=yes
log-timestamp=yes
threads=1
dnssec=off
security-poll-suffix=
carbon-server=127.0.0.1:$CARBON_PORT
carbon-interval=1
carbon-ourname=lab
webserver=yes
webserver-address=$ADDR_PDNS
webserver-port=$PDNS_API_PORT
webserver-allow-from=127.0.0.0/8
webserver-loglevel=none
api-key=$PDNS_API_KEY
# After 64 consecutive timeouts PowerDNS Recursor stops asking a server for this long (its default
# 60 s would hide the servers' return in a short run); see run-lab --pdns-throttle.
server-down-throttle-time=$PDNS_THROTTLE
CONF
}
