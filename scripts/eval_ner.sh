#!/usr/bin/env bash
# Build the NER eval example, tag the five DEV sets and score them with the project's scorer.
#   scripts/eval_ner.sh                 # the embedded model (data/models/ner.model)
#   MODEL=/tmp/x.model scripts/eval_ner.sh   # a model file, without rebuilding
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-/work/shared}
OUTDIR=${OUTDIR:-$(mktemp -d)}
mkdir -p "$OUTDIR"
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target}
cargo build --release --quiet --example ner_eval
BIN="$CARGO_TARGET_DIR/release/examples/ner_eval"
ARGS=()
if [[ -n "${MODEL:-}" ]]; then ARGS=(--model "$MODEL"); fi
printf '%-14s %7s %7s %7s\n' set P R F1
for set in cluener msra peoples_daily resume weibo; do
  gold="$SHARED/eval/ner/$set.dev.jsonl"
  "$BIN" "${ARGS[@]}" < "$gold" > "$OUTDIR/$set.pred.jsonl"
  python3 "$SHARED/tools/score_ner.py" "$gold" "$OUTDIR/$set.pred.jsonl" \
      --types person,organization,place --json > "$OUTDIR/$set.score.json"
  python3 - "$set" "$OUTDIR/$set.score.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[2]))
o = s.get("overall", s)
def g(d, *ks):
    for k in ks:
        if k in d: return d[k]
    return float("nan")
print("%-14s %7.4f %7.4f %7.4f" % (sys.argv[1], g(o, "p", "precision", "P"), g(o, "r", "recall", "R"), g(o, "f1", "F1", "f")))
PY
done
echo "predictions and scores in $OUTDIR" >&2
