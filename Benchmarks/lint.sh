#!/usr/bin/env bash
# Benchmark: `yibao lint` over a 50,000-vector (~12 MB) file against libyaml's bare event parse of the same file,
# measured side by side in one run (best of 7 each). Release build. Prints the ratio.
#   bash Benchmarks/lint.sh [VECTORS]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-50000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release --product yibao >/dev/null
bin=$(swift build -c release --show-bin-path)/yibao
cc -O2 Benchmarks/bare-parse.c -lyaml -o "$work/bare-parse"

mkdir -p "$work/suite"
cp -r vectors/catalog "$work/suite/catalog"
python3 Benchmarks/gen-corpus.py "$work/suite" --vectors "$n" --compact >/dev/null
size=$(du -m "$work/suite/vectors-001.yaml" | cut -f1)
echo "corpus: $n vectors, ${size} MB"

best() {  # best wall time of 7 runs, in seconds
  local best=999
  for _ in 1 2 3 4 5 6 7; do
    local s e t
    s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc -l)
    best=$(echo "if ($t < $best) $t else $best" | bc -l)
  done
  echo "$best"
}
bare=$(best "$work/bare-parse" "$work/suite/vectors-001.yaml")
lint=$(best "$bin" lint --vectors "$work/suite")
printf 'libyaml bare event parse: %.3f s\n' "$bare"
printf 'yibao lint:               %.3f s\n' "$lint"
printf 'ratio lint / bare:        %.2f\n' "$(echo "$lint / $bare" | bc -l)"

# The hostile inputs of the same size class: each must end in seconds, with a located error, in bounded memory.
rss() {  # rss LABEL CMD...: wall time and peak memory of one run (exit status ignored)
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/rss" "$@" >/dev/null 2>"$work/err" || true
  read -r s kb < <(tail -n 1 "$work/rss")
  printf '%-28s %5.2f s, peak %4d MB  %s\n' "$label" "$s" $((kb / 1024)) "$(head -c 110 "$work/err" | head -1)"
}
rss "lint, 50,000 vectors:" "$bin" lint --vectors "$work/suite"
mkdir -p "$work/deep/catalog" "$work/bomb/catalog"
cp -r vectors/catalog/. "$work/deep/catalog/"; cp -r vectors/catalog/. "$work/bomb/catalog/"
python3 -c "print('[' * 100000 + ']' * 100000)" > "$work/deep/deep.yaml"
cp Tests/YibaoYAMLTests/Fixtures/yaml/alias-bomb.yaml "$work/bomb/bomb.yaml"
rss "lint, 100,000-deep nesting:" "$bin" lint --vectors "$work/deep"
rss "lint, 9-level alias bomb:" "$bin" lint --vectors "$work/bomb"
