#!/usr/bin/env python3
"""Writes the clock-offset fixture: the lab's real Unbound statistics (assets/demo/unbound-stats.txt)
as an operator's spreadsheet export whose clock ran 37 s ahead and which is written in local time
(Europe/Berlin, no offset in the file), so that `align` must recover +37 s and the importer must be
told the zone.

Every snapshot's `# time` stamp is moved by +37 s and written as a Berlin wall-clock time
(`2026-11-25 20:09:01.008`); the values are copied unchanged from the snapshot. Run from anywhere:
    python3 make-shifted-export.py
"""
import datetime
import os
import sys
import zoneinfo

OFFSET = datetime.timedelta(seconds=37)
ZONE = zoneinfo.ZoneInfo("Europe/Berlin")
KEYS = ["total.num.queries", "total.requestlist.current.all", "total.requestlist.exceeded", "num.answer.rcode.SERVFAIL"]

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.normpath(os.path.join(here, *[".."] * 6))
source = os.path.join(root, "assets", "demo", "unbound-stats.txt")
target = os.path.join(here, "unbound-stats-shifted-37s-europe-berlin.csv")

snapshots = []
with open(source, encoding="utf-8") as f:
    for line in f:
        line = line.rstrip("\n")
        if line.startswith("# time "):
            stamp = datetime.datetime.fromisoformat(line[len("# time "):].replace("Z", "+00:00"))
            snapshots.append((stamp, {}))
        elif "=" in line and snapshots:
            key, value = line.split("=", 1)
            snapshots[-1][1][key] = value

with open(target, "w", encoding="utf-8", newline="") as out:
    out.write("Time;" + ";".join(KEYS) + "\r\n")
    for stamp, values in snapshots:
        local = (stamp + OFFSET).astimezone(ZONE).replace(tzinfo=None)
        text = local.strftime("%Y-%m-%d %H:%M:%S.%f")[:-3]
        # Unbound leaves out extended counters that are still zero.
        out.write(text + ";" + ";".join(values.get(k, "0") for k in KEYS) + "\r\n")
print(f"{target}: {len(snapshots)} rows", file=sys.stderr)
