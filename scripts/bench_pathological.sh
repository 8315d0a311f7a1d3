#!/usr/bin/env bash
# Pathological inputs: times `shiji build` on sizes N and 2N of each shape and prints the ratio of
# CPU times (about 2 when the work is linear in the size, about 4 when quadratic).
#   shapes: noline  - an article repeated to N bytes with every line break removed
#           nopunct - Chinese text with no punctuation and no line break (one endless sentence)
#           lines   - N one-character lines
# Usage: [SHAPES="noline lines"] scripts/bench_pathological.sh [MB] [LINES]
#   (defaults: all shapes, 20 MB, 1000000 lines). Memory grows with the evidence: every mention
#   carries its sentence, so nopunct at 2 x 20 MB needs several GB.
# Uses target/release/shiji (or $SHIJI); build it first: cargo build --release
set -euo pipefail
cd "$(dirname "$0")/.."
MB="${1:-20}"
LINES="${2:-1000000}"
BIN="${SHIJI:-${CARGO_TARGET_DIR:-target}/release/shiji}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

gen() { # shape size path
  python3 - "$1" "$2" "$3" <<'PY'
import sys
shape, size, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
if shape == "lines":
    chars = "字北京a1。，"
    data = "".join(chars[i % len(chars)] + "\n" for i in range(size)).encode()
else:
    if shape == "noline":
        unit = open("data/articles/mobvoi-li-zhifei-interview-2023-04-23.txt", encoding="utf-8").read()
        # the body (the header lines are page chrome), every line break removed
        unit = "".join(unit.replace("\r", "").split("\n")[8:])
    else:
        unit = "李志飞在北京创立了出门问问公司并在二零二零年进行了调整训练出了一个六十亿参数的模型"
    u = unit.encode()
    data = (u * (size // len(u) + 1))[:size]
    data = data.decode("utf-8", "ignore").encode()
open(path, "wb").write(data)
PY
}

run() { # input → "cpu_seconds wall_seconds" (CPU: user + sys, which a loaded machine skews less)
  local t
  t=$( { TIMEFORMAT='%U %S %R'; time "$BIN" build "$1" --out "$WORK/out" --published 2023-04-23 \
    >/dev/null 2>"$WORK/err"; } 2>&1 ) || {
    cat "$WORK/err" >&2
    return 1
  }
  python3 -c "u, s, r = map(float, '$t'.split()); print(f'{u + s:.2f} {r:.2f}')"
}

printf '%-8s %10s %9s %9s %10s %9s %9s %9s\n' shape N cpu_s wall_s 2N cpu_s wall_s cpu_ratio
for shape in ${SHAPES:-noline nopunct lines}; do
  if [ "$shape" = lines ]; then n=$LINES; else n=$((MB * 1024 * 1024)); fi
  gen "$shape" "$n" "$WORK/a.txt"
  gen "$shape" "$((2 * n))" "$WORK/b.txt"
  read -r c1 w1 < <(run "$WORK/a.txt")
  read -r c2 w2 < <(run "$WORK/b.txt")
  ratio=$(python3 -c "print(f'{$c2 / max($c1, 0.01):.2f}')")
  printf '%-8s %10s %9s %9s %10s %9s %9s %9s\n' "$shape" "$n" "$c1" "$w1" "$((2 * n))" "$c2" "$w2" "$ratio"
  rm -f "$WORK/a.txt" "$WORK/b.txt"
done
