#!/usr/bin/env python3
"""Builds a varied JSON-lines news corpus of at least N megabytes for the benchmarks.

Each document is a fresh mix of paragraphs drawn (seeded, reproducible) from the bundled article
and the articles in ../shared/corpus, so no document is one article repeated.
usage: make_corpus.py OUT.jsonl [MEGABYTES=100] [SHARED=../shared]
"""
import json
import pathlib
import random
import sys

out = pathlib.Path(sys.argv[1])
target = int(sys.argv[2] if len(sys.argv) > 2 else 100) * 1024 * 1024
shared = pathlib.Path(sys.argv[3] if len(sys.argv) > 3 else "../shared")
root = pathlib.Path(__file__).resolve().parents[1]
files = sorted((root / "data" / "articles").glob("*.txt")) + sorted((shared / "corpus").glob("*.txt"))
paragraphs = []
for f in files:
    for p in f.read_text(encoding="utf-8").split("\n"):
        p = p.strip()
        if len(p) >= 20 and not p.startswith(("---", "<", "http")):
            paragraphs.append(p)
rng = random.Random(20231)
size = 0
n = 0
with out.open("w", encoding="utf-8") as w:
    while size < target:
        k = rng.randint(15, 40)
        text = "\n\n".join(rng.choice(paragraphs) for _ in range(k))
        year = rng.randint(2010, 2024)
        line = json.dumps({"id": f"bench-{n:06d}", "published": f"{year}-{rng.randint(1,12):02d}-{rng.randint(1,28):02d}", "text": text}, ensure_ascii=False)
        w.write(line + "\n")
        size += len(line.encode("utf-8")) + 1
        n += 1
print(f"{out}: {n} documents, {size / 1e6:.1f} MB from {len(paragraphs)} paragraphs of {len(files)} articles")
