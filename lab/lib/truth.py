#!/usr/bin/env python3
"""Builds truth.json from the facts run-lab recorded while it ran.

The facts file has one "key=value" per line (lists are space-separated, times are epoch
microseconds UTC as read from bash's EPOCHREALTIME). The JSON schema is documented in
lab/README.md; every time appears twice: ISO-8601 UTC with milliseconds, and epoch nanoseconds.

Usage: truth.py FACTS OUT.json
"""
import datetime
import json
import sys

ZONES = ("root", "test", "example.test", "shop.test", "media.test")


def iso_ms(us):
    stamp = datetime.datetime.fromtimestamp(us // 1000 / 1000, datetime.timezone.utc)
    return stamp.strftime("%Y-%m-%dT%H:%M:%S.") + f"{us // 1000 % 1000:03d}Z"


def span(facts, prefix):
    start, end = int(facts[prefix + "_start_us"]), int(facts[prefix + "_end_us"])
    return {"start": iso_ms(start), "end": iso_ms(end),
            "startNs": start * 1000, "endNs": end * 1000}


def fqdn(zone):
    return "." if zone == "root" else zone + "."


def outage(facts):
    if facts["scenario"] != "outage":
        return None
    result = {"zone": fqdn(facts["dark_zone"]),
              "servers": facts["dark_servers"].split(),
              "software": facts["dark_software"]}
    result.update(span(facts, "outage"))
    discarded = json.loads(facts["outage_discarded"])
    result["discardedWhileDark"] = discarded
    if discarded is None:
        result["method"] = "SIGSTOP to every process of each server, SIGCONT to restore " \
                           "(queued queries answered late: the blackhole could not take the sockets)"
    else:
        result["method"] = "SIGSTOP to every process of each server, queued queries discarded " \
                           "while dark, SIGCONT to restore"
    result["signalSpreadUs"] = {"stop": int(facts["outage_stop_spread_us"]),
                                "cont": int(facts["outage_cont_spread_us"])}
    return result


def resolver(facts, name):
    stats = []
    for item in facts[name + ".stats"].split():
        file, fmt, mode = item.split(":")
        stats.append({"file": file, "format": fmt, "mode": mode, "intervalSeconds": 1})
    return {"software": name, "version": facts["version." + name],
            "address": facts[name + ".address"], "port": 53,
            "upstreamSource": facts[name + ".address"],
            "clients": {"dnsperf": facts[name + ".dnsperf"].split(),
                        "stubs": facts[name + ".stubs"].split()},
            "stats": stats}


def main():
    facts = {}
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            key, _, value = line.rstrip("\n").partition("=")
            facts[key] = value
    resolvers = facts["resolvers"].split()
    truth = {
        "version": 1,
        "scenario": facts["scenario"],
        "parameters": {
            "resolver": facts["resolver_option"], "seed": facts["seed"],
            "durationSeconds": float(facts["duration"]),
            "outageStartSeconds": float(facts["outage_offset"]),
            "outageLengthSeconds": float(facts["outage_length"]),
            "darkZone": fqdn(facts["dark_zone"]),
            "dnsperfRate": float(facts["rate"]), "stubRate": float(facts["stub_rate"]),
            "stubClients": int(facts["stubs"]), "statsMode": facts["stats_mode"],
            "pdnsThrottleSeconds": int(facts["pdns_throttle"])},
        "load": span(facts, "load"),
        "outage": outage(facts),
        "resolvers": [resolver(facts, name) for name in resolvers],
        "zones": [{"zone": fqdn(z), "software": facts["zone." + z].split()[0],
                   "servers": facts["zone." + z].split()[1:]} for z in ZONES],
        "probeClient": facts["probe"],
        "capture": dict(span(facts, "capture"), file="capture.pcap", interface="lo",
                        filter=facts["capture_filter"],
                        packets=int(facts["capture_packets"]),
                        droppedByKernel=int(facts["capture_dropped"])),
        "stubLog": {"file": "stubs.csv", "format": "lab stub attempts CSV (lab/README.md)"},
        "software": {k[len("version."):]: v for k, v in facts.items()
                     if k.startswith("version.") and k[len("version."):] not in resolvers},
    }
    truth["software"].update({name: facts["version." + name] for name in resolvers})
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        json.dump(truth, out, indent=2)
        out.write("\n")


if __name__ == "__main__":
    main()
