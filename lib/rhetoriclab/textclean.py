"""Typographic cleanup that never loses the way back to the original characters.

Analysis runs on a *cleaned* copy of a document's text (straight quotation marks,
plain spaces, ``...`` for ``…``, optionally unwrapped hard line breaks). Every
character of the cleaned text remembers which original character it came from,
so any span found in the cleaned text maps back to exact offsets in the text
as read from the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

#: Single replacements: original character -> cleaned string.
DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u301d\u301e\uff02"
SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u00b4\u0060"
SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
DELETED = "\u200b\u200c\u200d\u2060\ufeff\u00ad"

_REPLACE: dict[str, str] = {}
_REPLACE.update({c: '"' for c in DOUBLE_QUOTES})
_REPLACE.update({c: "'" for c in SINGLE_QUOTES})
_REPLACE.update({c: " " for c in SPACES})
_REPLACE.update({c: "" for c in DELETED})
_REPLACE["\u2026"] = "..."
_REPLACE["\r"] = ""  # a CR of a CRLF pair; offsets still point into the original


@dataclass(frozen=True, eq=False)
class CleanText:
    """Cleaned text plus, for each cleaned character, its index in the original.

    ``index`` is ``None`` when cleaning kept every offset (the common case: all
    replacements were one character for one), else an integer array as long as
    ``text``.
    """

    original: str
    text: str
    index: np.ndarray | None = field(default=None, repr=False)

    def source_offset(self, i: int) -> int:
        """Original index of cleaned index ``i`` (``len(text)`` maps to ``len(original)``)."""
        if self.index is None:
            return min(i, len(self.original))
        if i >= len(self.index):
            return len(self.original)
        return int(self.index[i])

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open cleaned span ``[start, end)`` to the original text."""
        if end <= start:
            s = self.source_offset(start)
            return s, s
        if self.index is None:
            return start, end
        return int(self.index[start]), int(self.index[end - 1]) + 1

    def clean_offset(self, original_index: int) -> int:
        """First cleaned index whose source is at or after ``original_index``."""
        if self.index is None:
            return min(original_index, len(self.text))
        return int(np.searchsorted(self.index, original_index, side="left"))


_REPLACEABLE = re.compile("[" + re.escape("".join(_REPLACE)) + "]")
_LONE_NEWLINE = re.compile(r"(?<=\S)[ \t]*\n(?=[ \t]*\S)")  # a line break between two non-blank lines


def clean_text(original: str, *, unwrap_lines: bool = False) -> CleanText:
    """Clean ``original`` for analysis, keeping a map back to its characters.

    ``unwrap_lines`` turns a lone line break (hard-wrapped prose, as in the White
    House Markdown files) into a space; blank lines still separate paragraphs.
    """
    subs = {m.start(): _REPLACE[m.group()] for m in _REPLACEABLE.finditer(original)}
    if unwrap_lines:
        for m in _LONE_NEWLINE.finditer(original):
            subs[m.start() + m.group(0).index("\n")] = " "
    if not subs:
        return CleanText(original, original)
    pieces: list[str] = []
    index_pieces: list[np.ndarray] = []
    same_length = all(len(r) == 1 for r in subs.values())
    prev = 0
    for pos in sorted(subs):
        rep = subs[pos]
        pieces.append(original[prev:pos])
        pieces.append(rep)
        if not same_length:
            index_pieces.append(np.arange(prev, pos, dtype=np.int32))
            index_pieces.append(np.full(len(rep), pos, dtype=np.int32))
        prev = pos + 1
    pieces.append(original[prev:])
    text = "".join(pieces)
    if same_length:
        return CleanText(original, text)
    index_pieces.append(np.arange(prev, len(original), dtype=np.int32))
    return CleanText(original, text, np.concatenate(index_pieces))


_PARA_SPLIT = re.compile(r"\n[ \t]*\n+")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Half-open spans of the paragraphs of ``text`` (blank-line separated, trimmed)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in [*_PARA_SPLIT.finditer(text), None]:
        end = m.start() if m else len(text)
        chunk = text[pos:end]
        lstrip = len(chunk) - len(chunk.lstrip())
        rstrip = len(chunk) - len(chunk.rstrip())
        if chunk.strip():
            spans.append((pos + lstrip, end - rstrip))
        if m:
            pos = m.end()
    return spans
