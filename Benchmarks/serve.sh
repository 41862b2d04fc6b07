#!/usr/bin/env bash
# Benchmark: `yibao run --impl "yibao serve"` over a 50,000-vector corpus (and 10,000 for comparison):
# vectors per second through the real protocol over real pipes, and the runner's peak memory. Release build.
#   bash Benchmarks/serve.sh [VECTORS]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-50000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release --product yibao >/dev/null
bin=$(swift build -c release --show-bin-path)/yibao

corpus() {  # corpus DIR COUNT: employee.interruption vectors the reference passes (LU-2021-54/2a)
  mkdir -p "$1"
  cp -r vectors/catalog "$1/catalog"
  python3 Benchmarks/gen-corpus.py "$1" --vectors "$2" --compact >/dev/null
}

measure() {  # measure COUNT
  local dir="$work/c$1"
  corpus "$dir" "$1"
  local out="$work/time-$1"
  /usr/bin/time -f "%e %M" -o "$out" "$bin" run --vectors "$dir" --impl "$bin serve" --format json --output "$work/report-$1.json"
  read -r seconds kb < "$out"
  printf '%6d vectors: %.2f s, %.0f vectors/s, runner peak RSS %d MB, report %d MB\n' \
    "$1" "$seconds" "$(echo "$1 / $seconds" | bc -l)" $((kb / 1024)) $(( $(stat -c %s "$work/report-$1.json") / 1048576 ))
}

measure 10000
measure "$n"
