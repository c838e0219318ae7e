#!/usr/bin/env bash
# Start-up time of an installed (or built) launcher, with and without its AppCDS archive: wall time of
# `seismograph --version` (a cold JVM that parses the command line and exits), and time from launch to
# the window being mapped on a private Xvfb (the window is drawn in the same pulse). Median of N runs.
#
# Usage: measure-startup.sh [LAUNCHER] [RUNS]   (default /usr/bin/seismograph, 7 runs)
# For the command on the PATH it also times the jpackage launcher started directly, which asks dpkg
# which package owns it (see packaging/linux/launch/seismograph).
# Needs Xvfb and xwininfo (package x11-utils) for the window figure; prints what it could measure.
set -euo pipefail
launcher="${1:-/usr/bin/seismograph}"
runs="${2:-7}"
real="$(readlink -f "$launcher")"
case "$real" in
  */lib/app/launch/*) appdir="$(cd "$(dirname "$real")/.." && pwd)"; direct="$(cd "$appdir/../.." && pwd)/bin/seismograph" ;;
  *) appdir="$(cd "$(dirname "$real")/../lib/app" && pwd)"; direct="" ;;
esac

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR) print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# _JAVA_OPTIONS is read after the launcher's own options, so -Xshare:off there really turns CDS off
# (the JVM then notes "Picked up _JAVA_OPTIONS" on stderr, which is discarded).
version_ms() {
  local t0 cmd="${2:-$launcher}"
  for _ in $(seq "$runs"); do
    t0=$(now_ms)
    _JAVA_OPTIONS="$1" "$cmd" --version >/dev/null 2>&1
    echo $(( $(now_ms) - t0 ))
  done | median
}

window_ms() {
  if ! command -v Xvfb >/dev/null || ! command -v xwininfo >/dev/null; then echo "n/a (needs Xvfb and xwininfo)"; return; fi
  local fd xpid display t0 app mapped
  fd="$(mktemp)"
  Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>"$fd" >/dev/null 2>&1 &
  xpid=$!
  for _ in $(seq 50); do [ -s "$fd" ] && break; sleep 0.1; done
  display=":$(tr -d '\n' < "$fd")"; rm -f "$fd"
  for _ in $(seq "$runs"); do
    t0=$(now_ms); mapped=""
    DISPLAY="$display" _JAVA_OPTIONS="$1" "$launcher" >/dev/null 2>&1 &
    app=$!
    while kill -0 "$app" 2>/dev/null && [ $(( $(now_ms) - t0 )) -lt 60000 ]; do
      if DISPLAY="$display" xwininfo -root -tree 2>/dev/null | grep -i 'seismograph' | grep -q -v 'has no name'; then
        mapped=$(( $(now_ms) - t0 )); break
      fi
      sleep 0.02
    done
    kill -TERM "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true
    [ -z "$mapped" ] || echo "$mapped"
  done | median > "$fd.ms"
  if [ -s "$fd.ms" ] && [ -n "$(tr -d ' \n' < "$fd.ms")" ]; then echo "$(cat "$fd.ms") ms"; else echo "n/a (no window appeared: not part of this build yet?)"; fi
  rm -f "$fd.ms"
  kill -TERM "$xpid" 2>/dev/null || true; wait "$xpid" 2>/dev/null || true
}

echo "launcher: $launcher ($runs runs, median; load average $(cut -d' ' -f1-3 /proc/loadavg))"
if [ -f "$appdir/seismograph.jsa" ]; then echo "AppCDS archive: $appdir/seismograph.jsa"; else echo "AppCDS archive: none"; fi
"$launcher" --version >/dev/null 2>&1   # one run to warm the page cache, not counted
echo "--version with AppCDS:    $(version_ms '') ms"
echo "--version without CDS:    $(version_ms '-Xshare:off') ms"
if [ -n "$direct" ]; then
  echo "--version, AppCDS, launcher's own dpkg lookup ($direct): $(version_ms '' "$direct") ms"
fi
echo "window mapped, AppCDS:    $(window_ms '')"
echo "window mapped, no CDS:    $(window_ms '-Xshare:off')"
