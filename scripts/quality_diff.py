#!/usr/bin/env python3
"""Per-document difference of two scripts/quality.sh runs on one set.

usage: scripts/quality_diff.py A_OUT B_OUT NAME   (NAME: rmo, c10k or reuters; A_OUT/B_OUT are QUALITY_OUT dirs)
Prints each document whose count of gold mates found, or of wrong mates, changed from A to B
(c10k: gold from $BENCH_WORK/c10k.meta.jsonl with its transforms; reuters: silver cluster_near).
"""
import json, os, sys, collections
W = os.environ.get('BENCH_WORK', '/tmp/bench')
SHARED = os.environ.get('SHARED', '/work/shared')
a, b, name = sys.argv[1:4]
if name == 'c10k':
    meta = {m['id']: m for m in map(json.loads, open(f'{W}/c10k.meta.jsonl'))}
    gold = {i: m['cluster'] for i, m in meta.items()}
elif name == 'rmo':
    gold = {g['id']: g['cluster'] for g in map(json.loads, open(f'{SHARED}/data/real-multi-outlet/gold.jsonl'))}; meta = {}
else:
    gold = {c['id']: c['cluster_near'] for c in map(json.loads, open(f'{SHARED}/data/reuters21578-dev.jsonl'))}; meta = {}
def load(d):
    return {r['id']: r['cluster'] for r in map(json.loads, open(f'{d}/{name}/documents.jsonl'))}
A, B = load(a), load(b)
def mates(C):
    g = collections.defaultdict(set)
    for i, c in C.items(): g[c].add(i)
    return {i: g[c] - {i} for i, c in C.items()}
MA, MB, MG = mates(A), mates(B), mates(gold)
for i in sorted(A):
    ra, rb = len(MA[i] & MG[i]), len(MB[i] & MG[i])
    wa, wb = len(MA[i] - MG[i]), len(MB[i] - MG[i])
    if ra != rb or wa != wb:
        m = meta.get(i, {})
        print(i, f"goodmates {ra}->{rb} of {len(MG[i])}  wrong {wa}->{wb}", m.get('kind', ''), m.get('level', ''), ','.join(m.get('transforms', [])), m.get('j5', ''))
