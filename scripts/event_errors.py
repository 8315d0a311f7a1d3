#!/usr/bin/env python3
"""List the event-type errors of `shiji extract` against a DuEE / DuEE-fin dev file, per type, with
the rule and the evidence sentence of each false positive (the unit is the scorer's: the set of
mapped event types per record, see ../shared/tools/score_events.py).

usage: event_errors.py GOLD.jsonl EXTRACT.jsonl [--type T] [--fn] [--rules]
  --type T  only that type;  --fn  also list the misses (gold types not found, with the gold trigger);
  --rules   only the counts of false positives per rule.
"""
import collections
import json
import sys

TYPES = {"funding", "layoff", "product_launch", "departure", "join", "acquisition", "listing", "bankruptcy"}


def main():
    args = sys.argv[1:]
    only = None
    if "--type" in args:
        i = args.index("--type")
        only = args[i + 1]
        del args[i : i + 2]
    show_fn = "--fn" in args
    rules_only = "--rules" in args
    args = [a for a in args if not a.startswith("--")]
    gold_path, sys_path = args
    gold = [json.loads(l) for l in open(gold_path, encoding="utf-8") if l.strip()]
    out = {}
    for line in open(sys_path, encoding="utf-8"):
        try:
            o = json.loads(line)
        except ValueError:
            continue
        out[o.get("id")] = o.get("events") or []
    per = collections.defaultdict(lambda: collections.Counter())
    by_rule = collections.Counter()
    lines = []
    for rec in gold:
        g = {e["type"] for e in rec["events"] if e["type"] in TYPES}
        evs = [e for e in out.get(rec["id"], []) if e.get("type") in TYPES]
        s = {e["type"] for e in evs}
        for t in TYPES:
            if only and t != only:
                continue
            if t in g and t in s:
                per[t]["tp"] += 1
            elif t in s:
                per[t]["fp"] += 1
                for e in evs:
                    if e["type"] != t:
                        continue
                    by_rule[e["rule"]] += 1
                    ev = e["evidence"][0]
                    gtypes = ",".join(sorted({x.get("orig_type", x["type"]) for x in rec["events"]})) or "-"
                    date = (e.get("date") or {}).get("text")
                    lines.append(f"FP {t}\t{rec['id'][-8:]}\t{e['rule']}\tdate={date}\tgold={gtypes}\n   {ev['text']}\n   | {ev['sentence'][:160]}")
            elif t in g:
                per[t]["fn"] += 1
                if show_fn:
                    trig = [x.get("trigger") for x in rec["events"] if x["type"] == t]
                    lines.append(f"FN {t}\t{rec['id'][-8:]}\ttrigger={trig}\n   | {rec.get('title') or ''} | {rec['text'][:160]}")
    if not rules_only:
        print("\n".join(lines))
    for t, c in sorted(per.items()):
        tp, fp, fn = c["tp"], c["fp"], c["fn"]
        p = tp / (tp + fp) if tp + fp else 0
        r = tp / (tp + fn) if tp + fn else 0
        print(f"{t:15} tp={tp:3} fp={fp:3} fn={fn:3} p={p:.2f} r={r:.2f}")
    for rule, n in by_rule.most_common():
        print(f"  {n:3} {rule}")


if __name__ == "__main__":
    main()
