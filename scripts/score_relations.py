#!/usr/bin/env python3
"""Score shiji's entity relations against DuIE / FinRE style files (../shared/eval/re/*.jsonl).

usage: score_relations.py GOLD.jsonl EXTRACT.jsonl [--show N]
EXTRACT: the output of `shiji extract` on the gold records ({"id", "text"} lines in).

The gold labels are mapped to the project's (see ../shared/eval/DATASETS.md); our labels are grouped
into the gold's:
  founder_of                      <- founder_of
  investor_in                     <- investor_in
  headquartered_in/located_in     <- headquartered_in, located_in (one group: DuIE gives 总部地点 for
                                     companies and 所在城市 for sites; we say which by the cue word)
  leader_of                       <- ceo_of, and employee_of read from a title whose role in
                                     data/entity/titles.tsv heads the organization (chairman,
                                     president): DuIE's 董事长 / 校长
An argument matches when one name contains the other (widths folded, case ignored), so that
赛特斯 matches 赛特斯信息科技股份有限公司; the entity's aliases count as its names.

Precision: DuIE lists every relation of the kept types in a kept sentence, so a system relation of a
group with no gold match is a false positive. FinRE labels only some entity pairs of a sentence
(DATASETS.md), so there a system relation counts only when its pair (either direction) is annotated,
with any label (the `other` and `no_relation_pairs` ones too); recall counts every gold relation.
"""
import csv
import json
import os
import sys
import unicodedata

# titles (data/entity/titles.tsv) whose holder leads the organization: an employee_of edge read
# from one of them is a leader_of
LEADER_ROLES = {"chairman", "president", "CEO"}
TITLES_TSV = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "entity", "titles.tsv")
with open(TITLES_TSV, encoding="utf-8") as f:
    LEADER_RULES = {"title:" + r["title"] for r in
                    csv.DictReader((l for l in f if not l.startswith("#")), delimiter="\t")
                    if r.get("role") in LEADER_ROLES}

GROUPS = {
    "founder_of": {"founder_of"},
    "investor_in": {"investor_in"},
    "headquartered_in/located_in": {"headquartered_in", "located_in"},
    "leader_of": {"ceo_of"},
}
GOLD_GROUP = {
    "founder_of": "founder_of",
    "investor_in": "investor_in",
    "headquartered_in": "headquartered_in/located_in",
    "located_in": "headquartered_in/located_in",
    "leader_of": "leader_of",
}


def norm(s):
    return unicodedata.normalize("NFKC", s or "").lower().replace(" ", "")


def same(names, text):
    t = norm(text)
    return bool(t) and any(n and (n in t or t in n) for n in names)


def main():
    args = sys.argv[1:]
    show = 0
    if "--show" in args:
        i = args.index("--show")
        show = int(args[i + 1])
        del args[i : i + 2]
    gold_path, sys_path = args
    gold = [json.loads(l) for l in open(gold_path, encoding="utf-8") if l.strip()]
    extracts = {}
    for line in open(sys_path, encoding="utf-8"):
        try:
            o = json.loads(line)
        except ValueError:
            continue
        extracts[o.get("id")] = o
    finre = any("no_relation_pairs" in r for r in gold)
    stats = {g: {"tp": 0, "fp": 0, "fn": 0, "gold": 0} for g in GROUPS}
    shown = {"fp": 0, "fn": 0}
    for rec in gold:
        x = extracts.get(rec["id"], {})
        names = {}
        for e in x.get("entities", []):
            names[e["id"]] = {norm(e.get("name"))} | {norm(a) for a in e.get("aliases") or []}
        rels = []
        for r in x.get("relations", []):
            grp = next((g for g, ours in GROUPS.items() if r.get("type") in ours), None)
            if grp is None and r.get("type") == "employee_of" and any(
                    e.get("rule") in LEADER_RULES for e in r.get("evidence", [])):
                grp = "leader_of"
            if grp:
                rels.append((grp, names.get(r["source"], {norm(r["source"].split(":", 1)[-1])}),
                             names.get(r["target"], {norm(r["target"].split(":", 1)[-1])}), r))
        golds = [(GOLD_GROUP[g["rel"]], g) for g in rec["relations"] if g["rel"] in GOLD_GROUP]
        annotated = [(g["head"], g["tail"]) for g in rec["relations"]]
        annotated += [(p["head"], p["tail"]) for p in rec.get("no_relation_pairs", []) if "head" in p]
        matched_sys = set()
        for grp, g in golds:
            stats[grp]["gold"] += 1
            hit = [i for i, (sg, h, t, _) in enumerate(rels)
                   if sg == grp and same(h, g["head"]) and same(t, g["tail"])]
            if hit:
                stats[grp]["tp"] += 1
                matched_sys.update(hit)
            else:
                stats[grp]["fn"] += 1
                if shown["fn"] < show:
                    shown["fn"] += 1
                    print(f"FN {grp}: {g['head']} -> {g['tail']} | {rec['text'][:100]}", file=sys.stderr)
        for i, (grp, h, t, r) in enumerate(rels):
            if i in matched_sys:
                continue
            if finre and not any((same(h, a) and same(t, b)) or (same(h, b) and same(t, a))
                                 for a, b in annotated):
                continue
            # a second system edge for a gold relation already matched is no error
            if any(sg == grp and same(h, g["head"]) and same(t, g["tail"]) for sg, g in golds):
                continue
            stats[grp]["fp"] += 1
            if shown["fp"] < show:
                shown["fp"] += 1
                print(f"FP {grp}: {r['source']} -> {r['target']} | {rec['text'][:100]}", file=sys.stderr)
    out = {}
    for g, s in stats.items():
        p = s["tp"] / (s["tp"] + s["fp"]) if s["tp"] + s["fp"] else None
        rc = s["tp"] / s["gold"] if s["gold"] else None
        out[g] = {"gold": s["gold"], "tp": s["tp"], "fp": s["fp"],
                  "p": round(p, 4) if p is not None else None,
                  "r": round(rc, 4) if rc is not None else None}
    print(json.dumps({"records": len(gold), "by_type": out}, ensure_ascii=False))


if __name__ == "__main__":
    main()
