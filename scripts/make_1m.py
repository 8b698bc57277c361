#!/usr/bin/env python3
"""Makes a ~1M-document corpus from the 100k one: 10 replicas with fresh ids.

usage: make_1m.py IN.corpus.jsonl OUT.corpus.jsonl [replicas=10]
Replica 0 is the input; replica k > 0 suffixes every word of 3+ characters with 'q<k>', so the
replicas are distinct stories (same structure, lengths and cluster sizes) rather than copies
of each other.
"""
import json, re, sys
src, dst = sys.argv[1], sys.argv[2]
reps = int(sys.argv[3]) if len(sys.argv) > 3 else 10
word = re.compile(r'\b(\w{3,})\b')
with open(dst, 'w') as out:
    for k in range(reps):
        with open(src) as f:
            for line in f:
                d = json.loads(line)
                if k:
                    d['id'] = 'r%d-%s' % (k, d['id'])
                    d['text'] = word.sub(lambda m: m.group(1) + 'q%d' % k, d['text'])
                out.write(json.dumps(d) + '\n')
