"""Compares the units of two translation files: every unit's source and
translation must be the same. Exits 1 naming each unit that differs."""

import json
import sys

expected, actual = (json.load(open(p, encoding="utf-8"))["units"] for p in sys.argv[1:3])
differing = [u for u in sorted(set(expected) | set(actual)) if expected.get(u) != actual.get(u)]
for unit in differing:
    print(f"unit {unit} differs: {expected.get(unit)!r} != {actual.get(unit)!r}")
if not differing:
    print(f"{len(expected)} units, every text intact")
sys.exit(1 if differing else 0)
