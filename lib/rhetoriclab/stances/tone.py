"""Tone of a stance's content: TextBlob polarity and subjectivity (pattern lexicon; no NLTK corpora needed)."""

from __future__ import annotations

from functools import lru_cache

from textblob import TextBlob


@lru_cache(maxsize=4096)
def tone(text: str) -> tuple[float, float]:
    """(polarity in [-1, 1], subjectivity in [0, 1]) of ``text``, rounded to 4 places."""
    sentiment = TextBlob(text).sentiment
    return round(float(sentiment.polarity), 4), round(float(sentiment.subjectivity), 4)
