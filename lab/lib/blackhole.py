#!/usr/bin/env python3
"""Turns SIGSTOPped DNS servers into a blackhole: discards the queries queued on their sockets.

A stopped server answers nothing, but the kernel keeps queueing queries on its UDP socket, and on
SIGCONT the server would answer that whole backlog at once: hundreds of late answers in one
millisecond, which no server that really went dark produces. This helper takes a duplicate of
each server's UDP port-53 socket (pidfd_getfd(2), Linux 5.6+, needs root) and reads and discards
every datagram until it gets SIGTERM, then drains once more and exits; run-lab sends SIGCONT only
after it has exited. The queries still appear in the capture (tcpdump sees them on lo before they
are queued); only the late answers disappear.

On exit it prints one JSON object to stdout: {"ADDR": discarded datagrams, ...}. Exit status 3 if
no socket could be taken (old kernel, seccomp, ptrace restrictions), with the reason on stderr.

Usage: blackhole.py PGID... (process groups of the stopped servers)
"""
import ctypes
import json
import os
import select
import signal
import socket
import sys

SYS_PIDFD_GETFD = 438  # same number on every architecture (the unified syscall table since 5.1)


def group_members(pgid):
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == pgid:
                pids.append(int(entry))
    return pids


def udp53_inodes():
    """Maps socket inode -> dotted address for every UDP socket bound to port 53."""
    result = {}
    with open("/proc/net/udp", encoding="ascii") as f:
        next(f)
        for line in f:
            cols = line.split()
            hex_addr, hex_port = cols[1].split(":")
            if int(hex_port, 16) == 53:
                result[cols[9]] = socket.inet_ntoa(int(hex_addr, 16).to_bytes(4, "little"))
    return result


def take_sockets(pgids):
    libc = ctypes.CDLL(None, use_errno=True)
    wanted = udp53_inodes()
    taken = {}
    for pgid in pgids:
        for pid in group_members(pgid):
            fd_dir = f"/proc/{pid}/fd"
            try:
                fds = os.listdir(fd_dir)
            except OSError:
                continue
            for fd in fds:
                try:
                    target = os.readlink(f"{fd_dir}/{fd}")
                except OSError:
                    continue
                inode = target[len("socket:["):-1] if target.startswith("socket:[") else None
                if inode not in wanted or inode in taken:
                    continue
                pidfd = os.pidfd_open(pid)
                dup = libc.syscall(SYS_PIDFD_GETFD, pidfd, int(fd), 0)
                err = ctypes.get_errno()
                os.close(pidfd)
                if dup < 0:
                    print(f"blackhole: pidfd_getfd({pid}, {fd}): {os.strerror(err)}",
                          file=sys.stderr)
                    continue
                taken[inode] = (wanted[inode], socket.socket(fileno=dup))
    return list(taken.values())


def drain(sock):
    count = 0
    while True:
        try:
            sock.recv(65535, socket.MSG_DONTWAIT)
        except BlockingIOError:
            return count
        count += 1


def main():
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(True))
    sockets = take_sockets([int(p) for p in sys.argv[1:]])
    if not sockets:
        print("blackhole: no UDP port-53 socket could be taken", file=sys.stderr)
        sys.exit(3)
    discarded = {addr: 0 for addr, _ in sockets}
    while not stop:
        try:
            ready, _, _ = select.select([s for _, s in sockets], [], [], 0.01)
        except InterruptedError:
            ready = []
        for addr, sock in sockets:
            if sock in ready:
                discarded[addr] += drain(sock)
    for addr, sock in sockets:
        discarded[addr] += drain(sock)
    print(json.dumps(discarded, sort_keys=True), flush=True)
    # run-lab continues the servers when this process is gone: skip the interpreter's teardown.
    os._exit(0)


if __name__ == "__main__":
    main()
