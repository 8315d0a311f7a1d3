#!/usr/bin/env bash
# Entity F1 (person, organization, place; exact span) of the whole entity stage (`shiji
# entities`: lexicons, patterns, statistical tagger, jieba) on the five NER dev sets, with the
# project's scorer. usage: scripts/eval_entities.sh [SHARED_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${1:-../shared}"
cargo build --release --quiet
tmp=$(mktemp -d)
printf '%-14s %7s %7s %7s\n' set P R F1
for set in cluener msra peoples_daily resume weibo; do
  gold="$shared/eval/ner/$set.dev.jsonl"
  "${CARGO_TARGET_DIR:-target}/release/shiji" entities < "$gold" > "$tmp/$set.jsonl"
  python3 "$shared/tools/score_ner.py" "$gold" "$tmp/$set.jsonl" --types person,organization,place --json \
    | python3 -c 'import json,sys; s=json.load(sys.stdin); o=s.get("overall", s); print("%-14s %7.4f %7.4f %7.4f" % (sys.argv[1], o["p"], o["r"], o["f1"]))' "$set"
done
rm -rf "$tmp"
