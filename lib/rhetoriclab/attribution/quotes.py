"""Pairing quotation marks, paragraph by paragraph, with recovery from malformed text.

Works on cleaned text (``Document.clean.text``), where curly and straight double
marks are all ``"`` (two apostrophes ``''`` also count as one double mark, as
in the New York Times). Whether a mark opens or closes is read from its neighbours
(space before and a word after opens; a word or punctuation before and space or
punctuation after closes), so mismatched marks (a closing ``”`` used to open)
pair correctly. Single quotation marks are not paired: in cleaned text they
cannot be told apart from apostrophes.

News convention: a quotation that runs over several paragraphs has no closing
mark at the end of each paragraph but the last, and each continuing paragraph
opens with a mark. An odd number of marks in a paragraph is recovered from
(the unclosed quotation runs to the end of its paragraph, a stray closing mark is
ignored) and recorded in :attr:`Quote.flags`, never raised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rhetoriclab.textclean import paragraph_spans

Span = tuple[int, int]

#: Separators inside one-line transcripts (Kremlin bodies use `` * * * ``).
_BREAKS = re.compile(r"\s\*\s\*\s\*\s|(?<=[.?!\"':)])[ \t]*\n[ \t]*(?=\S)|[ \t]*\n[ \t]*(?=\")")
#: A double quotation mark; ``''`` (two apostrophes) is the New York Times' house style.
_MARK = re.compile(r'"|(?<!\')\'\'(?!\')')
_OPEN_BEFORE = set(" \t\n([{\u2014\u2013-/") | {""}
_CLOSE_AFTER = set(" \t\n.,;:!?)]}\u2014\u2013-/") | {""}
#: Quotations shorter than this many characters (inside the marks) are ignored (e.g. ``""``).
MIN_CHARS = 1


@dataclass(frozen=True)
class Quote:
    """One quotation: ``start``/``end`` include the marks; ``inner`` excludes them.

    ``closed`` is False when the quotation runs to the end of its paragraph without
    a closing mark; ``opens_paragraph`` when the opening mark is the paragraph's
    first character. ``flags`` name any recovery applied (``"unclosed"``,
    ``"stray-close"`` ...).
    """

    start: int
    end: int
    inner: Span
    paragraph: int
    closed: bool = True
    opens_paragraph: bool = False
    flags: tuple[str, ...] = field(default=())

    @property
    def span(self) -> Span:
        return (self.start, self.end)


def paragraphs(text: str) -> list[Span]:
    """Paragraph spans: blank-line separated, and split again at `` * * * `` section breaks and at single
    line breaks that end a sentence (one-paragraph-per-line files; hard-wrapped lines stay together)."""
    out: list[Span] = []
    for start, end in paragraph_spans(text):
        pos = start
        for m in _BREAKS.finditer(text, start, end):
            if text[pos:m.start()].strip():
                out.append(_trim(text, pos, m.start()))
            pos = m.end()
        if text[pos:end].strip():
            out.append(_trim(text, pos, end))
    return out


def _trim(text: str, start: int, end: int) -> Span:
    chunk = text[start:end]
    return start + len(chunk) - len(chunk.lstrip()), end - (len(chunk) - len(chunk.rstrip()))


def mark_direction(text: str, i: int, width: int = 1) -> str:
    """``"open"``, ``"close"`` or ``"either"`` for the double mark at ``text[i:i + width]``."""
    before = text[i - 1] if i > 0 else ""
    after = text[i + width] if i + width < len(text) else ""
    opens = before in _OPEN_BEFORE and after != "" and not after.isspace() and after not in ".,;:!?)]}"
    closes = before != "" and not before.isspace() and after in _CLOSE_AFTER
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def find_quotes(text: str, min_chars: int = MIN_CHARS) -> list[Quote]:
    """All double-quoted stretches of ``text``, in order, never crossing a paragraph boundary."""
    quotes: list[Quote] = []
    for p, (pstart, pend) in enumerate(paragraphs(text)):
        quotes.extend(_pair(text, p, pstart, pend, min_chars))
    return quotes


def _pair(text: str, p: int, pstart: int, pend: int, min_chars: int) -> list[Quote]:
    marks = [(m.start(), m.end() - m.start()) for m in _MARK.finditer(text, pstart, pend)]
    out: list[Quote] = []
    open_at: int | None = None
    open_width = 1
    flags: list[str] = []
    nested = False
    for i, width in marks:
        d = mark_direction(text, i, width)
        if open_at is None:
            if d == "close":
                flags.append("stray-close")
                continue
            open_at, open_width = i, width
        elif nested:
            nested = d == "open"  # the inner quotation closes (or, malformed, another one opens)
        elif d == "open" and text[open_at + open_width:i].rstrip()[-1:] in (".", "?", "!"):
            # A second opening mark after a finished sentence: the first quotation was never closed.
            out.append(_quote(text, p, pstart, open_at, i, open_width, 0, [*flags, "unclosed"]))
            flags = []
            open_at, open_width = i, width
        elif d == "open":
            nested = True  # a quotation inside the quotation (``read you the question: "As you know ..."``)
            flags.append("nested")
        else:
            out.append(_quote(text, p, pstart, open_at, i + width, open_width, width, flags))
            flags = []
            open_at = None
    if open_at is not None:
        out.append(_quote(text, p, pstart, open_at, pend, open_width, 0, [*flags, "unclosed"]))
    return [q for q in out if q.inner[1] - q.inner[0] >= min_chars]


def _quote(text: str, p: int, pstart: int, start: int, end: int, open_width: int, close_width: int,
           flags: list[str]) -> Quote:
    """A quotation from its opening mark at ``start`` to ``end`` (after the closing mark; ``close_width`` 0 when
    there is none)."""
    inner_end = end - close_width
    while inner_end > start + open_width and text[inner_end - 1].isspace():
        inner_end -= 1
    if not close_width:
        end = inner_end
    return Quote(start, end, (start + open_width, inner_end), p, bool(close_width), start == pstart, tuple(flags))
