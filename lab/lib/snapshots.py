#!/usr/bin/env python3
"""Takes a statistics snapshot every interval and appends it, stamped, to a text file.

A snapshot is the output of a command (unbound-control stats, rec_control get-all) or the body of
an HTTP GET (the PowerDNS Recursor API's statistics JSON, --url with --api-key).
Output format (documented in lab/README.md): for every snapshot a header line
    # time 2026-11-25T18:00:01.000Z
(UTC, milliseconds: the moment the request was started) followed by the output unchanged (for
example unbound-control's key=value lines, rec_control get-all's "name<TAB>value" lines, or the
API's JSON on one line). A failed request produces the header followed by "# error <reason>".
Snapshots are taken on whole multiples of the interval since the epoch, so two recorders line up.

Usage: snapshots.py --interval S --out FILE (-- COMMAND [ARG...] | --url URL [--api-key KEY])
"""
import argparse
import datetime
import json
import signal
import subprocess
import sys
import time
import urllib.request


def iso_ms(ns):
    stamp = datetime.datetime.fromtimestamp(ns // 1_000_000 / 1000, datetime.timezone.utc)
    return stamp.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ns // 1_000_000 % 1000:03d}Z"


def take(args, command):
    """Returns (text, error) for one snapshot; exactly one of them is None."""
    if args.url:
        request = urllib.request.Request(args.url, headers={"X-API-Key": args.api_key or ""})
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                body = response.read().decode("utf-8").strip()
        except OSError as err:
            return None, str(err).replace("\n", " ")
        # One snapshot, one line: re-serialise only if the server pretty-printed it.
        return (json.dumps(json.loads(body)) if "\n" in body else body) + "\n", None
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=10)
    except subprocess.TimeoutExpired:
        return None, "timeout"
    if result.returncode != 0:
        return None, f"exit status {result.returncode}"
    text = result.stdout
    return text if text.endswith("\n") or not text else text + "\n", None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--interval", type=float, default=1.0)
    ap.add_argument("--out", required=True)
    ap.add_argument("--url")
    ap.add_argument("--api-key")
    ap.add_argument("command", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    # SIGTERM ends the recorder between snapshots, never inside one (no half-written snapshot).
    state = {"busy": False, "stop": False}

    def on_term(*_):
        if not state["busy"]:
            sys.exit(0)
        state["stop"] = True

    signal.signal(signal.SIGTERM, on_term)
    with open(args.out, "a", encoding="utf-8") as out:
        while not state["stop"]:
            now = time.time()
            time.sleep(args.interval - now % args.interval)
            state["busy"] = True
            started = time.time_ns()
            text, error = take(args, command)
            out.write(f"# time {iso_ms(started)}\n")
            out.write(text if error is None else f"# error {error}\n")
            out.flush()
            state["busy"] = False


if __name__ == "__main__":
    main()
