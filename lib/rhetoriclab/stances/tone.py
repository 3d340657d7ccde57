"""Tone of a stance's content: TextBlob polarity and subjectivity (pattern lexicon; no NLTK corpora needed).

We call the function behind ``TextBlob(text).sentiment`` (``textblob.en.sentiment``, TextBlob's default
``PatternAnalyzer``) directly: the same numbers, without building a blob and a named tuple per sentence.
"""

from __future__ import annotations

from functools import lru_cache

from textblob.en import sentiment as pattern_sentiment


@lru_cache(maxsize=4096)
def tone(text: str) -> tuple[float, float]:
    """(polarity in [-1, 1], subjectivity in [0, 1]) of ``text``, rounded to 4 places; ``TextBlob(text).sentiment``."""
    polarity, subjectivity = pattern_sentiment(text)
    return round(float(polarity), 4), round(float(subjectivity), 4)
