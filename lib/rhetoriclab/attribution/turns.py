"""Speaker turns in transcripts: ``MS. PSAKI:`` / ``Q`` (White House briefings) and
``President of Russia Vladimir Putin:`` (Kremlin transcripts, one line with `` * * * `` breaks).

A turn runs from its label to the next label, a `` * * * `` section break, a closing ``END`` line or
the end of the text. Upper-case labels must open a paragraph; title-case labels (``Dmitry Peskov:``)
may stand anywhere but must name a person the parser recognises or occur at least twice, so that
``Agenda for Sustainable Development: ...`` is not taken for a speaker; they are only looked for in
transcripts (kind ``transcript``). In news articles (kind ``news``) upper-case turns are only accepted when
at least :data:`MIN_NEWS_TURNS` labels occur. A ``Q`` turn has no speaker (role ``press (question)``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc

from rhetoriclab.attribution.syntax import text_of
from rhetoriclab.records import Attribution

#: ``MS. PSAKI:``, ``THE PRESIDENT:``, ``SECRETARY BLINKEN:``, ``Q`` at the start of a paragraph.
CAPS_LABEL = re.compile(r"(?m)^[ \t]*(?P<label>Q(?=[:\s])|(?:[A-Z][A-Z'\-]*\.? ){0,4}[A-Z][A-Z'\-]+\.?)"
                        r"[ \t]*(?::|(?<=Q)[ \t]+|(?<=Q)$)")
#: ``Vladimir Putin:`` / ``President of Russia Vladimir Putin:`` (a title-case name before a colon).
TITLE_LABEL = re.compile(r"(?P<name>(?<![\w'\-])(?:[A-Z][\w'\-]+ ){1,3}[A-Z][\w'\-]+):[ \t]+(?=\S)")
_TITLE_WORD = re.compile(r"(?:[A-Z][\w'.\-]*|of|the|and|for|on)$")
_BREAK = re.compile(r"(?m)\s\*\s\*\s\*\s|^[ \t]*END\b")
MIN_NEWS_TURNS = 3
_NOT_LABELS = frozenset({"END", "NOTE", "EST", "EDT", "P.M.", "A.M.", "UPDATE", "CORRECTION"})


@dataclass(frozen=True)
class Turn:
    label: tuple[int, int]
    content: tuple[int, int]


def find_turns(doc: Doc, doc_id: str, kind: str = "transcript") -> list[Attribution]:
    """Attributions of kind ``turn``: source = the label as written, content = what follows it."""
    text = text_of(doc)
    return [
        Attribution(doc_id=doc_id, kind="turn", content=t.content, content_text=text[t.content[0]:t.content[1]],
                    source=t.label, source_text=text[t.label[0]:t.label[1]], rule="turn-label",
                    role="press (question)" if text[t.label[0]:t.label[1]] == "Q" else None,
                    meta={"parts": [t.content]})
        for t in turns(text, kind, _person_starts(doc))
    ]


def _person_starts(doc: Doc) -> set[int]:
    """End offsets of PERSON entities (a title-case label must end in one)."""
    return {e.end_char for e in doc.ents if e.label_ == "PERSON"}


def turns(text: str, kind: str = "transcript", person_ends: set[int] | None = None) -> list[Turn]:
    """The turns of ``text`` (label span, content span), in order."""
    labels: list[tuple[int, int, int]] = []  # label start, label end, content start
    for m in CAPS_LABEL.finditer(text):
        s, e = m.span("label")
        word = text[s:e]
        if word.strip(".") in _NOT_LABELS or (word != "Q" and len(word.replace(".", "").replace(" ", "")) < 2):
            continue
        labels.append((s, e, m.end()))
    if kind == "news" and len(labels) < MIN_NEWS_TURNS:
        labels = []
    if kind == "transcript":
        labels.extend(_title_labels(text, person_ends or set()))
    labels.sort()
    out: list[Turn] = []
    for k, (s, e, c) in enumerate(labels):
        stop = labels[k + 1][0] if k + 1 < len(labels) else len(text)
        brk = _BREAK.search(text, c, stop)
        if brk:
            stop = brk.start()
        content = _strip(text, c, stop)
        if content[1] > content[0]:
            out.append(Turn((s, e), content))
    return out


def _title_labels(text: str, person_ends: set[int]) -> list[tuple[int, int, int]]:
    found = []
    for m in TITLE_LABEL.finditer(text):
        s, e = m.span("name")
        # Extend left over a title: "President of Russia Vladimir Putin", "Presidential Press Secretary ...".
        words = text[:s].split(" ")
        start = s
        for take, w in enumerate(reversed(words[:-1] if words and words[-1] == "" else words)):
            if take >= 6 or not w or not _TITLE_WORD.match(w) or w.endswith((".", ",", ":", ";")):
                break
            start -= len(w) + 1
        while text[start:s].split(" ", 1)[0] in ("of", "the", "and", "for", "on"):
            start += len(text[start:s].split(" ", 1)[0]) + 1
        found.append((start, e, m.end(), text[s:e]))
    counts = Counter(name for *_, name in found)
    return [(s, e, c) for s, e, c, name in found if e in person_ends or counts[name] >= 2]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
