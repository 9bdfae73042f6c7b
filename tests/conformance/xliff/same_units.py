"""Compares the units and names of two translation files: every unit's
and name's source and translation must be the same. Exits 1 naming each
that differs."""

import json
import sys

expected, actual = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
differing = []
for part in ("units", "names"):
    old, new = expected.get(part, {}), actual.get(part, {})
    for key in sorted(set(old) | set(new)):
        if old.get(key) != new.get(key):
            differing.append(f"{part[:-1]} {key} differs: {old.get(key)!r} != {new.get(key)!r}")
for line in differing:
    print(line)
if not differing:
    print(f"{len(expected['units'])} units and {len(expected.get('names', {}))} names, every text intact")
sys.exit(1 if differing else 0)
