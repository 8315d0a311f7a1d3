#!/bin/sh
# Time TimeTagger::tag over >= 10 MB of news text (the shared corpus and data/articles, repeated
# with varying order so that it is not one string over and over) on one core; prints chars/second.
set -e
cd "$(dirname "$0")/.."
TARGET="${CARGO_TARGET_DIR:-target}"
corpus="$TARGET/time_bench_corpus.txt"
: > "$corpus"
i=0
while [ "$(wc -c < "$corpus")" -lt 10500000 ]; do
    for f in $(ls /work/shared/corpus/*.txt data/articles/* | sort -R 2>/dev/null || ls /work/shared/corpus/*.txt data/articles/*); do
        cat "$f" >> "$corpus"
        printf '\n\n\n' >> "$corpus"
    done
    i=$((i + 1))
done
echo "corpus: $(wc -c < "$corpus") bytes"
cargo build --release --example time_bench -q
taskset -c 0 "$TARGET/release/examples/time_bench" "$corpus" 2>/dev/null || "$TARGET/release/examples/time_bench" "$corpus"
