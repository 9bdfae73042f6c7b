"""Turns the benchmark's results.tsv into BENCHMARKS.md: a table per
corpus (median wall time, CPU time, MB/s, peak RSS, ratio to the floor)
and the targets, each marked met or missed.

usage: report.py results.tsv RUNS RUNS_LARGE WORK
(WORK holds the shipped-document timings and the micro-benchmark table)
"""

import datetime
import json
import os
import statistics
import sys
from collections import defaultdict

rows = defaultdict(dict)
sizes = {}
for line in open(sys.argv[1], encoding="utf-8"):
    n, name, median, rss, size, cpu = line.rstrip("\n").split("\t")
    rows[int(n)][name] = (float(median), int(rss), float(cpu))
    sizes[int(n)] = int(size)
runs = sys.argv[2]
runs_large = sys.argv[3]
work = sys.argv[4]

LABELS = {
    "floor": "floor: read + `serde_json` parse of every file",
    "validate-j1": "`initiative validate --jobs 1` (documents, translations, catalog)",
    "validate": "`initiative validate` (all cores)",
    "validate-documents": "`initiative validate data/*/document.json` (all cores)",
    "translation-check-j1": "`initiative translation check --jobs 1` (every translation, every rule)",
    "build-j1": "`initiative build --jobs 1` (every format)",
    "build": "`initiative build` (all cores)",
    "noop-build": "`initiative build`, nothing changed (cache warm)",
    "noop-check": "`initiative build --check`, nothing changed (cache warm)",
    "edit-document": "`initiative build` after one document changed (cache warm)",
    "edit-translation": "`initiative build` after one translation changed (cache warm)",
    "check-jsonschema": "`check-jsonschema` on the documents",
    "ajv-cli": "`ajv-cli` on the documents",
}

out = []
out.append("# Benchmarks\n")
out.append(
    f"Measured on {datetime.date.today().isoformat()}, {os.cpu_count()} cores, median of {runs} run(s) "
    f"with hyperfine ({runs_large} above 1 000 documents); peak RSS from `/usr/bin/time -v` (one run). "
    "Reproduce with `bash tests/bench/run.sh` (it installs hyperfine, ajv-cli and check-jsonschema "
    "at pinned versions). `initiative` runs with mimalloc; the floor with the system allocator.\n"
)
for n in sorted(rows):
    r = rows[n]
    floor = r["floor"][0]
    mb = sizes[n] / 1e6
    out.append(f"\n## {n} documents ({mb:.0f} MB of JSON: documents, translations, catalog)\n")
    out.append("| tool | median wall | CPU (user + system) | MB/s | peak RSS | × floor |")
    out.append("|---|---|---|---|---|---|")
    for name, label in LABELS.items():
        if name not in r:
            continue
        t, rss, cpu = r[name]
        out.append(f"| {label} | {t:.3f} s | {cpu:.3f} s | {mb / t:.0f} | {rss / 1024:.0f} MB | {t / floor:.2f} |")

def target(label, value, bound, better="lower"):
    met = value <= bound if better == "lower" else value >= bound
    sign = "≤" if better == "lower" else "≥"
    return f"| {label} | {value:.2f} | {sign} {bound} | {'met' if met else '**missed**'} |"

out.append("\n## Targets\n")
out.append("Ratios of wall times measured in this run. The first is a must; the others are goals.\n")
out.append("| target | measured | goal | |")
out.append("|---|---|---|---|")
k = 1000 if 1000 in rows else min(rows)
r = rows[k]
floor = r["floor"][0]
out.append(target(f"**must**: validate --jobs 1, {k} documents, × floor", r["validate-j1"][0] / floor, 1.5))
out.append(target(f"validate --jobs 1, {k} documents, × floor (the goal)", r["validate-j1"][0] / floor, 1.2))
out.append(target(f"validate, all cores, {k} documents, × floor", r["validate"][0] / floor, 0.7))
out.append(target(f"build --jobs 1, {k} documents, × floor", r["build-j1"][0] / floor, 8))
out.append(target(f"validate, all cores vs --jobs 1 ({os.cpu_count()} cores), speed-up", r["validate-j1"][0] / r["validate"][0], 1.7, "higher"))
out.append(target(f"check-jsonschema ÷ initiative on the {k} documents", r["check-jsonschema"][0] / r["validate-documents"][0], 15, "higher"))
out.append(target(f"ajv-cli ÷ initiative on the {k} documents", r["ajv-cli"][0] / r["validate-documents"][0], 3.5, "higher"))
if "noop-build" in r:
    out.append(target(f"no-op build (cache warm) ÷ cold validate, {k} documents", r["noop-build"][0] / r["validate"][0], 0.25))
    out.append(target(f"no-op build --check (cache warm) ÷ cold validate, {k} documents", r["noop-check"][0] / r["validate"][0], 0.25))
    out.append(target(f"one document edited ÷ cold build, {k} documents", r["edit-document"][0] / r["build"][0], 0.05))
    out.append(target(f"one translation edited ÷ cold build, {k} documents", r["edit-translation"][0] / r["build"][0], 0.05))
if len(rows) > 1:
    small, large = min(rows), max(rows)
    if "edit-document" in rows[large] and "edit-document" in rows[k] and large != k:
        out.append(target(f"one document edited at {large} ÷ at {k}", rows[large]["edit-document"][0] / rows[k]["edit-document"][0], 2))
    per = lambda n: rows[n]["validate-j1"][0] / n
    out.append(target(f"time per document at {large} ÷ at {small}", per(large) / per(small), 1.25))
    if "build-j1" in rows[large]:
        out.append(target(f"peak RSS at {large} ÷ at {small} (build --jobs 1)", rows[large]["build-j1"][1] / rows[small]["build-j1"][1], 1.5))
    else:
        out.append(f"| peak RSS at {large} ÷ at {small} (build --jobs 1) | not in this run (BENCH_BUILD_LARGE=1); see below | ≤ 1.5 | **missed** |")
    out.append(target(f"peak RSS at {large} ÷ at {small} (validate --jobs 1)", rows[large]["validate-j1"][1] / rows[small]["validate-j1"][1], 1.5))


def median(name):
    path = os.path.join(work, f"shipped-{name}.json")
    if not os.path.exists(path):
        return None
    times = json.load(open(path, encoding="utf-8"))["results"][0]["times"]
    return statistics.median(times)


ours, theirs = median("initiative"), median("check-jsonschema")
if ours is not None and theirs is not None:
    out.append("\n## The shipped document\n")
    out.append("| command | median |")
    out.append("|---|---|")
    out.append(f"| `initiative build --check` (schemas, 3 files validated, every export rendered and compared) | {ours * 1000:.1f} ms |")
    out.append(f"| `check-jsonschema` on `data/hangzhou-initiative/document.json` (schema only) | {theirs * 1000:.1f} ms |")
micro = os.path.join(work, "micro.txt")
if os.path.exists(micro) and os.path.getsize(micro) > 0:
    out.append("\n## Micro-benchmarks (the shipped document, one thread)\n")
    out.append("`cargo bench --bench micro` (divan), from `tests/bench/micro.rs`:\n")
    out.append("```")
    out.append(open(micro, encoding="utf-8").read().rstrip())
    out.append("```")
analysis = os.path.join(os.path.dirname(os.path.abspath(__file__)), "analysis.md")
if os.path.exists(analysis):
    out.append("")
    out.append(open(analysis, encoding="utf-8").read().rstrip())
print("\n".join(out))
