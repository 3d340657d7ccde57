"""Distinctive words of one group of texts against another: Monroe, Colaresi & Quinn (2008) "Fightin' Words".

For each term *w* with counts ``y_a``, ``y_b`` in groups of ``n_a``, ``n_b`` tokens and a Dirichlet
prior with pseudo-counts ``alpha_w`` summing to ``alpha0``::

    delta_w = log((y_a + alpha_w) / (n_a + alpha0 - y_a - alpha_w))
            - log((y_b + alpha_w) / (n_b + alpha0 - y_b - alpha_w))
    var_w  ~= 1 / (y_a + alpha_w) + 1 / (y_b + alpha_w)
    z_w     = delta_w / sqrt(var_w)

A positive z means the term is more typical of group a. The informative prior (by default the pooled
counts of both groups, rescaled to ``alpha0``) shrinks rare terms toward zero, so the list is not
dominated by words used once or twice.

Monroe, B. L., Colaresi, M. P. & Quinn, K. M. (2008). Fightin' Words: Lexical Feature Selection and Evaluation
for Identifying the Content of Political Conflict. *Political Analysis* 16(4), 372-403. doi:10.1093/pan/mpn018
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

import numpy as np
import pandas as pd
from spacy.lang.en.stop_words import STOP_WORDS

_TOKEN = re.compile(r"[a-z]+(?:['\u2019-][a-z]+)*")
#: Punctuation that ends a phrase: n-grams never reach across it ("aggression, russia's" is not a bigram).
_PHRASE_BREAK = re.compile(r"[^\w\s'\u2019-]+|\s-+\s")
#: Transcript and press-release boilerplate that is not rhetoric.
EXTRA_STOP_WORDS = frozenset({"said", "says", "q", "mr", "ms", "mrs", "s", "t", "applause", "laughter"})


def term_counts(texts: Iterable[str], *, ngrams: int = 1, stop_words: frozenset[str] | set[str] | None = None,
                min_len: int = 2) -> Counter:
    """Lower-cased word n-grams (1..``ngrams``) of ``texts``; n-grams never span a stop word or punctuation."""
    stop = (STOP_WORDS | EXTRA_STOP_WORDS) if stop_words is None else stop_words
    out: Counter = Counter()
    for text in texts:
        for phrase in _PHRASE_BREAK.split(text.lower()):
            words = [w.replace("\u2019", "'") for w in _TOKEN.findall(phrase)]
            # "we're", "don't": a contraction of a stop word is a stop word
            keep = [w if (w not in stop and w.split("'")[0] not in stop and len(w) >= min_len) else None
                    for w in words]
            for n in range(1, ngrams + 1):
                for i in range(len(keep) - n + 1):
                    gram = keep[i:i + n]
                    if all(gram):
                        out[" ".join(gram)] += 1
    return out


def log_odds(counts_a: Counter | pd.Series, counts_b: Counter | pd.Series, *, prior: Counter | pd.Series | None = None,
             alpha0: float | None = None, min_count: int = 1) -> pd.DataFrame:
    """Log-odds ratio with an informative Dirichlet prior and its z-score, one row per term, by ``z`` descending.

    ``prior``: pseudo-counts per term (default: pooled ``counts_a + counts_b``); ``alpha0``: rescale the prior to
    this total (default: keep it). Terms used fewer than ``min_count`` times in both groups together are dropped
    from the output (not from ``n_a``, ``n_b``).
    """
    a = pd.Series(counts_a, dtype=float)
    b = pd.Series(counts_b, dtype=float)
    vocab = a.index.union(b.index)
    a, b = a.reindex(vocab, fill_value=0.0), b.reindex(vocab, fill_value=0.0)
    if prior is None:  # a term counted 0 times in both groups carries no information: leave it out
        vocab = vocab[(a + b > 0).to_numpy()]
        a, b = a[vocab], b[vocab]
    alpha = (a + b) if prior is None else pd.Series(prior, dtype=float).reindex(vocab, fill_value=0.0)
    if (alpha <= 0).any():
        missing = ", ".join(map(repr, list(alpha[alpha <= 0].index[:5])))
        raise ValueError(f"the prior has no positive pseudo-count for {int((alpha <= 0).sum())} term(s): {missing}")
    if alpha0 is not None:
        alpha = alpha * (alpha0 / alpha.sum())
    a0 = alpha.sum()
    n_a, n_b = a.sum(), b.sum()
    delta = (np.log((a + alpha) / (n_a + a0 - a - alpha))
             - np.log((b + alpha) / (n_b + a0 - b - alpha)))
    var = 1 / (a + alpha) + 1 / (b + alpha)
    out = pd.DataFrame({"term": vocab, "count_a": a.to_numpy(), "count_b": b.to_numpy(), "delta": delta.to_numpy(),
                        "var": var.to_numpy()})
    out["z"] = out["delta"] / np.sqrt(out["var"])
    out = out[out["count_a"] + out["count_b"] >= min_count]
    return out.sort_values(["z", "term"], ascending=[False, True], ignore_index=True)


def fightin_words(texts_a: Iterable[str], texts_b: Iterable[str], *, ngrams: int = 1, min_count: int = 5,
                  alpha0: float | None = None) -> pd.DataFrame:
    """:func:`log_odds` of the n-gram counts of two groups of texts (pooled prior)."""
    return log_odds(term_counts(texts_a, ngrams=ngrams), term_counts(texts_b, ngrams=ngrams),
                    alpha0=alpha0, min_count=min_count)


def top_terms(scores: pd.DataFrame, n: int = 10, labels: tuple[str, str] = ("a", "b")) -> pd.DataFrame:
    """The ``n`` most distinctive terms of each side, labelled, rounded for display."""
    top_a = scores.head(n).assign(side=labels[0])
    top_b = scores.sort_values(["z", "term"], ascending=[True, True]).head(n).assign(side=labels[1])
    cols = ["side", "term", "count_a", "count_b", "delta", "z"]
    return pd.concat([top_a, top_b], ignore_index=True)[cols].round({"delta": 3, "z": 2})
