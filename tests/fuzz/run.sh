#!/usr/bin/env bash
# Builds the fuzz targets with clang and libFuzzer (ASan + UBSan) in build-fuzz/ and runs each for
# SECONDS seconds (default 60) on its seed corpus in tests/fuzz/corpus/<target>/. New inputs go to
# build-fuzz/corpus/<target>/ (not into the repo); crashes to build-fuzz/crashes/<target>/.
#
#   tests/fuzz/run.sh [SECONDS] [TARGET...]     targets: frontmatter mustache markdown scrub leak_scan
#
# FUZZ_SEED (default: random) fixes libFuzzer's seed: CI passes one, so that a run explores the
# same inputs as the long runs made before landing and fails only on a real regression.
# Exits non-zero when a target finds a crash, a leak or a broken property.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(frontmatter mustache markdown scrub leak_scan)
build=${FUZZ_BUILD:-build-fuzz}
jobs=${JOBS:-2}
seed=${FUZZ_SEED:-0}

flags="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -g -O1"
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
  -DOMBUDSITE_FUZZ=ON >/dev/null
cmake --build "$build" -j "$jobs" --target "${targets[@]/#/fuzz_}"

status=0
for t in "${targets[@]}"; do
  mkdir -p "$build/corpus/$t" "$build/crashes/$t"
  echo "== fuzz_$t for $seconds s"
  if ! "$build/tests/fuzz_$t" -max_total_time="$seconds" -seed="$seed" -timeout=10 -rss_limit_mb=2048 \
      -max_len=65536 -print_final_stats=1 -artifact_prefix="$build/crashes/$t/" \
      "$build/corpus/$t" "tests/fuzz/corpus/$t" 2>"$build/fuzz_$t.log"; then
    status=1
    tail -n 60 "$build/fuzz_$t.log"
  fi
  grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb)' "$build/fuzz_$t.log" || true
  grep -Eo 'cov: [0-9]+ ft: [0-9]+' "$build/fuzz_$t.log" | tail -n 1 || true
done
exit $status
