"""The attribution pipeline for one document: turns (or a headline), quotations, reported speech, then speakers.

Order matters: quotations are found first and their spans passed as ``taken`` to the reported-speech
finder, so that ``"...," he said`` is not found twice; weak partial quotations are dropped
(:func:`drop_weak_partials`) and sources reaching into a turn label cleared; speakers and actors are
resolved last, over all attributions in text order (a ``he`` needs the named speakers before it).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from rhetoriclab.attribution.continuation import assemble
from rhetoriclab.attribution.cues import load_cues
from rhetoriclab.attribution.direct import analyse_quotes
from rhetoriclab.attribution.headline import find_headline
from rhetoriclab.attribution.indirect import find_indirect
from rhetoriclab.attribution.intro import find_colon_paragraphs
from rhetoriclab.attribution.quotes import Quote, find_quotes, paragraphs
from rhetoriclab.attribution.speakers import resolve_speakers
from rhetoriclab.attribution.syntax import TEXT_KEY, TokenIndex
from rhetoriclab.attribution.turns import find_turns
from rhetoriclab.documents import Document
from rhetoriclab.nlp import load_nlp
from rhetoriclab.records import Attribution

#: Partial quotations whose content has fewer words than this are dropped unless their cue carries a message
#: (see :func:`drop_weak_partials`).
MIN_PARTIAL_WORDS = 5
#: Cue stances after which even a quoted word or two is the message (``warned of "serious consequences"``).
MESSAGE_STANCES = frozenset({"warning", "threat", "appeal", "promise", "offer", "reject"})


@dataclass
class Extraction:
    """Everything found in one document, including the quotations nobody could be found for."""

    attributions: list[Attribution]
    unattributed: list[Quote] = field(default_factory=list)


def parse(document: Document, doc: Doc | None = None) -> Doc:
    """``doc`` checked against ``document.clean.text``, or a fresh parse of it."""
    text = document.clean.text
    if doc is None:
        return load_nlp()(text)
    if doc.text != text:
        raise ValueError(f"{document.id}: the spaCy Doc was not built on document.clean.text "
                         f"({len(doc.text)} vs {len(text)} characters)")
    return doc


def extract(document: Document, doc: Doc | None = None, registry=None) -> Extraction:
    """Attributions of ``document`` sorted by content start, plus its unattributed quotations."""
    doc = parse(document, doc)
    doc.user_data[TEXT_KEY] = document.clean.text
    try:
        return _extract(document, doc, registry)
    finally:
        doc.user_data.pop(TEXT_KEY, None)


def _extract(document: Document, doc: Doc, registry) -> Extraction:
    text = document.clean.text
    index = TokenIndex(doc)
    paras = paragraphs(text)
    turns = find_turns(doc, document.id, document.kind)
    if not turns:
        turns = find_headline(doc, document.id, paras[0] if paras else None)
    quotes = find_quotes(text)
    findings = analyse_quotes(doc, quotes, paras, index)
    quoted, unattributed = assemble(doc, document.id, findings, paras, index)
    labelled = [t.content for t in turns if t.kind == "turn"]
    intros = [a for a in find_colon_paragraphs(doc, document.id, paras, index)
              if not any(s <= a.content[0] < e for s, e in (*labelled, *(q.content for q in quoted)))]
    weak = [a for a in (*quoted, *intros) if _is_weak_short_partial(a, doc)]
    # Dropped before ``taken`` is built, so that the reported clause around a short partial quotation is found
    # (``is calling the candidate "extremely physically fit"``); a one-word quoted label stays no attribution
    # (``called them "deplorables"``).
    quoted = [a for a in (*quoted, *intros) if a not in weak]
    labels = [a.content for a in weak if len(a.content_text.split()) == 1]
    found = [*turns, *quoted]
    taken = [part for a in quoted for part in (a.meta.get("parts", []) if a.kind == "direct" else [a.content])]
    found.extend(a for a in find_indirect(doc, document.id, taken=taken)
                 if not any(s < a.content[1] and a.content[0] < e for s, e in labels))
    found = drop_weak_partials(found, doc)
    _drop_sources_in_labels(found, [a.source for a in turns if a.kind == "turn" and a.source])
    found.sort(key=lambda a: (a.content[0], -a.content[1]))
    resolve_speakers(found, doc, issuer=document.issuer, date=document.date, registry=registry)
    for a in found:
        a.meta.pop("cue_token", None)
        a.meta.pop("source_root", None)
    return Extraction(found, unattributed)


def _drop_sources_in_labels(found: list[Attribution], labels: list[tuple[int, int]]) -> None:
    """A source inside a turn's content never reaches into a speaker label (``Q    Jen, ...``)."""
    for a in found:
        if a.kind != "turn" and a.source is not None and \
                any(a.source[0] < e and s < a.source[1] for s, e in labels):
            a.source = a.source_text = None


def drop_weak_partials(found: list[Attribution], doc: Doc) -> list[Attribution]:
    """Without the partial quotations that add nothing: a quoted word or two after a cue that carries no message
    of its own (``called them "deplorables"``, ``admires a "strong leader"``: more often a label or scare quote
    than a report; fewer than :data:`MIN_PARTIAL_WORDS` words, kept after cues of warning, threat, appeal,
    promise, offer or rejection: ``warned of "serious consequences"``), and a partial quotation whose content
    lies inside another attribution's content (the outer one already reports it)."""
    spans = [a.content for a in found]
    kept = []
    for a in found:
        if a.rule.startswith("partial"):
            if _is_weak_short_partial(a, doc):
                continue
            s, e = a.content
            if any(o != a.content and o[0] <= s and e <= o[1] for o in spans):
                continue
        kept.append(a)
    return kept


def _is_weak_short_partial(a: Attribution, doc: Doc) -> bool:
    """A partial quotation of fewer than :data:`MIN_PARTIAL_WORDS` words after a cue with no message of its own."""
    return a.rule.startswith("partial") and len(a.content_text.split()) < MIN_PARTIAL_WORDS and \
        _cue_stance(a, doc) not in MESSAGE_STANCES


def _cue_stance(a: Attribution, doc: Doc) -> str | None:
    i = a.meta.get("cue_token")
    if i is None or not 0 <= i < len(doc):
        return None
    return load_cues().stance(doc[i].lemma_.lower())


def extract_attributions(document: Document, doc: Doc | None = None, registry=None) -> list[Attribution]:
    """Who said what in ``document``: turns, direct and mixed quotations, reported speech, sorted by content start.

    ``doc`` is the spaCy parse of ``document.clean.text`` (parsed here if None); spans are offsets into
    that text (``Document.source_span`` maps them to the file). ``registry`` is an actor registry
    (default: :func:`rhetoriclab.actors.default_registry` when installed).
    """
    return extract(document, doc, registry).attributions
