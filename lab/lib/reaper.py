#!/usr/bin/env python3
"""Runs a command as a child subreaper: daemons' orphaned children are reaped, not left as zombies.

NSD's server process outlives its parent by a few milliseconds at shutdown and is re-parented; where
PID 1 does not reap (many containers), it would stay a zombie. With PR_SET_CHILD_SUBREAPER the
orphans come to this process instead, which reaps them. SIGTERM and SIGHUP are forwarded to the
command; SIGINT is ignored here because a terminal's Ctrl-C reaches the command directly (same
process group) and the command's own trap cleans up. Exits with the command's status.

Usage: reaper.py COMMAND [ARG...]
"""
import ctypes
import os
import signal
import subprocess
import sys
import time

PR_SET_CHILD_SUBREAPER = 36


def main():
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    child = subprocess.Popen(sys.argv[1:], restore_signals=True,
                             preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, lambda s, _: child.send_signal(s))
    status = None
    while status is None:
        try:
            pid, code = os.wait()
        except ChildProcessError:
            break
        if pid == child.pid:
            status = os.waitstatus_to_exitcode(code)
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:
        try:
            if os.waitpid(-1, os.WNOHANG) == (0, 0):
                time.sleep(0.05)
        except ChildProcessError:
            break
    sys.exit(128 - status if status is not None and status < 0 else status or 0)


if __name__ == "__main__":
    main()
