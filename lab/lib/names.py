"""Query-name mix shared by the dnsperf query files and the stub clients.

Most names are unique labels under the lab's zones (the wildcard answers them, the resolver cannot
have them cached, so every one becomes an upstream query); the rest are a few popular names with
short TTLs and some names in a delegation that does not exist (NXDOMAIN from the test. server).
The generator is driven by a random.Random, so one seed gives one sequence.
"""
import random

ZONES = ("example.test", "shop.test", "media.test")

# (weight, kind, zone): kind "unique" = fresh label under the zone, "popular" = a fixed name,
# "nx" = a fresh label under a delegation that does not exist.
MIX = (
    (45, "unique", "example.test"),
    (15, "unique", "shop.test"),
    (10, "unique", "media.test"),
    (25, "popular", None),
    (5, "nx", None),
)
POPULAR = [(f"{host}.{zone}", qtype) for zone in ZONES
           for host, qtype in (("www", "A"), ("www", "AAAA"), ("api", "A"), ("mail", "MX"))]
UNIQUE_TYPES = (("A", 6), ("AAAA", 3), ("TXT", 1))


def _weighted(rng, pairs):
    total = sum(w for w, *_ in pairs)
    pick = rng.uniform(0, total)
    for entry in pairs:
        pick -= entry[0]
        if pick <= 0:
            return entry
    return pairs[-1]


def next_name(rng):
    """Returns (qname, qtype) for one query; qname has no trailing dot."""
    _, kind, zone = _weighted(rng, MIX)
    if kind == "popular":
        return rng.choice(POPULAR)
    label = f"q{rng.getrandbits(40):010x}"
    if kind == "nx":
        return f"{label}.nosuch.test", "A"
    qtype = _weighted(rng, [(w, t) for t, w in UNIQUE_TYPES])[1]
    return f"{label}.{zone}", qtype


def stream(seed, name):
    """A random generator for one named stream of one seeded run (independent across names)."""
    return random.Random(f"{seed}/{name}")
