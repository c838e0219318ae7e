#!/usr/bin/env bash
# AppCDS for the application image (STACK.md §7: class-data sharing is the cheapest start-up win).
#
#   train-cds.sh IMAGE DEMO_DIR   runs the image's launcher through the paths a user starts with (the
#                                 command line and, under a private Xvfb when one is installed, the
#                                 window on the demo workspace) and writes the classes they load to
#                                 IMAGE/lib/app/seismograph.classlist
#   train-cds.sh --dump IMAGE     dumps IMAGE/lib/app/seismograph.jsa from that list with the launcher
#                                 itself, so the archive records exactly the launcher's class path.
#
# The archive is only valid at the paths it was dumped at, so the .deb ships the list and its postinst
# dumps the archive in /opt. The launcher's .cfg names the archive with -XX:SharedArchiveFile; when the
# file is missing or stale the JVM quietly starts without it.
set -euo pipefail

# How long the window may take to show its first frame under Xvfb on a loaded machine, and how long it
# then runs so that the demo workspace's loading and the drawing of its lanes are part of the list.
window_wait_s=60
window_settle_s=8

dump() {
  local image="$1" list="$1/lib/app/seismograph.classlist"
  [ -f "$list" ] || { echo "train-cds: no class list at $list" >&2; exit 1; }
  rm -f "$image/lib/app/seismograph.jsa"
  # -Xshare:dump makes the JVM write the archive named by the .cfg's -XX:SharedArchiveFile and exit.
  JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$list" "$image/bin/seismograph" >/dev/null 2>&1 \
    || { echo "train-cds: dumping the AppCDS archive failed" >&2; exit 1; }
  echo "train-cds: archive $image/lib/app/seismograph.jsa ($(du -h "$image/lib/app/seismograph.jsa" | cut -f1))" >&2
}

# Runs the launcher with its loaded classes written to $parts/<run number>.
runs=0
run() {
  runs=$((runs + 1))
  JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$parts/$runs" "$image/bin/seismograph" "$@" >/dev/null 2>&1 || true
}

# Starts the window on a private Xvfb, waits for its first frame (the app writes that moment to the file
# named by -Dseismograph.firstFrameFile, once the rest of the window is being built) and for the demo to
# load, then ends it with SIGTERM; the class list is written as classes load, so nothing is lost.
run_window() {
  command -v Xvfb >/dev/null || { echo "train-cds: no Xvfb, the class list covers the command line only" >&2; return 0; }
  local fdfile="$parts/display" frame="$parts/first-frame" xpid app display waited=0
  Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>"$fdfile" >/dev/null 2>&1 &
  xpid=$!
  for _ in $(seq 50); do [ -s "$fdfile" ] && break; sleep 0.1; done
  display=":$(tr -d '\n' < "$fdfile")"; rm -f "$fdfile"
  runs=$((runs + 1))
  # A private settings and state directory: the run is ended with SIGTERM, which leaves the demo's
  # autosaved edits (the outages the detector proposed) as a recovery copy; in the builder's own state
  # directory that copy would be offered at the next training run (and the builder's next start) in
  # place of the demo, and the list would miss the classes that load and draw it.
  DISPLAY="$display" XDG_CONFIG_HOME="$parts/config" \
    JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$parts/$runs -Dseismograph.firstFrameFile=$frame -Dseismograph.state.dir=$parts/state" \
    "$image/bin/seismograph" >/dev/null 2>&1 &
  app=$!
  while kill -0 "$app" 2>/dev/null && [ "$waited" -lt "$window_wait_s" ] && [ ! -s "$frame" ]; do
    sleep 1; waited=$((waited + 1))
  done
  if [ -s "$frame" ]; then sleep "$window_settle_s"; else echo "train-cds: the window showed no frame in ${window_wait_s} s" >&2; fi
  kill -TERM "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  kill -TERM "$xpid" 2>/dev/null || true
  wait "$xpid" 2>/dev/null || true
}

if [ "${1:-}" = "--dump" ]; then dump "$2"; exit 0; fi
image="$1"; demo="$2"
parts="$(mktemp -d)"
trap 'rm -rf "$parts"' EXIT
t0=$(date +%s)
run --version
run --help
run series "$demo/capture.pcap.gz" --metric dns.queries,dns.responses,dns.latency.p99 --step 1s --quiet
if [ -f "$demo/demo.seismograph.json" ] && "$image/bin/seismograph" --help 2>/dev/null | grep -qw render; then
  run render "$demo/demo.seismograph.json" --out "$parts/render.png"
  rm -f "$parts/render.png"
fi
run_window
# One list: the runs' lists in order, each class once (the JVM resolves super types on its own).
for i in $(seq "$runs"); do [ ! -f "$parts/$i" ] || cat "$parts/$i"; done | awk '/^#/ { next } !seen[$0]++' > "$image/lib/app/seismograph.classlist"
echo "train-cds: $(wc -l < "$image/lib/app/seismograph.classlist") classes in the list ($(( $(date +%s) - t0 )) s)" >&2
