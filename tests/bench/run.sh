#!/usr/bin/env bash
# The benchmark: generates seeded synthetic corpora and measures, side by
# side in one run, the parse-only floor, `initiative validate` and
# `initiative build` (one thread and all cores), and the schema validators
# people use today (check-jsonschema, ajv-cli) on the same files against the
# same generated schema. Writes tests/bench/BENCHMARKS.md.
#
#   bash tests/bench/run.sh                      # 100, 1 000 and 10 000 documents: 5 runs
#                                                # each, 1 at 10 000 (BENCH_RUNS_LARGE)
#   BENCH_SIZES="100 1000" BENCH_RUNS=3 bash tests/bench/run.sh
#   BENCH_BUILD_LARGE=1 bash tests/bench/run.sh  # build at 10 000 documents too (an hour more)
#   BENCH_SMOKE=1 bash tests/bench/run.sh        # what .ci/run does: 100 documents, 1 run,
#                                                # report to target/bench/ (not committed)
#
# It installs what it needs: hyperfine (Debian, pinned), ajv-cli (npm, from
# the committed lock file), check-jsonschema (the conformance venv).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

smoke=${BENCH_SMOKE:-0}
if [[ $smoke == 1 ]]; then
  sizes=${BENCH_SIZES:-100}
  runs=${BENCH_RUNS:-1}
  report=target/bench/BENCHMARKS.md
else
  sizes=${BENCH_SIZES:-100 1000 10000}
  runs=${BENCH_RUNS:-5}
  report=tests/bench/BENCHMARKS.md
fi
# Corpora above 1 000 documents take minutes per run: one run each, and
# check-jsonschema (about 20 times slower than the rest) only up to 1 000,
# where the targets compare today's tools. `build` above 1 000 documents
# takes over ten minutes a run and 30 GB of disk at 10 000 (the SQLite
# database and its full-text index dominate): only with BENCH_BUILD_LARGE=1.
runs_large=${BENCH_RUNS_LARGE:-1}
build_large=${BENCH_BUILD_LARGE:-0}
work=$root/target/bench
mkdir -p "$work"

hyperfine_version=1.15.0-2
if ! command -v hyperfine >/dev/null; then
  sudo=""
  [[ $(id -u) == 0 ]] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "hyperfine=$hyperfine_version" >/dev/null ||
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends hyperfine >/dev/null
fi
(cd tests/bench && npm ci --no-audit --no-fund --silent)
venv=$(bash tests/conformance/venv.sh)
cargo build --quiet --release --locked --bin initiative --example corpus --example floor
initiative=$root/target/release/initiative
floor=$root/target/release/examples/floor
ajv=$root/tests/bench/node_modules/.bin/ajv

: >"$work/results.tsv"
for n in $sizes; do
  corpus=$work/corpus-$n
  if [[ ! -f $corpus/data/catalog.json ]]; then
    rm -rf "$corpus"
    "$root/target/release/examples/corpus" --documents "$n" --seed 1 --out "$corpus" >/dev/null
  fi
  rm -rf "$corpus/schema" && cp -r schema "$corpus/schema"
  # Exports a run of an older version left may lack the export-tree
  # marker, which build would refuse to replace.
  rm -rf "$corpus/exports"
  bytes=$(du -sb "$corpus/data" | cut -f1)
  docs="data/*/document.json"
  declare -A commands=(
    [floor]="$floor data"
    [validate-j1]="$initiative -q -j 1 validate"
    [validate]="$initiative -q validate"
    [validate-documents]="$initiative -q validate $docs"
    [translation-check-j1]="$initiative -q -j 1 translation check"
    [build-j1]="$initiative -q -j 1 build"
    [build]="$initiative -q build"
    [check-jsonschema]="$venv/check-jsonschema --schemafile schema/initiative.schema.json $docs"
    [ajv-cli]="$ajv validate --spec=draft2020 -c ajv-formats --strict=false -s schema/initiative.schema.json -d '$docs'"
  )
  size_runs=$runs
  ((n > 1000)) && size_runs=$runs_large
  for name in floor validate-j1 validate validate-documents translation-check-j1 build-j1 build check-jsonschema ajv-cli; do
    [[ $name == check-jsonschema ]] && ((n > 1000)) && continue
    [[ $name == build* && $build_large != 1 ]] && ((n > 1000)) && continue
    command=${commands[$name]}
    prepare="true"
    # Cold: no exports and no build cache.
    [[ $name == build* ]] && prepare="rm -rf exports .initiative"
    (cd "$corpus" && hyperfine --style none --runs "$size_runs" --warmup $((size_runs > 1 ? 1 : 0)) \
      --prepare "$prepare" --export-json "$work/$n-$name.json" "$command" >/dev/null)
    read -r median cpu < <(python3 -c "import json,statistics,sys; r=json.load(open(sys.argv[1]))['results'][0]; print(statistics.median(r['times']), r['user'] + r['system'])" "$work/$n-$name.json")
    (cd "$corpus" && bash -c "$prepare" && /usr/bin/time -f "%M" -o "$work/rss" bash -c "$command" >/dev/null 2>&1 || true)
    # A build's exports are not needed after it: at 10 000 documents they
    # fill tens of gigabytes.
    [[ $name == build* ]] && rm -rf "$corpus/exports" "$corpus/.initiative"
    rss=$(tail -1 "$work/rss")
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$name" "$median" "$rss" "$bytes" "$cpu" >>"$work/results.tsv"
    echo "bench: $n documents, $name: ${median}s, CPU ${cpu}s, ${rss} KB"
  done
