#!/usr/bin/env python3
"""Writes a dnsperf query file ("qname qtype" per line) from the lab's name mix.

Usage: querygen.py --seed S --stream NAME --count N --out FILE
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import names  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", required=True)
    ap.add_argument("--stream", required=True)
    ap.add_argument("--count", type=int, required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    rng = names.stream(args.seed, args.stream)
    with open(args.out, "w", encoding="ascii") as out:
        for _ in range(args.count):
            qname, qtype = names.next_name(rng)
            out.write(f"{qname} {qtype}\n")


if __name__ == "__main__":
    main()
