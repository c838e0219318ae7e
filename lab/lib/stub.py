#!/usr/bin/env python3
"""Stub-resolver clients: look names up through a resolver and retry the way real stubs do.

Each client address starts lookups as a Poisson process. A lookup sends a query (RD set, random
16-bit id) from a fresh UDP socket bound to the client address with a kernel-chosen port. On a
timeout or a SERVFAIL the same qname+qtype is asked again with a NEW id from a NEW socket (so a new
source port), up to --attempts times in all. Attempt k (from 0) waits timeout * (1, 1, 2, 4, 4, ...)
for an answer (the schedule of common desktop stubs); after a SERVFAIL the next attempt starts
0.25 s * 2^k later. Any other rcode ends the lookup.

Every attempt is one line of the CSV written to --out:
lookup,attempt,client,sport,resolver,qid,qname,qtype,sent_ns,outcome,rcode,rtt_ms
(outcome answer|servfail|timeout; rcode empty on timeout; sent_ns epoch nanoseconds UTC).

Usage: stub.py --client ADDR@RESOLVER [...] --rate LOOKUPS_PER_S --duration S --seed S --out FILE
"""
import argparse
import csv
import heapq
import os
import selectors
import signal
import socket
import struct
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import names  # noqa: E402

QTYPES = {"A": 1, "MX": 15, "TXT": 16, "AAAA": 28}
RCODES = {0: "NOERROR", 1: "FORMERR", 2: "SERVFAIL", 3: "NXDOMAIN", 4: "NOTIMP", 5: "REFUSED"}
MAX_FACTOR = 4


def encode_query(qid, qname, qtype):
    header = struct.pack("!HHHHHH", qid, 0x0100, 1, 0, 0, 0)
    wire = b"".join(bytes([len(p)]) + p.encode("ascii") for p in qname.split(".")) + b"\0"
    return header + wire + struct.pack("!HH", QTYPES[qtype], 1)


def decode_reply(data):
    """Returns (qid, rcode, question bytes) of a response, or None if it is not one."""
    if len(data) < 12:
        return None
    qid, flags, qdcount = struct.unpack("!HHH", data[:6])
    if not flags & 0x8000 or qdcount != 1:
        return None
    end = 12
    while end < len(data) and data[end] != 0:
        end += data[end] + 1
    return qid, flags & 0x000F, data[12:end + 5].lower()


class Attempt:
    def __init__(self, lookup, number, client, resolver, qid, qname, qtype, wait):
        self.lookup, self.number, self.client, self.resolver = lookup, number, client, resolver
        self.qid, self.qname, self.qtype = qid, qname, qtype
        self.question = encode_query(qid, qname, qtype)[12:].lower()
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind((client, 0))
        self.sport = self.sock.getsockname()[1]
        self.sent_ns = time.time_ns()
        self.deadline = time.monotonic() + wait
        self.sock.sendto(encode_query(qid, qname, qtype), (resolver, 53))


