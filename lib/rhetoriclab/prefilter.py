"""Keep only the paragraphs that mention actors of interest, without moving any offset.

A case study rarely needs every paragraph of every document: a Kremlin readout
about agriculture says nothing about Ukraine. :func:`mask_paragraphs` blanks the
paragraphs of the cleaned text that do not match an actor pattern, replacing
each of their characters (except line breaks) by a space. The masked text has the
same length as the cleaned text, so every span found in it is already a span of
``Document.clean.text`` and maps to the original file with
``Document.source_span`` unchanged. spaCy turns a blanked paragraph into a single
whitespace token, so it costs almost nothing to parse.

Limits: a quotation or a pronoun ("he said") whose opening or antecedent sits in a
dropped paragraph is cut off or left unresolved; multi-paragraph quotes whose
later paragraphs do not name an actor lose those paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from rhetoriclab.textclean import paragraph_spans

#: Fallback aliases when :mod:`rhetoriclab.actors` is not available: the actors of the 2021-2022 case study.
CASE_STUDY_ALIASES: dict[str, tuple[str, ...]] = {
    "RUS": ("Russia", "Russian", "Russians", "Russian Federation", "Moscow", "Kremlin", "Putin", "Lavrov",
            "Peskov", "Shoigu", "Soviet Union", "Soviet", "Soviets", "USSR"),
    "UKR": ("Ukraine", "Ukrainian", "Ukrainians", "Kyiv", "Kiev", "Zelenskyy", "Zelensky", "Zelenskiy", "Kuleba",
            "Donbas", "Donbass", "Donetsk", "Luhansk", "Lugansk", "Crimea"),
    "USA": ("United States", "U.S.", "US", "USA", "America", "American", "Americans", "Washington",
            "White House", "Biden", "Blinken", "Psaki", "Sullivan", "Austin", "Harris"),
    "NATO": ("NATO", "North Atlantic Treaty Organization", "Alliance", "Stoltenberg"),
}


def alias_pattern(aliases: dict[str, tuple[str, ...]], codes: list[str] | None = None) -> re.Pattern:
    """A word-bounded regex matching any alias of the actors ``codes`` (all when ``None``), longest first."""
    unknown = [c for c in codes or [] if c not in aliases]
    if unknown:
        raise ValueError(f"no actor with code(s) {', '.join(unknown)} in {', '.join(aliases)}")
    wanted = aliases if codes is None else {c: aliases[c] for c in codes}
    names = sorted({a for group in wanted.values() for a in group}, key=lambda s: (-len(s), s))
    if not names:
        raise ValueError(f"no aliases for actor codes {codes!r}")
    return re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w])")


def actor_pattern(codes: list[str] | None = None) -> re.Pattern:
    """The actor registry's alias regex for ``codes``; the built-in case-study aliases if no registry is installed."""
    try:
        from rhetoriclab.actors import default_registry
    except ImportError:
        return alias_pattern(CASE_STUDY_ALIASES, codes)
    registry = default_registry()
    # a code without aliases would add nothing (or, alone, an empty alternation that keeps every paragraph)
    unknown = [c for c in codes or [] if registry.pattern(codes=[c]).match("") is not None]
    if unknown:
        raise ValueError(f"no actor with code(s) {', '.join(unknown)} in the actor registry")
    return registry.pattern(codes=codes)


@dataclass(frozen=True)
class FilterStats:
    """How much of one text a pre-filter kept."""

    paragraphs: int
    paragraphs_kept: int
    chars: int
    chars_kept: int


#: Units a pre-filter can keep: whole paragraphs (default) or single sentences (for texts, such as many UN
#: General Debate speeches, whose paragraphs are not marked by blank lines).
UNITS = ("paragraph", "sentence")
#: A sentence ends at . ! or ? (and any closing quotes or brackets) before whitespace and a capital or digit.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"\u201d\u2019)\]]*\s+(?=[\"\u201c(\[]?[A-Z0-9])")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text`` by punctuation (no parse), within its paragraphs, whitespace trimmed."""
    out = []
    for ps, pe in paragraph_spans(text):
        start = ps
        for m in _SENTENCE_END.finditer(text, ps, pe):
            out.append((start, m.start() + len(m.group().rstrip())))  # up to the closing quote, if any
            start = m.end()
        out.append((start, pe))
    return [(a, b) for a, b in out if text[a:b].strip()]


def unit_spans(text: str, unit: str = "paragraph") -> list[tuple[int, int]]:
    if unit not in UNITS:
        raise ValueError(f"unknown pre-filter unit {unit!r}; choose one of {', '.join(UNITS)}")
    return paragraph_spans(text) if unit == "paragraph" else sentence_spans(text)


def kept_spans(text: str, pattern: re.Pattern, unit: str = "paragraph") -> tuple[list[tuple[int, int]], int]:
    """Spans of the paragraphs (or sentences) of ``text`` that match ``pattern``, and the number of units."""
    spans = unit_spans(text, unit)
    return [(s, e) for s, e in spans if pattern.search(text, s, e)], len(spans)


_NOT_NEWLINE = re.compile(r"[^\n]")


def mask_paragraphs(text: str, pattern: re.Pattern | None, unit: str = "paragraph") -> tuple[str, FilterStats]:
    """``text`` with every paragraph (or sentence, ``unit="sentence"``) that does not match ``pattern`` blanked
    to spaces (same length, line breaks kept). With ``pattern=None`` the text is returned unchanged.

    :class:`FilterStats` counts units: paragraphs, or sentences.
    """
    spans = unit_spans(text, unit)
    chars = sum(e - s for s, e in spans)
    if pattern is None:
        return text, FilterStats(len(spans), len(spans), chars, chars)
    keep, _ = kept_spans(text, pattern, unit)
    pieces: list[str] = []
    prev = 0
    for s, e in keep:
        pieces.append(_NOT_NEWLINE.sub(" ", text[prev:s]))
        pieces.append(text[s:e])
        prev = e
    pieces.append(_NOT_NEWLINE.sub(" ", text[prev:]))
    masked = "".join(pieces)
    return masked, FilterStats(len(spans), len(keep), chars, sum(e - s for s, e in keep))


def filter_summary(documents: pd.DataFrame) -> pd.DataFrame:
    """Share of paragraphs and characters kept, per corpus ``origin`` and overall, from a pipeline documents frame."""
    cols = ["paragraphs", "paragraphs_kept", "chars", "chars_kept"]
    group = documents.assign(corpus=documents["corpus"].fillna("")).groupby("corpus")[cols].sum()
    group.loc["all"] = group[cols].sum()
    group["share_paragraphs_kept"] = (group["paragraphs_kept"] / group["paragraphs"]).round(3)
    group["share_chars_kept"] = (group["chars_kept"] / group["chars"]).round(3)
    return group.reset_index()
