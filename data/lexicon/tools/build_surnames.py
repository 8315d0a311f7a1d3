#!/usr/bin/env python3
"""Build ../surnames.tsv from surnames_src.txt (single-character surnames in
approximate order of frequency in mainland China, most common first) plus the
compound surnames below. Traditional forms share the rank of the simplified
form; OpenCC s2t is used with exceptions for surnames that keep their form."""
import os
from opencc import OpenCC

HERE = os.path.dirname(os.path.abspath(__file__))
KEEP = set('余于范岳涂游党郁干栗')  # surname characters written the same in traditional script
DROP = set('上候')  # not surnames on their own (上 comes from 上官)
COMPOUND = ('欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 端木 独孤 南宫 '
            '西门 万俟 闻人 呼延 澹台 公冶 太史 申屠 赫连 拓跋 钟离 宗政 濮阳 淳于 单于 东郭 百里 '
            '第五 司空 左丘 梁丘 公羊 仲孙 叱干 乐正 谷梁 羊舌 微生 段干 巫马 鲜于').split()

cc = OpenCC('s2t').convert
singles = []
for c in open(os.path.join(HERE, 'surnames_src.txt'), encoding='utf-8').read().strip():
    if c not in singles and c not in DROP:
        singles.append(c)
rows, seen = [], set()


def add(s, rank):
    if s not in seen:
        seen.add(s)
        rows.append((s, rank))


for i, c in enumerate(singles, 1):
    add(c, i)
    if c not in KEEP and cc(c) != c:
        add(cc(c), i)
for j, s in enumerate(COMPOUND, len(singles) + 1):
    add(s, j)
    t = cc(s)
    if t != s and s[0] not in KEEP:
        add(t, j)
with open(os.path.join(os.path.dirname(HERE), 'surnames.tsv'), 'w', encoding='utf-8', newline='\n') as f:
    f.write('# surnames: common Chinese single-character surnames ranked by approximate frequency (1 = most common),\n'
            '# then compound surnames; traditional-script forms share the rank of their simplified form.\n'
            '# source: compiled by hand from general knowledge of published surname frequency rankings '
            '(e.g. the Ministry of Public Security household-registration statistics); traditional forms via OpenCC s2t.\n')
    f.write('surname\trank\n')
    for s, r in rows:
        f.write(f'{s}\t{r}\n')
print(len(singles), 'single,', len(COMPOUND), 'compound,', len(rows), 'rows')