class Stubs:
    def __init__(self, args):
        self.args = args
        self.sel = selectors.DefaultSelector()
        self.events = []  # heap of (monotonic time, seq, callable)
        self.seq = 0
        self.lookups = 0
        # One stream per client for its schedule and names (so a seed fixes every lookup, whatever
        # the timing of answers), one for query ids (drawn in the order attempts happen).
        self.client_rng = {}
        self.id_rng = names.stream(args.seed, "stub-ids")
        self.file = open(args.out, "w", newline="", encoding="ascii")
        self.writer = csv.writer(self.file)
        self.writer.writerow(["lookup", "attempt", "client", "sport", "resolver", "qid", "qname",
                              "qtype", "sent_ns", "outcome", "rcode", "rtt_ms"])
        self.stray = 0

    def at(self, when, action):
        self.seq += 1
        heapq.heappush(self.events, (when, self.seq, action))

    def schedule_lookup(self, client, resolver, when):
        if when < self.end:
            self.at(when, lambda: self.start_lookup(client, resolver, when))

    def rng_of(self, client):
        return self.client_rng.setdefault(client, names.stream(self.args.seed, "stub-" + client))

    def start_lookup(self, client, resolver, when):
        self.lookups += 1
        rng = self.rng_of(client)
        qname, qtype = names.next_name(rng)
        self.send(self.lookups, 0, client, resolver, qname, qtype, None)
        per_client = self.args.rate / len(self.args.client)
        self.schedule_lookup(client, resolver, when + rng.expovariate(per_client))

    def send(self, lookup, number, client, resolver, qname, qtype, previous_qid):
        qid = self.id_rng.getrandbits(16)
        while qid == previous_qid:
            qid = self.id_rng.getrandbits(16)
        wait = self.args.timeout * min(2 ** max(number - 1, 0), MAX_FACTOR)
        try:
            attempt = Attempt(lookup, number, client, resolver, qid, qname, qtype, wait)
        except OSError as err:
            print(f"stub: send from {client} failed: {err}", file=sys.stderr)
            return
        self.sel.register(attempt.sock, selectors.EVENT_READ, attempt)
        self.at(attempt.deadline, lambda: self.expire(attempt))

    def finish(self, attempt, outcome, rcode):
        self.sel.unregister(attempt.sock)
        attempt.sock.close()
        rtt = "" if rcode is None else f"{(time.time_ns() - attempt.sent_ns) / 1e6:.3f}"
        self.writer.writerow([attempt.lookup, attempt.number, attempt.client, attempt.sport,
                              attempt.resolver, attempt.qid, attempt.qname, attempt.qtype,
                              attempt.sent_ns, outcome, "" if rcode is None else rcode, rtt])
        retry = outcome in ("timeout", "servfail") and attempt.number + 1 < self.args.attempts
        if retry:
            delay = 0.0 if outcome == "timeout" else 0.25 * 2 ** attempt.number
            self.at(time.monotonic() + delay, lambda: self.send(
                attempt.lookup, attempt.number + 1, attempt.client, attempt.resolver,
                attempt.qname, attempt.qtype, attempt.qid))

    def expire(self, attempt):
        if attempt.sock.fileno() >= 0:
            self.finish(attempt, "timeout", None)

    def receive(self, attempt):
        data, peer = attempt.sock.recvfrom(4096)
        reply = decode_reply(data)
        if peer != (attempt.resolver, 53) or reply is None or reply[0] != attempt.qid \
                or reply[2] != attempt.question:
            self.stray += 1
            return
        rcode = RCODES.get(reply[1], str(reply[1]))
        self.finish(attempt, "servfail" if reply[1] == 2 else "answer", rcode)

    def run(self):
        start = time.monotonic()
        self.end = start + self.args.duration
        for spec in self.args.client:
            client, resolver = spec.split("@")
            per_client = self.args.rate / len(self.args.client)
            first = start + self.rng_of(client).expovariate(per_client)
            self.schedule_lookup(client, resolver, first)
        while self.events or self.sel.get_map():
            timeout = max(0.0, self.events[0][0] - time.monotonic()) if self.events else 0.5
            for key, _ in self.sel.select(timeout):
                self.receive(key.data)
            now = time.monotonic()
            while self.events and self.events[0][0] <= now:
                heapq.heappop(self.events)[2]()
        self.file.close()
        print(f"stub: {self.lookups} lookups, {self.stray} stray replies", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--client", action="append", required=True, help="ADDR@RESOLVER, repeatable")
    ap.add_argument("--rate", type=float, required=True, help="lookups per second, all clients")
    ap.add_argument("--duration", type=float, required=True)
    ap.add_argument("--seed", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--attempts", type=int, default=4)
    ap.add_argument("--timeout", type=float, default=1.0)
    # run-lab stops stragglers with SIGTERM; leave through the normal path so the CSV is flushed.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    stubs = Stubs(ap.parse_args())
    try:
        stubs.run()
    finally:
        stubs.file.close()


if __name__ == "__main__":
    main()
