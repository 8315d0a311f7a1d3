#!/usr/bin/env python3
"""Entity errors by rule: for one NER dev set, counts true and false positives per rule of
`shiji entities` (person/organization/place, exact span and type, as score_ner.py scores
them) and lists examples, so a rule that costs more than it gives is visible.
usage: scripts/entity_errors.py GOLD.jsonl PRED.jsonl [--show N] [--rule RULE]"""
import argparse, collections, json

TYPES = {"person", "organization", "place"}
MAP = {"per": "person", "org": "organization", "loc": "place", "gpe": "place", "company": "organization",
       "government": "organization", "address": "place", "scene": "place", "name": "person"}

def norm(t):
    t = t.lower()
    return MAP.get(t, t)

ap = argparse.ArgumentParser()
ap.add_argument("gold"); ap.add_argument("pred")
ap.add_argument("--show", type=int, default=8)
ap.add_argument("--rule")
a = ap.parse_args()
gold, texts = {}, {}
for line in open(a.gold, encoding="utf-8"):
    r = json.loads(line)
    texts[r["id"]] = r["text"]
    gold[r["id"]] = {(e["start"], e["end"], norm(e["type"])) for e in r["entities"] if norm(e["type"]) in TYPES}
tp, fp, ex = collections.Counter(), collections.Counter(), collections.defaultdict(list)
found = collections.defaultdict(set)
for line in open(a.pred, encoding="utf-8"):
    r = json.loads(line)
    g = gold.get(r["id"], set())
    seen = set()
    for e in r["entities"]:
        k = (e["start"], e["end"], norm(e["type"]))
        if k[2] not in TYPES or k in seen:
            continue
        seen.add(k)
        rule = e.get("rule", "?")
        if k in g:
            tp[rule] += 1; found[r["id"]].add(k)
        else:
            fp[rule] += 1
            spans = {(s, t) for s, t, _ in g}
            why = "type" if (k[0], k[1]) in spans else "span"
            ex[rule].append(f'{why}: {e["text"]}/{k[2]}  «{texts[r["id"]][max(0,k[0]-8):k[1]+8]}»')
print(f"{'rule':28} {'TP':>5} {'FP':>5}")
for rule in sorted(set(tp) | set(fp), key=lambda x: -(tp[x] + fp[x])):
    print(f"{rule:28} {tp[rule]:5} {fp[rule]:5}")
for rule in sorted(ex):
    if a.rule and rule != a.rule:
        continue
    print(f"\n== {rule}: false positives")
    for line in ex[rule][: a.show]:
        print("  ", line)
miss = collections.Counter()
mex = []
for rid, g in gold.items():
    for k in g - found[rid]:
        miss[k[2]] += 1
        mex.append(f'{texts[rid][k[0]:k[1]]}/{k[2]}  «{texts[rid][max(0,k[0]-8):k[1]+8]}»')
print("\nmisses by type:", dict(miss))
for line in mex[: a.show]:
    print("  ", line)
