#!/usr/bin/env bash
# Runs every fuzz target (libFuzzer, through libfuzzer-sys) for
# FUZZ_SECONDS each (default 60), starting from the committed seed corpus.
# `.ci/run` calls it only when FUZZ=1. A crash stops the run with exit 1
# and leaves the input in target/fuzz/artifacts/.
#
# With a nightly toolchain the targets also run under AddressSanitizer;
# with only stable, RUSTC_BOOTSTRAP=1 enables the coverage flags and the
# run finds panics, hangs and runaway memory without ASan.
set -euo pipefail
cd "$(dirname "$0")"

seconds=${FUZZ_SECONDS:-60}
host=$(rustc -vV | sed -n 's/^host: //p')
toolchain=()
sanitizer=""
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  toolchain=(+nightly)
  sanitizer="-Zsanitizer=address"
else
  export RUSTC_BOOTSTRAP=1
fi
export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing $sanitizer -Cdebug-assertions -Coverflow-checks"
target_dir=../../target/fuzz
cargo "${toolchain[@]}" build --quiet --release --target "$host" --target-dir "$target_dir" --bins

mkdir -p "$target_dir/artifacts"
for target in validate_document validate_translation one_pass pointer_position xliff_import cli_args; do
  # New inputs go to a scratch folder: the committed corpus stays as is.
  scratch=$(mktemp -d)
  echo "== $target: ${seconds}s"
  "$target_dir/$host/release/$target" -max_total_time="$seconds" -close_fd_mask=1 -rss_limit_mb=2048 -timeout=10 \
    -print_final_stats=1 -artifact_prefix="$target_dir/artifacts/$target-" "$scratch" "corpus/$target" 2>&1 |
    grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|==|INFO: Done)|panicked|ERROR' || true
  rm -rf "$scratch"
  if compgen -G "$target_dir/artifacts/$target-*" >/dev/null; then
    echo "FAILED $target: see $target_dir/artifacts/"
    exit 1
  fi
done
echo "fuzz: every target ran ${seconds}s without a crash"
