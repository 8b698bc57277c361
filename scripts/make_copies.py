#!/usr/bin/env python3
"""One story republished N times with light random edits: the worst case for verification.

usage: make_copies.py --n 5000 --seed 1 --out /tmp/bench/copies5k.jsonl [--base /work/shared/data/reuters-base.jsonl]
Each copy: the same base article with ~2% of words substituted, sometimes one sentence
dropped, sometimes an outlet header or footer added. Ids are c0000000, c0000001, ...
"""
import argparse, json, random

ap = argparse.ArgumentParser()
ap.add_argument('--n', type=int, required=True)
ap.add_argument('--seed', type=int, default=1)
ap.add_argument('--out', required=True)
ap.add_argument('--base', default='/work/shared/data/reuters-base.jsonl')
a = ap.parse_args()
rng = random.Random(a.seed)
base = None
with open(a.base) as f:
    for line in f:
        d = json.loads(line)
        if len(d['text'].split()) >= 400:
            base = d
            break
words = base['text'].split(' ')
vocab = ['market', 'said', 'company', 'shares', 'percent', 'year', 'government', 'billion', 'analysts', 'week']
headers = ['', '', 'Advertisement\n\n', 'By Staff Writer\n\n', 'UPDATED 2023-03-01\n\n']
footers = ['', '', '\n\n(With inputs from agencies)', '\n\nReporting by staff; Editing by desk', '\n\nShare this article: Facebook Twitter Email']
with open(a.out, 'w') as out:
    for i in range(a.n):
        w = [rng.choice(vocab) if rng.random() < 0.02 else x for x in words]
        text = ' '.join(w)
        if rng.random() < 0.3:
            paras = text.split('\n\n')
            if len(paras) > 2:
                del paras[rng.randrange(1, len(paras))]
            text = '\n\n'.join(paras)
        text = rng.choice(headers) + text + rng.choice(footers)
        out.write(json.dumps({'id': 'c%07d' % i, 'text': text, 'outlet': 'Outlet %d' % (i % 50),
                              'date': '2023-03-%02d' % (1 + i % 28)}) + '\n')
