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


#: Voices of a stance: the reporter performs the act in speaking ("we warn", "I call on", "we will provide"), or
#: reports an act of someone else (or of its own side, in the third person, as news does).
VOICES = ("own", "reported")


@dataclass
class Stance:
    """Who acts (``source``) -> PLOVER event type -> at whom (``target``), who reports it (``reported_by``),
    and the qualities of the language.

    ``source`` is the actor who performs the act, found in the clause (grammatical agent, passive by-agent,
    possessor of an act noun, "we" = the reporter); it is empty when the text names no actor we can place, never
    the reporter by default. ``reported_by`` is the speaker of the quotation the act stands in, else the issuer of
    the release or speech (None for news narration). ``voice`` is ``"own"`` when the reporter is the actor.
    """

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
    plover_score: float | None
    polarity: float
    subjectivity: float
    hedging: int
    boosting: int
    cue: Span | None
    cue_text: str | None
    sentence: Span
    evidence: tuple[str, ...] = ()
    attribution_index: int | None = None
    reported_by_text: str | None = None
    reported_by: Actor | None = None
    voice: str = "reported"
    hypothetical: bool = False
    intent: str | None = None
    confidence: float = 0.5
    meta: dict = field(default_factory=dict)
