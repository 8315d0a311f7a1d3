#!/usr/bin/env python3
"""Validate the lexicon files in data/lexicon/. Exit status 1 on any error.

Checks: UTF-8 without BOM, LF line endings, no trailing whitespace, '#' comments
only before/among rows, header = first non-comment line, column counts, no empty
fields (except aliases), allowed types/subtypes/kinds/reasons, no duplicate names
in a file, no name/alias mapping to two different entities of the same type
(across all entity files), 1-character CJK aliases forbidden, blocked terms
absent, no overlap between entity surfaces and not_names / latin_common,
no alias that is a common word of the segmenter's dictionary (../words/dict.txt: tagged
other than a name or abbreviation, frequency above COMMON_FREQ), minimum sizes from the spec.
Run: python3 data/lexicon/tools/check.py
"""
import os
import re
import sys
from collections import Counter, defaultdict

LEX = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CJK = re.compile(r'[\u3400-\u9fff]')
LATIN_ONLY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 .&'+\-/]*$")

ENTITY_FILES = {
    'organizations.tsv': ('organization', {'company', 'investor', 'university', 'media', 'government', 'lab', 'exchange', 'ngo', 'other'}),
    'products.tsv': ('product', {'model', 'app', 'platform', 'hardware', 'software', 'service', 'game', 'other'}),
    'places.tsv': ('place', {'country', 'region', 'province', 'city', 'district', 'landmark', 'continent'}),
    'persons.tsv': ('person', {'business', 'politician', 'scientist', 'other'}),
}
ENTITY_HEADER = ['name', 'type', 'subtype', 'aliases', 'source']
SOURCES = {'general', 'wikidata'}
NOT_NAME_REASONS = {'idiom', 'common_noun', 'common_word', 'pronoun', 'kinship', 'title', 'generic_org_word',
                    'generic_place_word', 'verb', 'adjective', 'adverb', 'time_word', 'number_word', 'honorific'}
LATIN_KINDS = {'acronym', 'jargon', 'word', 'technique', 'time', 'level'}
# An alias must not be a common word: one the dictionary (jieba format: word freq tag) lists with
# a frequency above COMMON_FREQ and a tag other than a name's (nr*, ns*, nt*, nz*) or an
# abbreviation's (j: 北大, 政协) would be matched inside ordinary text (美的, 平安, 光明).
# Names themselves are not checked (苹果, 百度 are the entities' own names).
DICT = os.path.join(os.path.dirname(LEX), 'words', 'dict.txt')
COMMON_FREQ = 1000
NAME_TAGS = ('nr', 'ns', 'nt', 'nz', 'j')
# place names the dictionary tags as common nouns (a tagging error there, not a common word)
DICT_MISTAGGED = {'恩施'}
BLOCKED = ['出门问问', 'mobvoi', '李志飞', '魔音工坊', '奇妙文', '言之画', '奇妙元', 'ticwatch', '序列猴子']
MINIMUMS = {
    ('organizations.tsv', 'company'): 400, ('organizations.tsv', 'investor'): 120,
    ('organizations.tsv', 'university'): 120, ('organizations.tsv', 'media'): 100,
    ('organizations.tsv', 'government+exchange'): 60,
    ('products.tsv', '*'): 250, ('persons.tsv', '*'): 250,
    ('places.tsv', 'country'): 190, ('places.tsv', 'city'): 450,
    ('surnames.tsv', 'single'): 300, ('not_names.tsv', '*'): 300, ('latin_common.tsv', 'word'): 300,
}

errors, warnings = [], []


def err(msg):
    errors.append(msg)


