#!/usr/bin/env bash
# Peak memory of `yibao run --impl` against a hostile adapter that answers every vector of the real suite with one
# huge line, in every report format (issue 10: the goal is under 300 MB whatever an adapter sends).
#
#   Benchmarks/hostile-memory.sh [LINE_BYTES] [YIBAO]
#
# LINE_BYTES defaults to 16 MiB (16777216, newline included: one byte under the runner's line cap, so every answer
# is read and parsed whole); 16777218 makes every line one byte too long (a protocol error per vector).
# YIBAO defaults to the release build. Prints "format  peak-MB  seconds  exit" per format, via /usr/bin/time -v.
set -euo pipefail
cd "$(dirname "$0")/.."
bytes="${1:-16777216}"
yibao="${2:-$(swift build -c release --show-bin-path)/yibao}"
adapter="python3 Tests/YibaoConformanceTests/Fixtures/impl/hostile.py huge $((bytes - 1))"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
printf '%-9s %8s %8s %5s\n' format peak-MB seconds exit
for format in text json junit markdown html; do
  status=0
  /usr/bin/time -v -o "$out/time" "$yibao" run --impl "$adapter" --format "$format" --output "$out/report" --timeout 60 \
    2>"$out/stderr" || status=$?
  kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out/time")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$out/time")
  printf '%-9s %8d %8s %5s\n' "$format" $((kb / 1024)) "$wall" "$status"
done
