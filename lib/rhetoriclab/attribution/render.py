"""HTML rendering of attributions over a document's text: content, cue and source in three colours."""

from __future__ import annotations

import html
from collections.abc import Iterable

from rhetoriclab.records import Attribution

COLOURS = {"content": "#fde68a", "cue": "#fca5a5", "source": "#93c5fd"}
LEGEND = ("<div style='margin-bottom:0.5em;font-size:90%'>"
          + " ".join(f"<span style='background:{c};padding:0 4px'>{name}</span>" for name, c in COLOURS.items())
          + " &nbsp;<sup>n</sup> = attribution number in the table</div>")


def _layers(attributions: Iterable[Attribution]) -> tuple[dict[int, str], dict[int, int]]:
    """Per character: the role it plays (source and cue win over content) and attribution numbers by start."""
    role: dict[int, str] = {}
    numbers: dict[int, int] = {}
    atts = list(attributions)
    for n, a in enumerate(atts):
        pieces = a.meta.get("parts") if a.kind == "direct" else None  # a split quotation: only the quoted pieces
        for s, e in pieces or [a.content]:
            for i in range(s, e):
                role.setdefault(i, "content")
        numbers.setdefault(a.content[0], n)
    for a in atts:
        for name, span in (("cue", a.cue), ("source", a.source)):
            if span is not None:
                for i in range(*span):
                    role[i] = name
    return role, numbers


def highlight_html(text: str, attributions: Iterable[Attribution], *, start: int = 0, end: int | None = None) -> str:
    """``text[start:end]`` as HTML with every attribution's spans coloured, preceded by a legend.

    Spans are offsets into ``text`` (the cleaned text the attributions were found in); paragraphs are kept.
    """
    end = len(text) if end is None else end
    role, numbers = _layers(attributions)
    out = [LEGEND, "<div style='line-height:1.6;white-space:pre-wrap;font-family:serif'>"]
    current = None
    buf: list[str] = []

    def flush():
        if buf:
            chunk = html.escape("".join(buf))
            out.append(f"<span style='background:{COLOURS[current]}'>{chunk}</span>" if current else chunk)
            buf.clear()

    for i in range(start, end):
        r = role.get(i)
        if r != current or i in numbers:
            flush()
            current = r
            if i in numbers:
                out.append(f"<sup>{numbers[i]}</sup>")
        buf.append(text[i])
    flush()
    out.append("</div>")
    return "".join(out)
