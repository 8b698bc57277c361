#!/usr/bin/env python3
"""Prints the quality table of scripts/quality.sh from the score files in DIR.

usage: quality_table.py DIR
Secondary lines (hardneg_breakdown.py, check_silver.py) leave out pairs that are updates of one story.
Peers' figures are the published ones of issue 4 (datasketch/rensa/gaoya: word-5-gram MinHash +
LSH + union-find); a "gaoya (run here)" column appears when quality.sh ran it (QUALITY_PEERS=1).
"""
import json
import os
import sys

D = sys.argv[1]


def load(name):
    p = os.path.join(D, name)
    return json.load(open(p)) if os.path.exists(p) else None


def secs(name):
    p = os.path.join(D, name + '.time')
    return open(p).read().strip() if os.path.exists(p) else '-'


def f(x, d=3):
    return '-' if x is None else (f'{x:.{d}f}' if isinstance(x, float) else str(x))


rows = []  # (set, metric, wiretrace, peers published, gaoya here, target, ok)


def add(s, metric, value, peers, here, target, ok):
    rows.append((s, metric, value, peers, here, target, '' if ok is None else ('yes' if ok else 'NO')))


rmo, g_rmo = load('rmo.score'), load('gaoya-rmo.score')
if rmo:
    add('real-multi-outlet', 'pairwise F1', f(rmo['f1']), '-', f(g_rmo and g_rmo['f1']), '>= 0.98', rmo['f1'] >= 0.98)
    add('real-multi-outlet', 'ARI', f(rmo['ari']), '0.945 (best, t=0.2)', f(g_rmo and g_rmo['ari']), '>= 0.98', rmo['ari'] >= 0.98)
    add('real-multi-outlet', 'P / R', f"{f(rmo['precision'])} / {f(rmo['recall'])}", '-',
        f(g_rmo and g_rmo['precision']) + ' / ' + f(g_rmo and g_rmo['recall']), '', None)

for size, target in (('10k', 0.97), ('100k', 0.95)):
    s = load(f'c{size}.score')
    if not s:
        continue
    g = load(f'gaoya-c{size}.score')
    name = f'generated {size} (seed 1)'
    add(name, 'ARI', f(s['ari']), '0.889 (best, t=0.3)' if size == '10k' else 'collapses at t=0.3 (P 0.57-0.80)',
        f(g and g['ari']), f'>= {target}', s['ari'] >= target)
    add(name, 'P / R', f"{f(s['precision'])} / {f(s['recall'])}", '-', f(g and g['precision']) + ' / ' + f(g and g['recall']), '', None)
    b = s['buckets']['J<0.2']['any_hit']
    add(name, 'recall of docs with J<0.2', f(b), '<= 0.17', f(g and g['buckets']['J<0.2']['any_hit']),
        '>= 0.8' if size == '10k' else '', b >= 0.8 if size == '10k' else None)
    add(name, 'recall J 0.2-0.5', f(s['buckets']['0.2-0.5']['any_hit']), '-', f(g and g['buckets']['0.2-0.5']['any_hit']), '', None)
    h = s.get('hardneg_false_merge')
    add(name, 'hard-negative false merges', f(h, 4), '0.009-0.023', f(g and g.get('hardneg_false_merge'), 4),
        '<= 0.005' if size == '10k' else '', (h <= 0.005) if size == '10k' else None)
    hb = load(f'c{size}.hardneg')
    if hb:
        add(name, '... of base pairs not an update (secondary)', f(hb['hardneg_false_merge_distinct'], 4), '-', '-', '', None)
    add(name, 'wall seconds (wiretrace)', secs(f'c{size}'), '-', '-', '', None)

r = load('reuters.score')
if r:
    add('reuters21578-dev (silver)', 'docs with distinct stories merged', f(r['merged_docs'], 4), '-', '-', '<= 0.005', r['merged_docs'] <= 0.005)
    add('reuters21578-dev (silver)', '... of them with another lede (heuristic)', f(r['merged_docs_other_lede'], 4), '-', '-', '', None)
    if 'merged_docs_not_update' in r:
        add('reuters21578-dev (silver)', '... of them not with an update (secondary)', f(r['merged_docs_not_update'], 4), '-', '-', '', None)
    add('reuters21578-dev (silver)', 'cluster_near pairs found', f"{f(r['near_pair_recall'], 4)} of {r['near_pairs']}", '-', '-', '1.0',
        r['near_pair_recall'] >= 1.0)
    add('reuters21578-dev (silver)', 'cluster (identical) pairs found', f"{f(r['exact_pair_recall'], 4)} of {r['exact_pairs']}", '-', '-', '', None)

docs = os.path.join(D, 'samples', 'documents.jsonl')
if os.path.exists(docs):
    c = {}
    for line in open(docs):
        d = json.loads(line)
        c[d['id'][:3]] = d['cluster']
    together = c.get('001') == c.get('002')
    alone = all(sum(1 for v in c.values() if v == c.get(k)) == 1 for k in ('000', '003', '004'))
    add('samples/', '001+002 together', 'yes' if together else 'no', '-', '-', 'yes', together)
    add('samples/', '000, 003, 004 alone', 'yes' if alone else 'no', '-', '-', 'yes', alone)

head = ('set', 'metric', 'wiretrace', 'peers (published)', 'gaoya t=0.3 (run here)', 'target', 'met')
w = [max(len(str(r[i])) for r in rows + [head]) for i in range(len(head))]
line = lambda r: '| ' + ' | '.join(str(r[i]).ljust(w[i]) for i in range(len(head))) + ' |'
print(line(head))
print('|' + '|'.join('-' * (x + 2) for x in w) + '|')
for r in rows:
    print(line(r))
