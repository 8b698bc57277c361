#!/usr/bin/env python3
"""Checks Wiretrace's clusters against the silver labels of reuters21578-dev.jsonl.

usage: check_silver.py SILVER.jsonl PRED_documents.jsonl [--json]

SILVER rows carry `cluster` (identical after case/whitespace folding) and `cluster_near`
(word-5-gram Jaccard >= 0.9). Reports:
  merged_docs      share of documents whose predicted cluster holds a document of another
                   `cluster_near` story (distinct stories merged; target <= 0.005)
  merged_docs_other_lede  the same, counting only documents whose lede (first 25 words) differs
                   from that other document's (word Jaccard < 0.5): a heuristic that leaves out
                   corrections, write-thrus and retransmissions the silver rule (J >= 0.9) calls
                   different stories although they keep the story's lede
  merged_docs_not_update  the same, leaving out other stories that are an update of the document's
                   story: they share at least half of the smaller text's word 8-grams and the smaller
                   text's numbers all occur in the other (write-thrus, retransmissions, trimmed or
                   expanded versions: one story by the gold definition of real-multi-outlet). Templated
                   reports (other figures), digests and stories sharing background stay counted
  near_pair_recall share of `cluster_near` pairs predicted in one cluster (target 1.0)
  exact_pair_recall the same for `cluster` pairs
Documents missing from PRED count as singletons.
"""
import json
import re
import sys
from collections import defaultdict

from update_rule import Text, update_of, words


def pairs_found(groups, pred):
    total = found = 0
    missed = []
    for members in groups.values():
        for i in range(len(members)):
            for j in range(i + 1, len(members)):
                total += 1
                a, b = members[i], members[j]
                if pred.get(a, ('solo', a)) == pred.get(b, ('solo', b)):
                    found += 1
                else:
                    missed.append((a, b))
    return total, found, missed


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    if len(args) != 2:
        sys.exit(__doc__)
    silver = [json.loads(l) for l in open(args[0]) if l.strip()]
    pred = {}
    for line in open(args[1]):
        if line.strip():
            d = json.loads(line)
            pred[d['id']] = d['cluster']
    near = {d['id']: d['cluster_near'] for d in silver}
    by_id = {d['id']: d for d in silver}
    stories = defaultdict(set)
    for i, c in pred.items():
        if i in near:
            stories[c].add(near[i])
    merged = sum(1 for d in silver if d['id'] in pred and len(stories[pred[d['id']]]) > 1)
    lede = {d['id']: set(re.findall(r'\w+', d['text'].lower())[:25]) for d in silver}
    members = defaultdict(list)
    for d in silver:
        if d['id'] in pred:
            members[pred[d['id']]].append(d['id'])

    def other_lede(i):
        for j in members[pred[i]]:
            if near[j] != near[i]:
                a, b = lede[i], lede[j]
                if len(a & b) < 0.5 * max(len(a | b), 1):
                    return True
        return False
    texts = {}

    def text(i):
        if i not in texts:
            texts[i] = Text(words(by_id[i]['text']))
        return texts[i]

    def update(i, j):
        return update_of(text(i), text(j))[0]

    def merged_not_update(i):
        return any(near[j] != near[i] and not update(i, j) for j in members[pred[i]])
    merged_real = sum(1 for d in silver if d['id'] in pred and len(stories[pred[d['id']]]) > 1
                      and merged_not_update(d['id']))
    merged_other = sum(1 for d in silver if d['id'] in pred and len(stories[pred[d['id']]]) > 1 and other_lede(d['id']))
    groups_near = defaultdict(list)
    groups_exact = defaultdict(list)
    for d in silver:
        groups_near[d['cluster_near']].append(d['id'])
        groups_exact[d['cluster']].append(d['id'])
    nt, nf, missed = pairs_found(groups_near, pred)
    et, ef, _ = pairs_found(groups_exact, pred)
    out = {
        'docs': len(silver),
        'merged_docs': round(merged / max(len(silver), 1), 5),
        'merged_doc_count': merged,
        'merged_docs_other_lede': round(merged_other / max(len(silver), 1), 5),
        'merged_docs_not_update': round(merged_real / max(len(silver), 1), 5),
        'near_pairs': nt, 'near_pair_recall': round(nf / nt, 5) if nt else 1.0,
        'exact_pairs': et, 'exact_pair_recall': round(ef / et, 5) if et else 1.0,
        'missed_near_pairs': missed[:20],
    }
    if '--json' in sys.argv:
        print(json.dumps(out))
        return
    print(f"docs {out['docs']}  distinct stories merged for {merged} docs ({out['merged_docs']:.4f}); "
          f"with another lede for {merged_other} ({out['merged_docs_other_lede']:.4f}); "
          f"not an update for {merged_real} ({out['merged_docs_not_update']:.4f})")
    print(f"cluster_near pairs {nt}: found {nf} (recall {out['near_pair_recall']:.4f}); "
          f"cluster pairs {et}: found {ef} (recall {out['exact_pair_recall']:.4f})")
    for a, b in missed[:10]:
        print('  missed near pair', a, b)


if __name__ == '__main__':
    main()
