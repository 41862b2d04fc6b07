#!/usr/bin/env bash
# Benchmark: `yibao run --jobs N` against an adapter that answers one request at a time in DELAY ms (default 50),
# over the whole suite. Prints each run's wall time beside the ideal (vectors × delay ÷ N) and their ratio; the
# goal (issue 13) is within 1.3× of the ideal for --jobs 8 and 16, also on a 2-core machine. Release build.
#   bash Benchmarks/jobs.sh [JOBS...]        (default: 1 8 16)
# The wall time includes checking the suite and starting N Node processes; on a machine busy with other work the
# processes start late and each 50 ms timer fires late, so compare with `uptime`'s load average.
#
# Recorded 2026-12-01 11:20-11:24 UTC, quiet 2-core machine (load average 0.8-2.0), release build, 772 vectors, 50 ms:
#   every process spawned at once:       --jobs 16 3.39, 3.53, 3.55 s (1.41-1.47x); --jobs 8 5.40 s (1.12x)
#   a trace showed each of the 16 Node processes answering its hello 1.2-1.3 s after it was spawned, all together;
#   starts staggered (StartGate: at most cores starting, one more every 0.1 s):
#                                        --jobs 16 3.20, 3.15, 3.31 s (1.30-1.37x); --jobs 8 5.22 s (1.08x)
#   with at most 2 vectors in flight per process instead of 4: 3.32, 3.28, 3.19 s (no better; kept at 4).
#   A floor on this machine: 16 Node starts cost 0.11 CPU-s each, so even two at a time back to back the processes
#   are ready 0.12 ... 0.99 s in (0.56 s on average), and 2.41 + 0.56 s = 2.97 s (1.23x) before yibao's own start.
# Recorded 2026-12-07 20:07-20:12 UTC, main cc8f479, a freshly booted quiet 2-core machine (load average 0.2-1.5),
# release build, 50 ms, ten runs each:
#   772 vectors (the suite):  --jobs 16 2.89-3.04 s (1.20-1.26x, median 1.25x); --jobs 8 5.15 s (1.07x)
#   661 vectors (the suite without LU-2021-54/02 and LU-2020-47/03, near the issue's 663; ideal 2.07 s):
#                             --jobs 16 2.58-2.73 s (1.25-1.32x, median 1.29x)
#   Where the time above the ideal goes (a traced run of the 661, each Node process logging its times): yibao spawns
#   its first process 55 ms after it starts; the processes answer their hellos 0.48-0.62 s in on average (Node
#   takes 70-120 ms to start alone, 110-140 ms two at a time on 2 cores); each then answers every 51 ms, not 50
#   (Node's timer); all sixteen answer their last vector within 45 ms of each other; the report is written 35 ms
#   after the last goodbye. At most 3 starting at once, or the interval at 0.2 s or 1 s, was no better.
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
