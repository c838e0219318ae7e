#!/usr/bin/env bash
# Start-up time of an installed (or built) launcher, with and without its AppCDS archive. Median of N
# runs each, wall time and the process's CPU time (user + system; on a busy machine the CPU time is the
# steadier figure):
#   --version  a JVM that parses the command line and exits; "cold" evicts the application's own files
#              (runtime, jars, archive) from the page cache before each run (posix_fadvise, no root
#              needed; the system's libraries stay cached), "warm" runs again at once;
#   window     no arguments, the demo workspace, on a private Xvfb: from launch until the window is
#              mapped (xwininfo) and until its first frame is on the screen (the app writes that moment
#              to the file named by -Dseismograph.firstFrameFile: the third pulse after show(), queued
#              after the first frame's upload; SeismographApp.afterFirstFrame), with the app's trace
#              of its start-up phases in milliseconds since the JVM started.
#
# Usage: measure-startup.sh [LAUNCHER] [RUNS]   (default /usr/bin/seismograph, 7 runs)
# For the command on the PATH it also times the jpackage launcher started directly, which asks dpkg
# which package owns it (see packaging/linux/launch/seismograph).
# Needs python3 (cold runs), Xvfb and xwininfo (package x11-utils) for the window; prints what it could
# measure. The window runs use the invoking user's settings directory like any start.
set -euo pipefail
launcher="${1:-/usr/bin/seismograph}"
runs="${2:-7}"
real="$(readlink -f "$launcher")"
case "$real" in
  */lib/app/launch/*) appdir="$(cd "$(dirname "$real")/.." && pwd)"; direct="$(cd "$appdir/../.." && pwd)/bin/seismograph" ;;
  *) appdir="$(cd "$(dirname "$real")/../lib/app" && pwd)"; direct="" ;;
esac
image="$(cd "$appdir/../.." && pwd)"
tck="$(getconf CLK_TCK)"
work="$(mktemp -d)"
xpid=""
cleanup() {
  [ -z "$xpid" ] || { kill -TERM "$xpid" 2>/dev/null || true; wait "$xpid" 2>/dev/null || true; }
  rm -rf "$work"
}
trap cleanup EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
# "wall cpu" lines (ms) -> "median wall ms (min-max), CPU median ms"
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
medians() {
  local lines wall
  lines="$(cat)"
  if [ -z "$lines" ]; then echo "n/a"; return; fi
  wall="$(cut -d' ' -f1 <<<"$lines" | sort -n)"
  echo "$(median <<<"$wall") ms ($(head -1 <<<"$wall")-$(tail -1 <<<"$wall")), CPU $(cut -d' ' -f2 <<<"$lines" | median) ms"
}

# Drops the image's files from the page cache, so the next start reads them from disk.
evict() {
  find "$image" -type f -print0 | python3 -c '
import os, sys
for p in sys.stdin.buffer.read().split(b"\0"):
    if p:
        fd = os.open(p, os.O_RDONLY)
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        os.close(fd)'
}

# version_ms OPTIONS cold|warm [COMMAND]: _JAVA_OPTIONS is read after the launcher's own options, so
# -Xshare:off there really turns CDS off (the "Picked up" note on stderr is discarded).
version_ms() {
  local t0 wall cpu cmd="${3:-$launcher}"
  for _ in $(seq "$runs"); do
    [ "$2" = warm ] || evict
    t0=$(now_ms)
    # bash's time: user and system seconds of the child, the JVM included (it runs in-process).
    cpu=$( { TIMEFORMAT='%U %S'; time _JAVA_OPTIONS="$1" "$cmd" --version >/dev/null 2>&1; } 2>&1 )
    wall=$(( $(now_ms) - t0 ))
    echo "$wall $(awk '{ printf "%d", ($1 + $2) * 1000 }' <<<"$cpu")"
  done | medians
}

start_xvfb() {
  local fd="$work/display"
  Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>"$fd" >/dev/null 2>&1 &
  xpid=$!
  for _ in $(seq 50); do [ -s "$fd" ] && break; sleep 0.1; done
  display=":$(tr -d '\n' < "$fd")"
}

# The id of a mapped top-level window titled "... DNS Seismograph", or nothing. (GTK's 10x10 group
# leader window is named after the program but never mapped.)
mapped_window() {
  local id
  for id in $(DISPLAY="$display" xwininfo -root -children 2>/dev/null | awk '/DNS Seismograph"/ { print $1 }'); do
    if DISPLAY="$display" xwininfo -id "$id" 2>/dev/null | grep -q 'Map State: IsViewable'; then echo "$id"; return; fi
  done
}

# window_ms OPTIONS: prints "mapped-line|first-frame-line|panels-line".
window_ms() {
  local t0 app mapped frame panels ff="$work/first-frame" cpu stat
  : > "$work/mapped"; : > "$work/frame"; : > "$work/panels"; : > "$work/trace"
  for _ in $(seq "$runs"); do
    rm -f "$ff" "$ff.panels"; mapped=""; frame=""; panels=""
    t0=$(now_ms)
    # A private state directory: the run is ended with SIGTERM, which leaves the demo's autosaved edits
    # as a recovery copy that the next start would offer in place of the demo.
    DISPLAY="$display" _JAVA_OPTIONS="$1 -Dseismograph.firstFrameFile=$ff -Dseismograph.state.dir=$work/state" "$launcher" >/dev/null 2>&1 &
    app=$!
    while kill -0 "$app" 2>/dev/null && [ $(( $(now_ms) - t0 )) -lt 60000 ]; do
      if [ -z "$mapped" ] && [ -n "$(mapped_window)" ]; then
        mapped=$(( $(now_ms) - t0 ))
        stat=($(cut -d')' -f2 "/proc/$app/stat"))
        echo "$mapped $(( (stat[11] + stat[12]) * 1000 / tck ))" >> "$work/mapped"
      fi
      if [ -z "$frame" ] && [ -s "$ff" ]; then
        stat=($(cut -d')' -f2 "/proc/$app/stat"))
        cpu=$(( (stat[11] + stat[12]) * 1000 / tck ))
        frame=$(( $(cut -d' ' -f1 "$ff") - t0 ))
        echo "$frame $cpu" >> "$work/frame"
        cut -d' ' -f3- "$ff" >> "$work/trace"
      fi
      if [ -z "$panels" ] && [ -s "$ff.panels" ]; then
        stat=($(cut -d')' -f2 "/proc/$app/stat"))
        panels=$(( $(head -c 13 "$ff.panels") - t0 ))
        echo "$panels $(( (stat[11] + stat[12]) * 1000 / tck ))" >> "$work/panels"
      fi
      [ -z "$mapped" ] || [ -z "$frame" ] || [ -z "$panels" ] || break
      sleep 0.02
    done
    kill -TERM "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true
  done
  echo "$(medians < "$work/mapped")|$(medians < "$work/frame")|$(medians < "$work/panels")"
}

# The median of each phase the app traced (name=ms since the JVM started, in the first-frame file).
phases() {
  tr ' ' '\n' < "$work/trace" | awk -F= 'NF == 2 { if (!($1 in n)) order[++k] = $1; v[$1, ++n[$1]] = $2 }
    END { for (i = 1; i <= k; i++) { m = order[i]; c = n[m]; for (a = 1; a <= c; a++) s[a] = v[m, a]
      for (a = 1; a <= c; a++) for (b = a + 1; b <= c; b++) if (s[b] < s[a]) { t = s[a]; s[a] = s[b]; s[b] = t }
      printf "%s%s=%d", (i > 1 ? " " : ""), m, s[int((c + 1) / 2)] } print "" }'
}

echo "launcher: $launcher ($runs runs each, median; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start)"
if [ -f "$appdir/seismograph.jsa" ]; then
  echo "AppCDS archive: $appdir/seismograph.jsa ($(du -h "$appdir/seismograph.jsa" | cut -f1))"
else
  echo "AppCDS archive: none"
fi
"$launcher" --version >/dev/null 2>&1   # one run to warm the page cache, not counted
echo "--version, cold, AppCDS:  $(version_ms '' cold)"
echo "--version, cold, no CDS:  $(version_ms '-Xshare:off' cold)"
echo "--version, warm, AppCDS:  $(version_ms '' warm)"
echo "--version, warm, no CDS:  $(version_ms '-Xshare:off' warm)"
if [ -n "$direct" ]; then
  echo "--version, warm, AppCDS, the launcher's own dpkg lookup ($direct): $(version_ms '' warm "$direct")"
fi
if ! command -v Xvfb >/dev/null || ! command -v xwininfo >/dev/null; then
  echo "window: n/a (needs Xvfb and xwininfo)"
  exit 0
fi
start_xvfb
for mode in AppCDS no-CDS; do
  opts=""; [ "$mode" = AppCDS ] || opts="-Xshare:off"
  result="$(window_ms "$opts")"
  IFS='|' read -r mapped_line frame_line panels_line <<< "$result"
  echo "window mapped, $mode:      $mapped_line"
  echo "window first frame, $mode: $frame_line"
  echo "window panels, $mode:      $panels_line"
  echo "  phases, ms after the JVM started (median): $(phases)"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
