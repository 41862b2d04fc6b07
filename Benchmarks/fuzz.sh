#!/usr/bin/env bash
# Benchmark: `yibao fuzz` throughput and memory with a release build.
#   --impl reference            generated and answered by the reference alone, in process (goal >= 200,000 cases/s)
#   --impl "yibao serve"        end to end over real pipes through the supervised runner (goal >= 20,000 cases/s)
# and the clean reference behind serve must give no findings (the default is a million cases).
#   bash Benchmarks/fuzz.sh [CASES]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release --product yibao >/dev/null
bin=$(swift build -c release --show-bin-path)/yibao

measure() {  # measure LABEL IMPL COUNT
  /usr/bin/time -f "%e %M" -o "$work/time" "$bin" fuzz --impl "$2" --seed 1 --count "$3" --format json --output "$work/report.json" || true
  read -r seconds kb < "$work/time"
  findings=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["findings"]))' "$work/report.json")
  printf '%-10s %8d cases: %.2f s, %.0f cases/s, peak RSS %d MB, %s findings\n' \
    "$1" "$3" "$seconds" "$(echo "$3 / $seconds" | bc -l)" $((kb / 1024)) "$findings"
}

measure reference reference $((n * 2))
measure reference reference "$n"
measure serve "$bin serve" "$n"
measure serve "$bin serve" $((n / 10))
