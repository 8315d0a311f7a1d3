#!/usr/bin/env bash
# The Apache Spark recipe (run by .ci/run only when SHIJI_SPARK=1): a JSON-lines corpus piped
# through `shiji extract` by PySpark's RDD.pipe() in local mode, then `shiji merge`, gives
# byte-identical files to one `shiji build` over the same corpus.
# Needs: a Java runtime (apt: openjdk-17-jre-headless) and pyspark (pip, in .venv-spark).
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v java >/dev/null || { apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless >/dev/null; }
[ -x .venv-spark/bin/python ] || python3 -m venv .venv-spark
.venv-spark/bin/pip install -q -r tests/spark/requirements.txt
cargo build --release --locked --quiet
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
corpus="$tmp/corpus.jsonl"
python3 - "$corpus" tests/data/corpus/*.txt data/articles/*.txt <<'PY'
import json, pathlib, sys
with open(sys.argv[1], "w", encoding="utf-8") as w:
    for p in sys.argv[2:]:
        p = pathlib.Path(p)
        w.write(json.dumps({"id": p.stem, "text": p.read_text(encoding="utf-8")}, ensure_ascii=False) + "\n")
PY
.venv-spark/bin/python tests/spark/pipe_extract.py "$PWD/target/release/shiji" "$corpus" "$tmp/extracts.jsonl"
target/release/shiji merge "$tmp/extracts.jsonl" --out "$tmp/merged"
target/release/shiji build "$corpus" --out "$tmp/built"
for f in graph.json graph.dot timeline.json timeline.md; do
  cmp "$tmp/merged/$f" "$tmp/built/$f" || { echo "spark: $f differs from build"; exit 1; }
done
echo "spark: 1 passed, 0 failed"
