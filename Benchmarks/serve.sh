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
  python3 - "$1/bench.yaml" "$2" <<'PY'
import sys
path, n = sys.argv[1], int(sys.argv[2])
def month(i): return f"{2020 + i // 12:04d}-{i % 12 + 1:02d}"
with open(path, "w") as f:
    f.write("operation: employee.interruption\nclauses: [LU-2021-54/2a]\nvectors:\n")
    for k in range(n):
        b = k % 36
        u, l, s, r, e = month(b + 28), month(b + 31), month(b + 32), month(b + 33), month(b + 29)
        f.write(f"  - id: bench-{k:06d}\n    title: 中断缴费\n    why: {u} 欠费 → {e} 暂停\n"
                f"    input: {{category: employer, firstUnpaidMonth: {u}, lastUnpaidMonth: {l}, settledMonth: {s}}}\n"
                f"    expected: {{suspendedFrom: {e}, restoredFrom: {r}}}\n")
PY
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
