#!/usr/bin/env python3
"""Measure Wiretrace's agency attribution against a gold set.

Runs `wiretrace run` on the real multi-outlet set (articles.jsonl with id, text, publisher, date)
with a temporary config that maps the outlet to `publisher`, then compares each document's
`agency` in documents.jsonl with the gold `agency` and prints:

  * the confusion table, gold agency (rows) x predicted agency (columns, `-` = null);
  * accuracy on documents whose gold agency is an agency (AP, Reuters, ...): predicted == gold;
  * the share of gold `none` documents that were given an agency (false attributions).

Scoring of `none` and `unknown`: a null prediction is correct for gold `none`. Gold `unknown`
(uncredited portal pages and stubs whose origin the annotator could not establish) is reported in
its own row but is in neither figure: null is the expected answer there (Wiretrace never guesses),
and an agency for such a page is listed as a "false attribution on unknown" count so it stays visible.

Usage: scripts/attribution.py [DATA_DIR] [--wiretrace PATH] [--keep OUT_DIR]
Exit status 0 when both targets hold (accuracy >= 0.95, false attributions on none <= 2%), 1 otherwise.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def load_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("data", nargs="?", default="/work/shared/data/real-multi-outlet")
    p.add_argument("--wiretrace", default=os.path.join(ROOT, ".build/debug/wiretrace"))
    p.add_argument("--keep", help="write the outputs here instead of a temporary folder")
    p.add_argument("--verbose", "-v", action="store_true", help="list every wrong document with its evidence")
    args = p.parse_args()

    with open(os.path.join(ROOT, "pipeline.json"), encoding="utf-8") as f:
        config = json.load(f)
    out = args.keep or tempfile.mkdtemp(prefix="wiretrace-attribution-")
    for stage in config["stages"]:
        if stage["stage"] == "ingest":
            stage["inputs"] = [os.path.join(os.path.abspath(args.data), "articles.jsonl")]
            stage["fields"] = {"id": "id", "text": "text", "date": "date", "outlet": "publisher"}
        if stage["stage"] == "report":
            stage["output"] = os.path.abspath(out)
    config_path = os.path.join(out, "attribution-pipeline.json")
    os.makedirs(out, exist_ok=True)
    with open(config_path, "w", encoding="utf-8") as f:
        json.dump(config, f, indent=2)
    subprocess.run([args.wiretrace, "run", "--quiet", "--config", config_path], check=True)

    gold = {g["id"]: g for g in load_jsonl(os.path.join(args.data, "gold.jsonl"))}
    predicted = {d["id"]: d for d in load_jsonl(os.path.join(out, "documents.jsonl"))}
    missing = sorted(set(gold) - set(predicted))
    if missing:
        print(f"warning: {len(missing)} gold documents missing from the output: {missing[:5]}", file=sys.stderr)

    table = collections.Counter()
    wrong = []
    for i, g in gold.items():
        d = predicted.get(i)
        pred = d["agency"] if d else None
        table[(g["agency"], pred or "-")] += 1
        ga = g["agency"]
        ok = (pred is None) if ga in ("none", "unknown") else (pred == ga)
        if not ok:
            wrong.append((i, ga, pred, d))

    rows = sorted({k[0] for k in table}, key=lambda a: (a in ("none", "unknown"), a))
    cols = sorted({k[1] for k in table}, key=lambda a: (a == "-", a))
    width = max(8, *(len(c) for c in cols)) + 1
    print("gold \\ predicted".ljust(16) + "".join(c.rjust(width) for c in cols) + "total".rjust(width))
    for r in rows:
        n = sum(table[(r, c)] for c in cols)
        print(r.ljust(16) + "".join(str(table[(r, c)]).rjust(width) for c in cols) + str(n).rjust(width))

    agency_docs = [g for g in gold.values() if g["agency"] not in ("none", "unknown")]
    correct = sum(1 for g in agency_docs if (predicted.get(g["id"]) or {}).get("agency") == g["agency"])
    none_docs = [g for g in gold.values() if g["agency"] == "none"]
    false_none = sum(1 for g in none_docs if (predicted.get(g["id"]) or {}).get("agency"))
    unknown_docs = [g for g in gold.values() if g["agency"] == "unknown"]
    false_unknown = sum(1 for g in unknown_docs if (predicted.get(g["id"]) or {}).get("agency"))
    accuracy = correct / len(agency_docs) if agency_docs else 1.0
    false_rate = false_none / len(none_docs) if none_docs else 0.0
    print()
    print(f"accuracy on agency documents: {correct}/{len(agency_docs)} = {accuracy:.3f} (target >= 0.95)")
    print(f"gold none given an agency:    {false_none}/{len(none_docs)} = {false_rate:.3f} (target <= 0.02)")
    print(f"gold unknown given an agency: {false_unknown}/{len(unknown_docs)} (not in either figure)")
    if wrong and args.verbose:
        print("\nwrong:")
        for i, ga, pred, d in wrong:
            ev = [(e["kind"], e.get("agency"), e["text"][:70]) for e in (d or {}).get("evidence", [])]
            print(f"  {i} ({gold[i]['publisher']}): gold {ga}, predicted {pred}; evidence {ev}")
    if not args.keep:
        import shutil
        shutil.rmtree(out, ignore_errors=True)
    return 0 if accuracy >= 0.95 and false_rate <= 0.02 else 1


if __name__ == "__main__":
    sys.exit(main())
