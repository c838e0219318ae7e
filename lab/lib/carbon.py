#!/usr/bin/env python3
"""A local carbon (Graphite plaintext) listener: writes every line it receives, as it comes.

The lines are Graphite's plaintext protocol unchanged, "metric.path value epoch_seconds", one per
line, appended to --out and flushed per received chunk. It listens on TCP at --address, port
--port (0 picks a free one); the chosen port is written to --port-file once the socket listens.

Usage: carbon.py --address 127.0.0.1 --port 0 --port-file FILE --out FILE
"""
import argparse
import os
import selectors
import signal
import socket
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--address", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    server = socket.create_server((args.address, args.port))
    # Written under a temporary name and renamed, so a reader never sees a half-written port.
    with open(args.port_file + ".tmp", "w", encoding="ascii") as f:
        f.write(f"{server.getsockname()[1]}\n")
    os.replace(args.port_file + ".tmp", args.port_file)
    sel = selectors.DefaultSelector()
    sel.register(server, selectors.EVENT_READ, None)
    pending = {}
    with open(args.out, "a", encoding="utf-8") as out:
        while True:
            for key, _ in sel.select():
                if key.data is None:
                    conn, _ = server.accept()
                    sel.register(conn, selectors.EVENT_READ, conn)
                    pending[conn] = b""
                    continue
                conn = key.data
                data = conn.recv(65536)
                if not data:
                    sel.unregister(conn)
                    conn.close()
                    pending.pop(conn, None)
                    continue
                lines = (pending[conn] + data).split(b"\n")
                pending[conn] = lines.pop()
                for line in lines:
                    out.write(line.decode("utf-8", "replace").rstrip("\r") + "\n")
                out.flush()


if __name__ == "__main__":
    main()
