#!/usr/bin/env bash
# Corpus benchmark (issue 7): builds a varied JSON-lines corpus of MB megabytes (default 100),
# then reports per-stage chars/s on one core, end-to-end chars/s with 1 and 2 threads, the
# speed-up, and peak memory (GNU time's maximum resident set size).
# usage: [BENCH_THREADS="1 2"] scripts/bench_corpus.sh [MB] [SHARED_DIR]
# (BENCH_THREADS=2 with MB=1000: the peak memory of a 1 GB corpus alone; the binary is taken from
# $CARGO_TARGET_DIR when it is set)
set -euo pipefail
cd "$(dirname "$0")/.."
mb="${1:-100}"
shared="${2:-../shared}"
tmp="${TMPDIR:-/tmp}/shiji-bench"
bin="${CARGO_TARGET_DIR:-target}/release"
threads="${BENCH_THREADS:-1 2}"
mkdir -p "$tmp"
cargo build --release --quiet --example bench_stages
cargo build --release --quiet
corpus="$tmp/corpus-$mb.jsonl"
[ -s "$corpus" ] || python3 scripts/make_corpus.py "$corpus" "$mb" "$shared"
chars=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["text"]) for l in open(sys.argv[1])))' "$corpus")
echo "corpus: $corpus, $chars chars"
if [ "$threads" = "1 2" ]; then
  echo "== stages, one core (first 2000 documents)"
  "$bin/examples/bench_stages" "$corpus" 2000
fi
for th in $threads; do
  /usr/bin/time -f "%e %M" -o "$tmp/time-$th" "$bin/shiji" build "$corpus" --threads "$th" --out "$tmp/out-$th" 2>/dev/null
  read -r secs kb < "$tmp/time-$th"
  python3 -c "import sys; s=float(sys.argv[1]); print(f'== end to end, {sys.argv[3]} thread(s): {s:.1f} s, {int(sys.argv[2])/s/1e6:.2f} M chars/s, peak RSS {int(sys.argv[4])/1024:.0f} MB')" "$secs" "$chars" "$th" "$kb"
done
[ "$threads" = "1 2" ] || exit 0
python3 -c "import sys; a=float(open(sys.argv[1]).read().split()[0]); b=float(open(sys.argv[2]).read().split()[0]); print(f'== speed-up 1 -> 2 threads: {a/b:.2f}x')" "$tmp/time-1" "$tmp/time-2"
# --threads 1 extracts on one worker, but reading and merging run beside it on another core
# (about 1.08 cores in all); pinned to one core, the run shows what a single core does
if command -v taskset > /dev/null; then
  /usr/bin/time -f "%e %M" -o "$tmp/time-pinned" taskset -c 0 "$bin/shiji" build "$corpus" --threads 1 --out "$tmp/out-pinned" 2>/dev/null
  python3 -c "import sys; a=float(open(sys.argv[1]).read().split()[0]); b=float(open(sys.argv[2]).read().split()[0]); print(f'== end to end, 1 thread pinned to one core: {a:.1f} s, {int(sys.argv[3])/a/1e6:.2f} M chars/s; speed-up one core -> 2 threads: {a/b:.2f}x')" "$tmp/time-pinned" "$tmp/time-2" "$chars"
fi
one="$tmp/one.jsonl"; head -n 1 "$corpus" > "$one"
/usr/bin/time -f "%M" -o "$tmp/time-one" "$bin/shiji" build data/articles --out "$tmp/out-one" 2>/dev/null
echo "== peak RSS, one article: $(( $(cat "$tmp/time-one") / 1024 )) MB"
