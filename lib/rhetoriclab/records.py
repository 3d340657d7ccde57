"""Record types shared by the extractors: actors, attributions and stances.

Spans inside these records are half-open character offsets into the *cleaned*
analysis text (``Document.clean.text``, the text the spaCy ``Doc`` was built
on). Tables and JSON output convert them to offsets into the original file with
``Document.source_span``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Span = tuple[int, int]

#: Attribution kinds.
ATTRIBUTION_KINDS = ("direct", "indirect", "mixed", "turn")


@dataclass(frozen=True)
class Actor:
    """Who a person, office or place speaks for.

    ``code`` is an ISO 3166-1 alpha-3 code for a state or ``"IGO"`` for an
    international organisation (then ``org`` names it, e.g. ``"NATO"``);
    ``sector`` is a CAMEO/PLOVER-style sector (GOV, MIL, LEG, ...).
    """

    code: str
    org: str | None = None
    sector: str | None = None
    name: str | None = None

    def to_json(self) -> dict:
        return {"code": self.code, "org": self.org, "sector": self.sector}


@dataclass
class Attribution:
    """Who said what: a content span, its cue and its source (speaker mention)."""

    doc_id: str
    kind: str
    content: Span
    content_text: str
    cue: Span | None = None
    cue_text: str | None = None
    source: Span | None = None
    source_text: str | None = None
    speaker: str | None = None
    actor: Actor | None = None
    role: str | None = None
    #: Why this was extracted (pattern name), for readers checking the evidence.
    rule: str = ""
    meta: dict = field(default_factory=dict)


@dataclass
class Stance:
    """Source actor -> event type -> target actor, with the qualities of the language."""

    doc_id: str
    event: str
    quad: str
    mode: str | None
    source_text: str | None
    source: Actor | None
    target_text: str | None
    target: Actor | None
    negated: bool
    conditional: bool
    goldstein: float
    polarity: float
    subjectivity: float
    hedging: int
    boosting: int
    cue: Span | None
    cue_text: str | None
    sentence: Span
    evidence: tuple[str, ...] = ()
    attribution_index: int | None = None
    meta: dict = field(default_factory=dict)