done

# Incremental builds, with the build cache (.initiative/cache/) warm: a
# build and a check with nothing changed, and a rebuild after a word of one
# document or of one translation changed. The cold rows above are the
# baseline. The setup builds twice, two seconds apart, so the second run
# trusts the times of the files the first wrote last.
for n in $sizes; do
  [[ $build_large != 1 ]] && ((n > 1000)) && continue
  corpus=$work/corpus-$n
  size_runs=$runs
  ((n > 1000)) && size_runs=$runs_large
  bytes=$(du -sb "$corpus/data" | cut -f1)
  (cd "$corpus" && rm -rf exports .initiative && "$initiative" -q build && sleep 2.1 && "$initiative" -q build)
  declare -A incremental=(
    [noop-build]="$initiative -q build"
    [noop-check]="$initiative -q build --check"
    [edit-document]="$initiative -q build"
    [edit-translation]="$initiative -q build"
  )
  for name in noop-build noop-check edit-document edit-translation; do
    prepare="true"
    [[ $name == edit-* ]] && prepare="python3 $root/tests/bench/edit.py ${name#edit-} $corpus"
    (cd "$corpus" && hyperfine --style none --runs "$size_runs" --warmup $((size_runs > 1 ? 1 : 0)) \
      --prepare "$prepare" --export-json "$work/$n-$name.json" "${incremental[$name]}" >/dev/null)
    read -r median cpu < <(python3 -c "import json,statistics,sys; r=json.load(open(sys.argv[1]))['results'][0]; print(statistics.median(r['times']), r['user'] + r['system'])" "$work/$n-$name.json")
    (cd "$corpus" && bash -c "$prepare" && /usr/bin/time -f "%M" -o "$work/rss" bash -c "${incremental[$name]}" >/dev/null 2>&1 || true)
    rss=$(tail -1 "$work/rss")
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$name" "$median" "$rss" "$bytes" "$cpu" >>"$work/results.tsv"
    echo "bench: $n documents, $name: ${median}s, CPU ${cpu}s, ${rss} KB"
  done
  rm -rf "$corpus/exports" "$corpus/.initiative"
  # The edits are undone: the next run starts from the seeded corpus.
  rm -rf "$corpus/data" && "$root/target/release/examples/corpus" --documents "$n" --seed 1 --out "$corpus.fresh" >/dev/null
  mv "$corpus.fresh/data" "$corpus/data" && rm -rf "$corpus.fresh"
done

# A corrected official text at corpus scale: one English paragraph edited
# under a reviewed translation, and `build` still passes, with exactly one
# stale-source warning, printed once.
# At the largest corpus of 1 000 documents or fewer: 1 000 in a full run,
# 100 in the smoke run.
n=0
for size in $sizes; do ((size <= 1000 && size > n)) && n=$size; done
stale=$work/stale-$n
rm -rf "$stale" && cp -r "$work/corpus-$n" "$stale" && rm -rf "$stale/exports"
python3 - "$stale/data/doc-00000/document.json" <<'PY'
import json, sys
path = sys.argv[1]
document = json.load(open(path, encoding="utf-8"))
document["sections"][0]["paragraphs"][0]["text"]["en"] += " Corrected."
json.dump(document, open(path, "w", encoding="utf-8"), ensure_ascii=False, indent=2)
PY
if ! (cd "$stale" && "$initiative" build >"$work/stale.out" 2>&1); then
  echo "bench: build failed on a corrected official text ($n documents)"; cat "$work/stale.out"; exit 1
fi
warnings=$(grep -c '^warning\[stale-source\]' "$work/stale.out" || true)
if [[ $warnings != 1 ]]; then
  echo "bench: $warnings stale-source warnings for one corrected paragraph (expected 1)"; exit 1
fi
echo "bench: $n documents, one corrected paragraph: build exit 0, one stale-source warning"

# The shipped document, as CI meets it: `build --check` on the repository
# next to check-jsonschema validating the one document against its schema.
hyperfine --style none -N --runs $((runs * 2)) --warmup 1 \
  --export-json "$work/shipped-initiative.json" "$initiative -q build --check" >/dev/null
hyperfine --style none -N --runs "$runs" --warmup $((runs > 1 ? 1 : 0)) \
  --export-json "$work/shipped-check-jsonschema.json" \
  "$venv/check-jsonschema --schemafile schema/initiative.schema.json data/hangzhou-initiative/document.json" >/dev/null

# The micro-benchmarks of the per-document hot paths (divan): measured in
# a full run, run once each in the smoke run so they cannot rot.
: >"$work/micro.txt"
if [[ $smoke == 1 ]]; then
  cargo test --quiet --locked --bench micro >/dev/null
else
  cargo bench --quiet --locked --bench micro >"$work/micro.txt"
fi

python3 tests/bench/report.py "$work/results.tsv" "$runs" "$runs_large" "$work" >"$report"
echo "bench: wrote $report"
