#!/usr/bin/env python3
"""Checks that every lab address can bind its port (UDP and TCP) before anything is started.

A clear message up front beats a daemon that fails half-way (for example a system resolver bound
to 0.0.0.0:53, which blocks binding any 127.0.0.x:53). TCP is tested the way the daemons bind
(SO_REUSEADDR), so a previous run's connections in TIME_WAIT do not count as a conflict.
Exit status 0 if all are free, 1 otherwise.

Usage: preflight.py ADDR[:PORT]...   (PORT defaults to 53)
"""
import socket
import sys


def main():
    busy = []
    for spec in sys.argv[1:]:
        addr, _, port = spec.partition(":")
        port = int(port or 53)
        for kind, name in ((socket.SOCK_DGRAM, "udp"), (socket.SOCK_STREAM, "tcp")):
            sock = socket.socket(socket.AF_INET, kind)
            if kind == socket.SOCK_STREAM:
                # As the daemons do: connections of a previous run in TIME_WAIT must not count as
                # busy, a listener must.
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                sock.bind((addr, port))
            except OSError as err:
                busy.append(f"{addr}:{port}/{name} ({err.strerror})")
            finally:
                sock.close()
    if busy:
        print("run-lab: cannot bind " + ", ".join(busy) +
              "; stop whatever listens there (ss -lntup) and retry", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
