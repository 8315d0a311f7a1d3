#!/usr/bin/env python3
"""Build ../latin_common.tsv from latin_common_src.txt ('@kind' headers; one token per
line, except under @word where tokens are whitespace-separated). Duplicates are
removed case-insensitively (the tool matches these tokens case-insensitively)."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
# Tokens that are also entity aliases when upper-cased (e.g. 'US' = 美国) are skipped here.
SKIP = {'us'}
rows, seen, kind = [], set(), None
for line in open(os.path.join(HERE, 'latin_common_src.txt'), encoding='utf-8'):
    line = line.strip()
    if not line or line.startswith('#'):
        continue
    if line.startswith('@'):
        kind = line[1:]
        continue
    toks = line.split() if kind == 'word' else [line]
    for t in toks:
        k = t.lower()
        if k in seen or k in SKIP:
            continue
        seen.add(k)
        rows.append((t, kind))
with open(os.path.join(os.path.dirname(HERE), 'latin_common.tsv'), 'w', encoding='utf-8', newline='\n') as f:
    f.write('# latin_common: Latin-script tokens frequent in Chinese tech/business news that are NOT entity names:\n'
            '# acronyms, jargon, ML technique names, and common English words (lowercase; match case-insensitively).\n'
            '# source: compiled by hand from general knowledge (common-English-word frequency lists, tech news usage).\n')
    f.write('word\tkind\n')
    for t, k in rows:
        f.write(f'{t}\t{k}\n')
print(len(rows), 'tokens')
