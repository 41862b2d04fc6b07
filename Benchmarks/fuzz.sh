#!/usr/bin/env bash
# Benchmark: `yibao fuzz` throughput and memory with a release build.
#   --impl reference            generated and answered by the reference alone, in process (goal >= 200,000 cases/s)
#   --impl "yibao serve"        end to end over real pipes through the supervised runner (goal >= 20,000 cases/s)
# and the clean reference behind serve must give no findings (the default is a million cases).
#   bash Benchmarks/fuzz.sh [CASES]
# Figures are only meaningful beside the machine's load, which the script prints first; user CPU seconds are printed
# too (cases per CPU-second do not depend on what else runs).
#
# Recorded 2026-12-01 on the shared 2-core build machine (release build, seed 1):
#   reference, 1,000,000 cases: 19.2 s, 52,128 cases/s at load average 5.2; 400,000 cases: 9.7 s wall, 6.0 s user
#     (67,000 cases per CPU-second, both the generator's and the implementation's answer by the reference),
#     peak RSS 40 MB at 400,000 and 41 MB at 1,000,000 (flat); before the interval counting and table lookups of
#     issue 15: 6,609 cases/s under load.
#   serve, 1,000,000 cases (the million-case clean run): 254 s, 3,937 cases/s at load average 5.5 .. 8.2, 0 findings,
#     runner peak RSS 51 MB.
#   Again 2026-12-01, after a block's results were kept in memory instead of spooled and parsed back
#   (ResultLog(spooled: false)), release build, seed 1, 0 findings each:
#     serve, 100,000 cases: 6.11 s -> 2.03 s (49,261 cases/s, 1.72 s user CPU) at load average 4.5;
#       5.02 s (19,920 cases/s) a minute later at load average 4.7-7.6
#     serve, 1,000,000 cases: 53.7 s (18,611 cases/s) at load average 4.7-7.6, 26.7 s user CPU (37,500 cases per
#       CPU-second of the fuzzing process), peak RSS 62 MB (57 MB at 100,000: flat)
#   At 09:49 UTC, the machine quiet (load average 0.7), main a3055ef: serve, 100,000 cases: 2.19 s (45,662 cases/s);
#     1,000,000 cases: 23.0 s (43,459 cases/s), 24.1 s user CPU, peak RSS 58 MB, 0 findings
#   At 11:17 UTC, quiet (load average 0.5), release build, seed 1, reference, 1,000,000 cases, 0 findings:
#     7.62 s (131,234 cases/s, 13.3 s user, 41 MB) at 33a3665, the reference evaluated twice per case and a block
#     of 20,000 cases made, then judged, then counted on one core;
#     6.62 s (151,057 cases/s, 11.8 s user, 25 MB) with each core making, judging and counting its own cases;
#     4.34 s and 4.25 s (230,415 and 235,294 cases/s, 7.7 and 8.3 s user, 25 MB) with the reference's one answer
#     used as both sides (`FuzzTarget.reference`): the 200,000 goal is met. An in-process implementation other than
#     the reference (the planted bugs of the tests) is still evaluated as well, as at 6.62 s.
#   2026-12-07 20:12 UTC, a freshly booted quiet 2-core machine (load average 0.9-1.0), main cc8f479 (the generator
#   of ff1ab3e), release build, seed 1, 0 findings each:
#     reference, 2,000,000 cases: 5.57 s (359,066 cases/s, 10.2 s user, 24 MB); 1,000,000: 2.29 s (436,681 cases/s)
#     serve, 1,000,000 cases: 21.43 s (46,664 cases/s, 22.4 s user, peak RSS 61 MB); 100,000: 2.65 s (37,736/s, 60 MB)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release --product yibao >/dev/null
bin=$(swift build -c release --show-bin-path)/yibao

uptime
measure() {  # measure LABEL IMPL COUNT
  /usr/bin/time -f "%e %M %U" -o "$work/time" "$bin" fuzz --impl "$2" --seed 1 --count "$3" --format json --output "$work/report.json" || true
  read -r seconds kb user < "$work/time"
  findings=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["findings"]))' "$work/report.json")
  printf '%-10s %8d cases: %.2f s, %.0f cases/s, %.2f s user CPU, peak RSS %d MB, %s findings\n' \
    "$1" "$3" "$seconds" "$(echo "$3 / $seconds" | bc -l)" "$user" $((kb / 1024)) "$findings"
}

measure reference reference $((n * 2))
measure reference reference "$n"
measure serve "$bin serve" "$n"
measure serve "$bin serve" $((n / 10))
