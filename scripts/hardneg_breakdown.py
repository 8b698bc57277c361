#!/usr/bin/env python3
"""Hard-negative false merges of a generated corpus, split by whether the two base stories are one story.

usage: hardneg_breakdown.py META.jsonl PRED_documents.jsonl BASE.jsonl [--json]

The generator (make_corpus.py) adds, for a quarter of the stories, the nearest other base article
by content-word Jaccard as a separate cluster (meta.hardneg_of). In Reuters-21578 that nearest
article is sometimes an update, write-thru or retransmission of the same story, which the gold
definition of real-multi-outlet calls one cluster. Reports:
  hardneg_false_merge        as score.py: hard-negative docs whose predicted cluster holds a doc
                             of the story they shadow (the target)
  hardneg_false_merge_distinct  the same, leaving out base pairs that are updates of one story:
                             they share at least half of the smaller base text's word 8-grams and
                             its numbers all occur in the other (scripts/update_rule.py)
  merged_base_pairs          the merged base pairs with their 8-gram containment
"""
import json
import sys
from collections import defaultdict

from update_rule import Text, update_of, words


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    if len(args) != 3:
        sys.exit(__doc__)
    meta = {d['id']: d for d in map(json.loads, open(args[0]))}
    pred = {d['id']: d['cluster'] for d in map(json.loads, open(args[1]))}
    base = {d['id']: Text(words(d['text'])) for d in map(json.loads, open(args[2]))}
    base_of = {m['cluster']: m['base'] for m in meta.values()}
    golds = defaultdict(set)
    for i, m in meta.items():
        golds[pred.get(i, 'solo' + i)].add(m['cluster'])
    hn = [i for i, m in meta.items() if 'hardneg_of' in m]
    bad = distinct = 0
    pairs = {}
    for i in hn:
        m = meta[i]
        if m['hardneg_of'] not in golds[pred.get(i, 'solo' + i)]:
            continue
        bad += 1
        key = (m['base'], base_of[m['hardneg_of']])
        if key not in pairs:
            pairs[key] = update_of(base.get(key[0], Text([])), base.get(key[1], Text([])))
        if not pairs[key][0]:
            distinct += 1
    out = {
        'hardneg_docs': len(hn),
        'hardneg_false_merge': round(bad / max(len(hn), 1), 4),
        'hardneg_false_merge_distinct': round(distinct / max(len(hn), 1), 4),
        'merged_base_pairs': [[a, b, c, u] for (a, b), (u, c) in sorted(pairs.items())],
    }
    if '--json' in sys.argv:
        print(json.dumps(out))
        return
    print(f"hard negatives {len(hn)}: false merges {bad} ({out['hardneg_false_merge']}), "
          f"of distinct stories {distinct} ({out['hardneg_false_merge_distinct']})")
    for a, b, c, u in out['merged_base_pairs']:
        print(f"  {a} {b} 8-gram containment {c} {'update' if u else 'distinct'}")


if __name__ == '__main__':
    main()
