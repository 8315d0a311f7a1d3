#!/usr/bin/env python3
"""Run the temporal tagger (examples/times) on the shared evaluation suites and score it.

Usage: python3 scripts/eval_time.py [SUITE ...] [--show-errors N] [--no-build]
Default suites: duckling_zh duckling_zh_duration jionlp_time. Predictions go to
target-eval/<suite>.pred.jsonl; scoring is done by the project's scorer
(shared/tools/score_time.py), never here.
"""
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("SHIJI_SHARED", "/work/shared")
TARGET = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
MODS = {"BEFORE": "<", "AFTER": ">", "ON_OR_BEFORE": "<=", "ON_OR_AFTER": ">="}
DEFAULT_REF = "2021-06-14T00:00:00"


def main():
    args = sys.argv[1:]
    show = "10"
    if "--show-errors" in args:
        k = args.index("--show-errors")
        show = args[k + 1]
        del args[k : k + 2]
    build = "--no-build" not in args
    args = [a for a in args if a != "--no-build"]
    suites = args or ["duckling_zh", "duckling_zh_duration", "jionlp_time"]
    if build:
        subprocess.run(["cargo", "build", "--release", "--example", "times"], cwd=ROOT, check=True)
    exe = os.path.join(TARGET, "release", "examples", "times")
    outdir = os.path.join(ROOT, "target-eval")
    os.makedirs(outdir, exist_ok=True)
    for suite in suites:
        cases_path = os.path.join(SHARED, "eval", "time", suite + ".jsonl")
        cases = [json.loads(l) for l in open(cases_path, encoding="utf-8") if l.strip()]
        inp = "".join(
            json.dumps({"id": c["id"], "text": c["text"], "ref": c.get("ref") or DEFAULT_REF}, ensure_ascii=False) + "\n"
            for c in cases
        )
        res = subprocess.run([exe, "--ref", DEFAULT_REF], input=inp.encode(), capture_output=True, check=True)
        outs = {}
        for line in res.stdout.decode().splitlines():
            o = json.loads(line)
            outs[o["id"]] = o["times"]
        pred_path = os.path.join(outdir, suite + ".pred.jsonl")
        with open(pred_path, "w", encoding="utf-8") as f:
            for c in cases:
                times = outs.get(c["id"], [])
                pick = None
                if c.get("span"):
                    s0 = c["text"].find(c["span"])
                    s1 = s0 + len(c["span"])
                    over = [t for t in times if s0 >= 0 and t["start"] < s1 and t["end"] > s0]
                    over.sort(key=lambda t: -(min(t["end"], s1) - max(t["start"], s0)))
                    pick = over[0] if over else None
                elif times:
                    pick = max(times, key=lambda t: t["end"] - t["start"])
                value = None
                if pick:
                    value = MODS.get(pick.get("mod") or "", "") + pick["value"]
                f.write(json.dumps({"id": c["id"], "value": value, "grain": pick and pick["grain"],
                                    "type": pick and pick["type"], "text": pick and pick["text"]},
                                   ensure_ascii=False) + "\n")
        print(f"== {suite}", flush=True)
        subprocess.run([sys.executable, os.path.join(SHARED, "tools", "score_time.py"), cases_path, pred_path,
                        "--by", "tag", "--show-errors", show], check=False)


if __name__ == "__main__":
    main()