def read_rows(fname, header):
    """Yield (lineno, fields) for data rows after checking encoding/format."""
    path = os.path.join(LEX, fname)
    if not os.path.exists(path):
        err(f'{fname}: missing')
        return []
    data = open(path, 'rb').read()
    if data.startswith(b'\xef\xbb\xbf'):
        err(f'{fname}: has a UTF-8 BOM')
    if b'\r' in data:
        err(f'{fname}: contains CR characters (use LF line endings)')
    try:
        text = data.decode('utf-8')
    except UnicodeDecodeError as e:
        err(f'{fname}: not valid UTF-8: {e}')
        return []
    if not text.endswith('\n'):
        err(f'{fname}: no final newline')
    rows, seen_header, has_comment = [], False, False
    for i, line in enumerate(text.split('\n')[:-1], 1):
        if line != line.rstrip():
            err(f'{fname}:{i}: trailing whitespace')
        if line.startswith('#'):
            has_comment = True
            continue
        if not line.strip():
            err(f'{fname}:{i}: empty line')
            continue
        fields = line.split('\t')
        if not seen_header:
            seen_header = True
            if fields != header:
                err(f'{fname}:{i}: header {fields} != {header}')
            continue
        if len(fields) != len(header):
            err(f'{fname}:{i}: {len(fields)} columns, expected {len(header)}: {line!r}')
            continue
        for h, v in zip(header, fields):
            if v != v.strip():
                err(f'{fname}:{i}: field {h} has surrounding spaces')
            if not v and h != 'aliases':
                err(f'{fname}:{i}: empty field {h}')
        low = line.lower()
        for b in BLOCKED:
            if b in low:
                err(f'{fname}:{i}: blocked term {b!r} present')
        rows.append((i, fields))
    if not has_comment:
        err(f'{fname}: no # comment describing the file and its source')
    if not seen_header:
        err(f'{fname}: no header')
    return rows


def common_words():
    """Words of the dictionary that are common words, not names: word -> (freq, tag)."""
    common = {}
    if not os.path.exists(DICT):
        err(f'{DICT}: missing (needed for the common-word alias check)')
        return common
    with open(DICT, encoding='utf-8') as f:
        for line in f:
            parts = line.split()
            if len(parts) < 3 or not parts[1].isdigit():
                continue
            word, freq, tag = parts[0], int(parts[1]), parts[2]
            if freq > COMMON_FREQ and not tag.startswith(NAME_TAGS) and word not in DICT_MISTAGGED:
                common[word] = (freq, tag)
    return common


def check_entities():
    common = common_words()
    surface = defaultdict(dict)  # type -> surface -> (file, line, name)
    all_surfaces = {}
    counts = Counter()
    for fname, (etype, subtypes) in ENTITY_FILES.items():
        names = {}
        for i, (name, typ, sub, aliases, src) in read_rows(fname, ENTITY_HEADER):
            counts[(fname, '*')] += 1
            counts[(fname, sub)] += 1
            if sub in ('government', 'exchange'):
                counts[(fname, 'government+exchange')] += 1
            if typ != etype:
                err(f'{fname}:{i}: type {typ!r}, expected {etype!r}')
            if sub not in subtypes:
                err(f'{fname}:{i}: subtype {sub!r} not in {sorted(subtypes)}')
            if src not in SOURCES:
                err(f'{fname}:{i}: source {src!r} not in {sorted(SOURCES)}')
            if name in names:
                err(f'{fname}:{i}: duplicate name {name!r} (first on line {names[name]})')
            names[name] = i
            alist = aliases.split('|') if aliases else []
            if len(alist) != len(set(alist)):
                err(f'{fname}:{i}: repeated alias in {aliases!r}')
            for s in [name] + alist:
                if not s:
                    err(f'{fname}:{i}: empty alias in {aliases!r}')
                    continue
                if s != s.strip() or '\t' in s:
                    err(f'{fname}:{i}: bad spacing in {s!r}')
                if CJK.search(s) and len(s) < 2:
                    err(f'{fname}:{i}: 1-character CJK name/alias {s!r}')
                if not CJK.search(s) and len(s) < 2:
                    err(f'{fname}:{i}: 1-character name/alias {s!r}')
                if s in alist and s == name:
                    err(f'{fname}:{i}: alias equals name {s!r}')
                if s != name and s in common:
                    err(f'{fname}:{i}: alias {s!r} of {name!r} is a common word (dict.txt: freq {common[s][0]}, tag {common[s][1]})')
                prev = surface[typ].get(s)
                if prev and prev[2] != name:
                    err(f'{fname}:{i}: {s!r} maps to {name!r} but also to {prev[2]!r} ({prev[0]}:{prev[1]}), same type {typ}')
                elif not prev:
                    surface[typ][s] = (fname, i, name)
                all_surfaces.setdefault(s, (fname, i, name))
    return all_surfaces, counts


