#!/usr/bin/env bash
# Speed of the NER tagger on one core over a few MB of news text (corpus + demo articles,
# repeated). MODEL=path to time a model file instead of the embedded one; MB=size.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target}
cargo build --release --quiet --example bench_ner
ARGS=(--mb "${MB:-4}")
if [[ -n "${MODEL:-}" ]]; then ARGS+=(--model "$MODEL"); fi
FILES=(${SHARED:-/work/shared}/corpus/*.txt)
if compgen -G "data/articles/*.txt" > /dev/null; then FILES+=(data/articles/*.txt); fi
taskset -c 0 "$CARGO_TARGET_DIR/release/examples/bench_ner" "${ARGS[@]}" "${FILES[@]}"
