#!/usr/bin/env bash
# Benchmark: `yibao run --jobs N` against an adapter that answers one request at a time in DELAY ms (default 50),
# over the whole suite. Prints each run's wall time beside the ideal (vectors × delay ÷ N) and their ratio; the
# goal (issue 13) is within 1.3× of the ideal for --jobs 8 and 16, also on a 2-core machine. Release build.
#   bash Benchmarks/jobs.sh [JOBS...]        (default: 1 8 16)
# The wall time includes checking the suite and starting N Node processes; on a machine busy with other work the
# processes start late and each 50 ms timer fires late, so compare with `uptime`'s load average.
set -euo pipefail
cd "$(dirname "$0")/.."
delay=${YIBAO_BENCH_DELAY_MS:-50}
export YIBAO_BENCH_DELAY_MS=$delay
swift build -c release --product yibao >/dev/null
bin=$(swift build -c release --show-bin-path)/yibao
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for jobs in "${@:-1 8 16}"; do
  for j in $jobs; do
    start=$(date +%s.%N)
    "$bin" run --impl "node Benchmarks/slow-adapter.js" --jobs "$j" --quiet --format json --output "$work/report.json" || true
    end=$(date +%s.%N)
    n=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["results"]))' "$work/report.json")
    python3 - "$n" "$delay" "$j" "$start" "$end" <<'PY'
import sys
n, delay, jobs, start, end = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
wall = end - start
ideal = n * delay / 1000 / jobs
print(f"--jobs {jobs:2d}: {n} vectors in {wall:6.2f} s; ideal {ideal:6.2f} s; {wall / ideal:.2f}x ideal")
PY
  done
done
