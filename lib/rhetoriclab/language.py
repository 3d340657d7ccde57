"""Which documents the English pipeline can read, and why not the others.

A document is not read when its declared ``language`` is not English, or -- whatever it declares, since
``language`` defaults to ``"en"`` -- when most of its letters are not Latin letters (Cyrillic, Arabic,
Chinese...): the English model finds no quotes or actors there, and an empty result would look like an
English text in which nobody said anything.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

from rhetoriclab.documents import Document

#: Below this share of Latin letters (among the letters of the sample) a text is not read as English.
MIN_LATIN_SHARE = 0.5
#: Letters looked at, from the start of the text (enough to tell the script, bounded for long texts).
SAMPLE_CHARS = 20_000


def script_counts(text: str) -> Counter[str]:
    """Letters per Unicode script (the first word of the character name: LATIN, CYRILLIC, CJK...)."""
    return Counter(unicodedata.name(c, "UNKNOWN").split(" ", 1)[0] for c in text if c.isalpha())


def unreadable_reason(document: Document, text: str | None = None) -> str | None:
    """Why the English pipeline cannot read ``document`` (``None`` when it can); ``text`` defaults to the
    cleaned text."""
    declared = (document.language or "en").lower()
    if not declared.startswith("en"):
        return f"language not supported: {document.language}"
    counts = script_counts((document.clean.text if text is None else text)[:SAMPLE_CHARS])
    letters = sum(counts.values())
    if not letters:
        return None
    latin = counts.get("LATIN", 0) / letters
    if latin < MIN_LATIN_SHARE:
        script, n = counts.most_common(1)[0]
        return (f"language not supported: {n / letters:.0%} of the letters are {script.title()}, "
                f"{latin:.0%} Latin (the pipeline reads English)")
    return None
