"""HTML rendering of stances over a document's text: each cue marked with its event label and direction."""

from __future__ import annotations

import html
from collections.abc import Iterable

from rhetoriclab.charts.palette import palette
from rhetoriclab.records import Stance

#: One colour per quad class, from the project palette (rhetoriclab.charts.palette), as in every chart.
QUAD_COLOURS = dict(palette().quads)
LEGEND = ("<div style='margin-bottom:0.5em;font-size:90%'>"
          + " ".join(f"<span style='border-bottom:3px solid {c};padding:0 4px'>{q}</span>"
                     for q, c in QUAD_COLOURS.items()) + "</div>")


def _label(s: Stance) -> str:
    """``SRC→TGT EVENT/mode`` with flags (NOT negated, HYP hypothetical, IF under a condition) and the voice:
    ``own`` when the reporter performs the act, ``via X`` when X reports someone else's act."""
    src = (s.source.org or s.source.code) if s.source else "?"
    tgt = (s.target.org or s.target.code) if s.target else "?"
    flags = "".join(f" {f}" for f, on in (("NOT", s.negated), ("HYP", s.hypothetical), ("IF", s.conditional)) if on)
    mode = f"/{s.mode}" if s.mode else ""
    reporter = (s.reported_by.org or s.reported_by.code) if s.reported_by else None
    voice = " own" if s.voice == "own" else (f" via {reporter}" if reporter else "")
    return f"{src}&rarr;{tgt} {s.event}{mode}{flags}{voice}"


def highlight_stances(text: str, stances: Iterable[Stance], *, start: int = 0, end: int | None = None) -> str:
    """``text[start:end]`` as HTML: every cue underlined in its quad colour, labelled as :func:`_label` says.

    Offsets are into ``text``, the cleaned text the stances were coded on; several stances on one cue share a mark.
    """
    end = len(text) if end is None else end
    marks: dict[tuple[int, int], list[Stance]] = {}
    for s in stances:
        if s.cue and start <= s.cue[0] and s.cue[1] <= end:
            marks.setdefault(s.cue, []).append(s)
    out, pos = [], start
    for (a, b), group in sorted(marks.items()):
        if a < pos:
            continue  # overlapping cue: the first one is shown
        colour = QUAD_COLOURS.get(group[0].quad, "#999999")
        labels = "; ".join(dict.fromkeys(_label(s) for s in group))
        out.append(html.escape(text[pos:a]))
        out.append(f"<span style='border-bottom:3px solid {colour}' title='{labels}'>{html.escape(text[a:b])}"
                   f"<sup style='color:#444'>[{labels}]</sup></span>")
        pos = b
    out.append(html.escape(text[pos:end]))
    body = "".join(out).replace("\n\n", "</p><p>").replace("\n", " ")
    return f"{LEGEND}<div style='line-height:1.7'><p>{body}</p></div>"
