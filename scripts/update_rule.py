"""The rule the quality scripts use to tell an update of a story from a distinct story.

Two texts are *updates of one story* (a retransmission, correction or write-thru, one cluster by the
gold definition of real-multi-outlet) when they share at least half of the smaller text's word
8-grams and every number of the smaller text occurs in the other. Templated reports with other
figures, digests and stories sharing background are not. Used by check_silver.py and
hardneg_breakdown.py for their secondary lines; the targets themselves do not use it.
"""
import re


def words(text):
    return re.findall(r'\w+', text.lower())


class Text:
    """A text's words, 8-gram set and numbers, computed once."""

    def __init__(self, text_words):
        w = text_words
        self.grams = {tuple(w[k:k + 8]) for k in range(len(w) - 7)}
        self.numbers = {x for x in w if x.isdigit()}


def update_of(a, b):
    """(is an update, 8-gram containment of the smaller text) for two `Text`s."""
    if not a.grams or not b.grams:
        return False, 0.0
    small, big = (a, b) if len(a.grams) <= len(b.grams) else (b, a)
    c = len(a.grams & b.grams) / len(small.grams)
    return c >= 0.5 and small.numbers <= big.numbers, round(c, 3)
