#!/usr/bin/env bash
# make-lab-reset-fixture.sh: records a short Unbound outage with the lab in reset-on-read statistics
# mode (`unbound-control stats`) and writes the fixture the imports tests read:
#   lab-reset/unbound-stats.txt  the statistics snapshots, unchanged
#   lab-reset/truth.json         the lab's truth (file names pointed at what is here)
#   lab-reset/capture.pcap.gz    the capture of the same run (gzip -9 -n), for the tshark comparison
#   lab-reset/SOURCES.md         command, date, run-lab's summary and the software versions
# Needs root and the lab's packages, like lab/run-lab. Takes about a minute.
set -euo pipefail
export LC_ALL=C
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../../../../.." && pwd)
DEST=$HERE/lab-reset
ARGS=(--resolver unbound --stats-mode reset --duration 30 --outage-start 10 --outage-length 8 --seed 55)

RUN=$(mktemp -d /tmp/seismograph-reset.XXXXXX)
trap 'rm -rf "$RUN"' EXIT
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
"$ROOT/lab/run-lab" "${ARGS[@]}" --out "$RUN/out" | tee "$RUN/summary.txt"

rm -rf "$DEST"
mkdir -p "$DEST"
cp "$RUN/out/unbound-stats.txt" "$DEST/unbound-stats.txt"
gzip -9 -n -c "$RUN/out/capture.pcap" >"$DEST/capture.pcap.gz"
python3 - "$RUN/out/truth.json" "$DEST/truth.json" <<'PY'
import json, sys
truth = json.load(open(sys.argv[1], encoding="utf-8"))
truth["capture"]["file"] = "capture.pcap.gz"
truth.pop("stubLog", None)
with open(sys.argv[2], "w", encoding="utf-8") as out:
    json.dump(truth, out, indent=2)
    out.write("\n")
PY
versions=$(python3 -c "import json,sys;s=json.load(open(sys.argv[1]))['software'];print('\n'.join(f'- {k}: {v}' for k,v in sorted(s.items())))" "$DEST/truth.json")
cat >"$DEST/SOURCES.md" <<MD
# Lab recording in reset-on-read statistics mode

Recorded by \`make-lab-reset-fixture.sh\` (beside this folder) on $started (UTC), which ran

    lab/run-lab ${ARGS[*]} --out <tmp>

on loopback with real NSD, Knot DNS, Unbound, dnsperf and the lab's stub clients (see lab/README.md).
Unbound's statistics were read every second with \`unbound-control stats\`, which resets the
counters on each read, so every snapshot counts only since the previous one and the extended keys
that are zero are absent. Nothing here was edited: the statistics file is copied unchanged, the
capture is gzip'd (\`gzip -9 -n\`), truth.json only has its capture file name adjusted (and the stub
log entry removed, as the stub log is not kept).

run-lab's summary: $(cat "$RUN/summary.txt")

Software:
$versions
MD
ls -l "$DEST"