def check_surnames(counts):
    seen = {}
    for i, (s, rank) in read_rows('surnames.tsv', ['surname', 'rank']):
        if not rank.isdigit() or int(rank) < 1:
            err(f'surnames.tsv:{i}: rank {rank!r} not a positive integer')
        if not all(CJK.match(c) for c in s) or not 1 <= len(s) <= 2:
            err(f'surnames.tsv:{i}: {s!r} is not a 1-2 character Chinese surname')
        if s in seen:
            err(f'surnames.tsv:{i}: duplicate surname {s!r} (line {seen[s]})')
        seen[s] = i
        counts[('surnames.tsv', 'single' if len(s) == 1 else 'compound')] += 1


def check_not_names(all_surfaces, counts):
    seen = {}
    for i, (w, reason) in read_rows('not_names.tsv', ['word', 'reason']):
        counts[('not_names.tsv', '*')] += 1
        if reason not in NOT_NAME_REASONS:
            err(f'not_names.tsv:{i}: reason {reason!r} not in {sorted(NOT_NAME_REASONS)}')
        if not CJK.search(w):
            err(f'not_names.tsv:{i}: {w!r} has no Chinese characters')
        if w in seen:
            err(f'not_names.tsv:{i}: duplicate {w!r} (line {seen[w]})')
        seen[w] = i
        if w in all_surfaces:
            f, l, n = all_surfaces[w]
            err(f'not_names.tsv:{i}: {w!r} is also a name/alias of {n!r} ({f}:{l})')


def check_latin(all_surfaces, counts):
    seen = {}
    lower_surfaces = {}
    for s, v in all_surfaces.items():
        if not CJK.search(s):
            lower_surfaces.setdefault(s.lower(), v)
    for i, (w, kind) in read_rows('latin_common.tsv', ['word', 'kind']):
        counts[('latin_common.tsv', kind)] += 1
        if kind not in LATIN_KINDS:
            err(f'latin_common.tsv:{i}: kind {kind!r} not in {sorted(LATIN_KINDS)}')
        if CJK.search(w) or not LATIN_ONLY.match(w):
            err(f'latin_common.tsv:{i}: {w!r} is not a Latin-script token')
        if kind == 'word' and w != w.lower():
            err(f'latin_common.tsv:{i}: common word {w!r} should be lowercase')
        k = w.lower()
        if k in seen:
            err(f'latin_common.tsv:{i}: duplicate {w!r} (case-insensitive; line {seen[k]})')
        seen[k] = i
        if k in lower_surfaces:
            f, l, n = lower_surfaces[k]
            err(f'latin_common.tsv:{i}: {w!r} is also a name/alias of {n!r} ({f}:{l}) (case-insensitive)')


def main():
    all_surfaces, counts = check_entities()
    check_surnames(counts)
    check_not_names(all_surfaces, counts)
    check_latin(all_surfaces, counts)
    for key, minimum in MINIMUMS.items():
        if counts[key] < minimum:
            warnings.append(f'{key[0]} [{key[1]}]: {counts[key]} < {minimum} expected')
    for fname in list(ENTITY_FILES) + ['surnames.tsv', 'not_names.tsv', 'latin_common.tsv']:
        parts = sorted((k[1], v) for k, v in counts.items() if k[0] == fname and k[1] not in ('*', 'government+exchange'))
        total = sum(v for k, v in counts.items() if k[0] == fname and k[1] not in ('*', 'government+exchange')) or counts[(fname, '*')]
        print(f'{fname}: {total} rows' + (': ' + ', '.join(f'{s}={n}' for s, n in parts) if parts else ''))
    for w in warnings:
        print('WARNING:', w)
    for e in errors:
        print('ERROR:', e)
    print(f'{len(errors)} error(s), {len(warnings)} warning(s)')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
