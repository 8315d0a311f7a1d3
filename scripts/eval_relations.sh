#!/usr/bin/env bash
# Relation precision and recall (founder_of, investor_in, headquartered_in/located_in, leader_of)
# on DuIE and FinRE dev, with scripts/score_relations.py (../shared/tools has no relation scorer).
# usage: scripts/eval_relations.sh [SHARED_DIR] [--show N]   (default ../shared)
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${1:-../shared}"
shift || true
cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release/shiji"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for set in duie finre; do
  gold="$shared/eval/re/$set.dev.jsonl"
  python3 -c 'import json,sys
for l in open(sys.argv[1], encoding="utf-8"):
    r=json.loads(l); print(json.dumps({"id":r["id"],"text":r["text"]},ensure_ascii=False))' "$gold" \
    | "$bin" extract --skip-bad > "$tmp/$set.jsonl"
  printf '%s\t' "$set"
  python3 scripts/score_relations.py "$gold" "$tmp/$set.jsonl" "$@"
done
