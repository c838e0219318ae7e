#!/usr/bin/env bash
# Makes the dnstap fixtures of DnstapFileReaderTest: a real Unbound on loopback, stubbed to a real
# NSD, logs client and resolver messages over dnstap to fstrm_capture, which writes unbound.dnstap;
# BIND's dnstap-read, the trusted peer, prints it to unbound.dnstap-read.txt (UTC times).
# Needs root (no chroot/user switch in the configs), unbound (built with dnstap), nsd, dig,
# fstrm_capture (fstrm-bin) and dnstap-read (bind9-dnsutils). Binds 127.0.0.150-152 only, ports 5391-5392.
# Usage: make-dnstap-fixture.sh [OUTPUT-DIR]   (default: the directory of this script; KEEP=1 keeps the work directory)
set -euo pipefail
out=$(cd "${1:-$(dirname "$0")}" && pwd)
w=$(mktemp -d /tmp/seismograph-lab.dnstap-fixture.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for f in "$w/unbound.pid" "$w/nsd.pid"; do [ -s "$f" ] && kill "$(cat "$f")" 2>/dev/null || true; done
  sleep 0.5
  [ -n "${KEEP:-}" ] || rm -rf "$w"
}
trap cleanup EXIT

cat >"$w/capture.test.zone" <<'ZONE'
$TTL 5
capture.test.      3600 SOA ns.capture.test. hostmaster.capture.test. 1 1800 900 604800 5
capture.test.      3600 NS  ns.capture.test.
ns.capture.test.   3600 A   127.0.0.151
www.capture.test.       A    192.0.2.10
www.capture.test.       AAAA 2001:db8::10
*.w.capture.test.       A    192.0.2.1
ZONE
cat >"$w/nsd.conf" <<CONF
server:
  ip-address: 127.0.0.151
  port: 5392
  do-ip6: no
  server-count: 1
  username: ""
  chroot: ""
  zonesdir: "$w"
  database: ""
  zonelistfile: "$w/zone.list"
  xfrdfile: "$w/xfrd.state"
  xfrdir: "$w"
  pidfile: "$w/nsd.pid"
  logfile: "$w/nsd.log"
  zonefiles-write: 0
  rrl-ratelimit: 0
remote-control:
  control-enable: no
zone:
  name: "capture.test"
  zonefile: "capture.test.zone"
CONF
cat >"$w/unbound.conf" <<CONF
server:
  interface: 127.0.0.150
  port: 5391
  outgoing-interface: 127.0.0.150
  access-control: 127.0.0.0/8 allow
  do-ip6: no
  do-not-query-localhost: no
  module-config: "iterator"
  local-zone: "test." nodefault
  qname-minimisation: no
  username: ""
  chroot: ""
  directory: "$w"
  pidfile: "$w/unbound.pid"
  logfile: "$w/unbound.log"
  use-syslog: no
  num-threads: 1
  so-reuseport: no
stub-zone:
  name: "capture.test"
  stub-addr: 127.0.0.151@5392
dnstap:
  dnstap-enable: yes
  dnstap-bidirectional: yes
  dnstap-socket-path: "$w/dnstap.sock"
  dnstap-send-identity: yes
  dnstap-identity: "fixture"
  dnstap-send-version: yes
  dnstap-log-client-query-messages: yes
  dnstap-log-client-response-messages: yes
  dnstap-log-resolver-query-messages: yes
  dnstap-log-resolver-response-messages: yes
remote-control:
  control-enable: no
CONF

fstrm_capture -t protobuf:dnstap.Dnstap -u "$w/dnstap.sock" -w "$w/unbound.dnstap" >"$w/fstrm.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do [ -S "$w/dnstap.sock" ] && break; sleep 0.1; done
nsd -c "$w/nsd.conf"
unbound -c "$w/unbound.conf"
q() { dig @127.0.0.150 -p 5391 -b 127.0.0.152 +tries=1 +time=3 +noall +answer "$@" >/dev/null; }
for _ in $(seq 50); do q www.capture.test SOA && break; sleep 0.1; done
q a.w.capture.test A
q b.w.capture.test A
q c.w.capture.test A
q +tcp tcp.w.capture.test A
q www.capture.test AAAA
q nothere.capture.test A
sleep 2
kill "$(cat "$w/unbound.pid")"
for _ in $(seq 50); do [ -e "/proc/$(cat "$w/unbound.pid" 2>/dev/null || echo 0)" ] || break; sleep 0.1; done
kill -INT "${pids[0]}"
wait "${pids[0]}" || true
pids=()
cp "$w/unbound.dnstap" "$out/unbound.dnstap"
TZ=UTC dnstap-read "$out/unbound.dnstap" >"$out/unbound.dnstap-read.txt"
echo "wrote $out/unbound.dnstap ($(wc -l <"$out/unbound.dnstap-read.txt") messages)"
