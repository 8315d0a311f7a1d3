#!/usr/bin/env python3
"""Build ../not_names.tsv from not_names_src.txt ('@reason' headers, then words)."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
rows, seen, reason = [], set(), None
for line in open(os.path.join(HERE, 'not_names_src.txt'), encoding='utf-8'):
    line = line.strip()
    if not line or line.startswith('#'):
        continue
    if line.startswith('@'):
        reason = line[1:]
        continue
    for w in line.split():
        if w not in seen:
            seen.add(w)
            rows.append((w, reason))
with open(os.path.join(os.path.dirname(HERE), 'not_names.tsv'), 'w', encoding='utf-8', newline='\n') as f:
    f.write('# not_names: Chinese words that a POS tagger (e.g. jieba nr/ns/nt) or a surname+given-name rule may\n'
            '# wrongly read as person/place/organization names; they must never become entities by themselves.\n'
            '# source: compiled by hand from general knowledge of Chinese usage in news text.\n')
    f.write('word\treason\n')
    for w, r in rows:
        f.write(f'{w}\t{r}\n')
print(len(rows), 'words')
