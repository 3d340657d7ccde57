"""Keyword in context and mention counts, with spans as offsets into the original files."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from rhetoriclab.documents import Document

KWIC_COLUMNS = ["doc_id", "date", "start", "end", "left", "match", "right"]
_WORD = re.compile(r"\w+(?:['\u2019.-]\w+)*")


def count_words(text: str) -> int:
    """Words: runs of letters/digits keeping inner apostrophes, dots, hyphens ("U.S.", "don't")."""
    return len(_WORD.findall(text))


def term_pattern(term: str | re.Pattern, *, ignore_case: bool = True) -> re.Pattern:
    """A compiled pattern: a regex as given, or a plain term matched as whole words."""
    if isinstance(term, re.Pattern):
        return term
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(r"(?<!\w)" + re.escape(term).replace(r"\ ", r"\s+") + r"(?!\w)", flags)


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def kwic(documents: Iterable[Document], term: str | re.Pattern, *, window: int = 50, ignore_case: bool = True,
         limit: int | None = None) -> pd.DataFrame:
    """One row per match of ``term`` in the cleaned texts: left context, match, right context (one line each).

    ``start``/``end`` are offsets into the original file text (``Document.source_span``).
    Rows are in document order; ``limit`` stops after that many rows.
    """
    pattern = term_pattern(term, ignore_case=ignore_case)
    rows = []
    for d in documents:
        text = d.clean.text
        for m in pattern.finditer(text):
            if limit is not None and len(rows) >= limit:
                return _frame(rows)
            start, end = d.source_span(m.start(), m.end())
            left = _one_line(text[max(0, m.start() - window):m.start()])
            rows.append({"doc_id": d.id, "date": d.date, "start": start, "end": end,
                         "left": left.rjust(window)[-window:], "match": _one_line(m.group()),
                         "right": _one_line(text[m.end():m.end() + window]).ljust(window)[:window]})
    return _frame(rows)


def _frame(rows: list[dict]) -> pd.DataFrame:
    out = pd.DataFrame(rows, columns=KWIC_COLUMNS)
    out["date"] = pd.to_datetime(out["date"])
    return out


def mentions(documents: Iterable[Document], terms: dict[str, str | re.Pattern], *,
             ignore_case: bool = False) -> pd.DataFrame:
    """Matches per document for each named term or regex (wide: one column per name), plus ``n_words``."""
    patterns = {name: term_pattern(t, ignore_case=ignore_case) for name, t in terms.items()}
    rows = []
    for d in documents:
        text = d.clean.text
        row = {"doc_id": d.id, "date": d.date, "speaker": d.speaker, "n_words": count_words(text)}
        row.update({name: sum(1 for _ in p.finditer(text)) for name, p in patterns.items()})
        rows.append(row)
    out = pd.DataFrame(rows, columns=["doc_id", "date", "speaker", "n_words", *patterns])
    out["date"] = pd.to_datetime(out["date"])
    return out
