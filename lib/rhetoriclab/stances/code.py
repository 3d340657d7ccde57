"""Stance coding: source actor -> PLOVER event -> target actor, with the qualities of the language.

:class:`DictionaryCoder` is the default :class:`StanceCoder`: event cues from the YAML dictionaries
(``data/stances/events.yaml``) found over the dependency parse (:mod:`rhetoriclab.stances.events`), actors
from the parse and the actor registry (:mod:`rhetoriclab.stances.roles`). A statistical coder can be added
behind the same ``code(document, doc, attributions)`` interface.
"""

from __future__ import annotations

import math
from typing import Protocol

from spacy.tokens import Doc, Span

from rhetoriclab.actors import ActorMatch, ActorRegistry, default_registry
from rhetoriclab.documents import Document
from rhetoriclab.nlp import load_nlp
from rhetoriclab.records import Attribution, Stance
from rhetoriclab.stances import modifiers as m
from rhetoriclab.stances.events import EventCue, sentence_events
from rhetoriclab.stances.goldstein import goldstein
from rhetoriclab.stances.lexicon import EventLexicon, ModifierLexicon, load_event_lexicon, load_modifier_lexicon
from rhetoriclab.stances.roles import (
    FIRST_PERSON,
    Role,
    actors_after,
    is_agentive,
    role_of,
    subject_of,
    subtree_role,
    target_candidates,
)
from rhetoriclab.stances.tone import tone


class StanceCoder(Protocol):
    """Anything that turns a parsed document (and its attributions) into stance records."""

    def code(self, document: Document, doc: Doc, attributions: list[Attribution]) -> list[Stance]: ...


def _covering(attributions: list[Attribution], start: int, end: int, cue: int) -> int | None:
    """Index of the attribution behind a cue at ``cue`` in the sentence ``[start, end)``: the one whose content
    holds the cue, else the one whose content holds the sentence, else the one whose cue lies in the sentence."""
    for i, a in enumerate(attributions):
        if a.content[0] <= cue < a.content[1]:
            return i
    for i, a in enumerate(attributions):
        if a.content[0] <= start and end <= a.content[1]:
            return i
    for i, a in enumerate(attributions):
        if a.cue and start <= a.cue[0] < end:
            return i
    return None


def _speaker_role(att: Attribution | None) -> Role | None:
    if att is None or att.actor is None:
        return None
    s, e = att.source or (att.content[0], att.content[0])
    return Role(att.source_text or att.speaker or "", s, e, ActorMatch(att.actor, "person", att.speaker or ""))


def _in_content(cue: EventCue, att: Attribution | None) -> bool:
    """Is the cue inside what the attribution reports (so the speaker stands behind it)?"""
    return att is not None and att.content[0] <= cue.token.idx < att.content[1]


def _is_speech(cue: EventCue, att: Attribution) -> bool:
    """Is the cue the attribution's own reporting verb ("X warned that ...")?"""
    return att.cue is not None and att.cue[0] <= cue.token.idx < att.cue[1]


#: Document kinds written in the issuer's own voice: outside quotations, "we" is the issuer.
SPOKEN_KINDS = frozenset({"speech", "statement"})


class DictionaryCoder:
    """Dictionary and dependency-pattern stance coder (the default)."""

    _document_speaker: Role | None = None

    def __init__(self, registry: ActorRegistry | None = None, events: EventLexicon | None = None,
                 modifiers: ModifierLexicon | None = None):
        self.registry = registry or default_registry()
        self.events = events or load_event_lexicon()
        self.modifiers = modifiers or load_modifier_lexicon()

    def code(self, document: Document, doc: Doc, attributions: list[Attribution]) -> list[Stance]:
        out: list[Stance] = []
        self._document_speaker = self._speaker_of(document)
        self._sentence_words: dict[tuple[int, int], tuple[list[str], list[str]]] = {}
        for sent in doc.sents:
            for cue in sentence_events(sent, self.events, self.modifiers):
                out.extend(self._stances(document, sent, cue, attributions))
        return out

    def _hedges_boosters(self, sent: Span) -> tuple[list[str], list[str]]:
        """Hedging and boosting words of a sentence (worked out once per sentence, shared by its stances)."""
        key = (sent.start, sent.end)
        if key not in self._sentence_words:
            tokens = list(sent)
            self._sentence_words[key] = (m.count_words(tokens, self.modifiers.hedging),
                                         m.count_words(tokens, self.modifiers.boosting))
        return self._sentence_words[key]

    def _speaker_of(self, document: Document) -> Role | None:
        """The speaker of a speech or statement as a whole: its own words (outside quotations) are the speaker's."""
        if document.kind not in SPOKEN_KINDS:
            return None
        match = self.registry.speaker_of(document)
        if match is None:
            return None
        name = document.speaker if isinstance(document.speaker, str) and document.speaker else document.issuer
        return Role(str(name), 0, 0, match)

    # -- one event cue -> one stance per target ------------------------------------------------
    def _source(self, cue: EventCue, sent: Span, att: Attribution | None, date) -> tuple[Role | None, Role | None]:
        """(source, subject-as-target) for a cue.

        In order: a first-person subject inside a quotation is the speaker; a subject that names an actor (the
        phrase, else any actor inside it: "Opposition groups in Zimbabwe") is the source, unless its head names
        an act rather than an actor ("NATO's expansion will infringe ..."), when the speaker is the source and the
        actor inside the subject is the target; then the speaker (for a material act only when the subject is
        "we"/"I": a speaker who reports a war did not wage it); then the last actor named before the cue, or
        (for an unresolved subject) the first state or organisation named after it.
        """
        subj = subject_of(cue.anchor)
        speaker = _speaker_role(att) if _in_content(cue, att) else None
        if speaker is None and (att is None or att.kind != "turn"):
            speaker = self._document_speaker
        if cue.subject_is_target:
            target = role_of(subj, self.registry, date) if subj is not None else None
            if target is not None and target.match is None and subj is not None:
                target = subtree_role(subj, self.registry, date) or target
            return speaker, target
        if subj is not None and subj.lower_ not in FIRST_PERSON:
            role = role_of(subj, self.registry, date)
            if role.match is None and subj.pos_ != "PRON":
                role = subtree_role(subj, self.registry, date) or role
            if role.match is not None:
                if is_agentive(subj) or speaker is None:
                    return role, None
                return speaker, role  # "NATO's expansion will infringe upon security" (Lavrov -> NATO)
        # "we", or "it"/"they" in reported speech ("Switzerland said it had expelled ..."): the speaker acts
        first_person = subj is not None and (subj.lower_ in FIRST_PERSON or (
            subj.lower_ in ("he", "she", "it", "they") and _in_content(cue, att)))
        if speaker is not None and (first_person or not self.events.quad(cue.event).startswith("material")):
            return speaker, None
        if speaker is not None:
            return None, None  # "the war has caused suffering", says X: X reports the act, X did not do it
        # the sentence that carries the cue ("X said ..."): the speaker, unless the cue is an act of someone else
        if att is not None and att.actor is not None and (
                cue.kind not in ("verbs", "phrases") or subj is None or _is_speech(cue, att)):
            return _speaker_role(att), None
        exclude = att.source if att is not None and att.source else None
        named = actors_after(sent, sent.start_char, self.registry, date, exclude)
        if subj is not None and subj.pos_ != "PROPN":
            return None, None  # "some foreign policy analysts warn ...": an actor we cannot place
        before = [r for r in named if r.end <= cue.anchor.idx]
        if before:
            return before[-1], None
        # An actor we cannot resolve ("President Yoweri Museveni banned Ugandan opposition candidates"): code it,
        # as PLOVER coders do, by the state the sentence names after the cue.
        after = [r for r in named if r.start >= cue.token.idx + len(cue.token) and r.match.kind != "person"]
        return (after[0] if after and subj is not None and subj.pos_ != "PRON" else None), None

    def _targets(self, cue: EventCue, sent: Span, source: Role | None, att: Attribution | None, date) -> list[Role]:
        """Objects of the cue that name actors; for a conditional threat without one, the actor of the condition
        ("if Russia decides to pursue confrontation, there will be serious consequences" targets Russia); else the
        first actor named after the cue (other than the source and the attribution's speaker)."""
        roles = []
        for t in target_candidates(cue.anchor, cue.token):
            role = role_of(t, self.registry, date)
            if role.match is None and t.dep_ == "nsubjpass":  # "a refugee camp in Ukraine was attacked"
                role = subtree_role(t, self.registry, date) or role
            roles.append(role)
        found = [r for r in roles if r.match is not None]
        src_code = source.match.actor.code if source and source.match else None
        if not found and cue.event == "THREATEN" and cue.condition is not None:
            subj = subject_of(cue.condition)
            role = role_of(subj, self.registry, date) if subj is not None else None
            if role is not None and role.match is not None and role.match.actor.code != src_code:
                found = [role]
        if not found:
            agent = subject_of(cue.anchor)
            at_agent = agent is not None and agent.idx <= (source.start if source else -1) < agent.idx + len(agent) + 1
            own = source is not None and (source.end <= cue.token.idx or at_agent)
            excluded = [span for span in (att.source if att is not None else None,
                                          (source.start, source.end) if own else None) if span]
            after = [r for r in actors_after(sent, cue.token.idx, self.registry, date)
                     if not any(s <= r.start < e for s, e in excluded)]
            found = [r for r in after if r.match.actor.code != src_code][:1] or after[:1]
        unique: dict[tuple, Role] = {}
        for r in found:
            key = (r.match.actor.code, r.match.actor.org)
            unique.setdefault(key, r)
        return list(unique.values())

    def _stances(self, document: Document, sent: Span, cue: EventCue, attributions: list[Attribution]):
        date = document.date
        idx = _covering(attributions, sent.start_char, sent.end_char, cue.token.idx)
        att = attributions[idx] if idx is not None else None
        source, subject_target = self._source(cue, sent, att, date)
        targets = [subject_target] if subject_target is not None and subject_target.match else []
        targets = targets or self._targets(cue, sent, source, att, date)
        # the tone of what the stance says: the sentence, cut to the quotation when it carries one
        content = sent.text
        if _in_content(cue, att):
            s0, e0 = max(att.content[0], sent.start_char), min(att.content[1], sent.end_char)
            content = document.clean.text[s0:e0]
        polarity, subjectivity = tone(content)
        score = goldstein(cue.event, cue.mode, self.events)
        hedges, boosts = self._hedges_boosters(sent)
        quad = self.events.quad(cue.event)
        base = {
            "doc_id": document.id, "event": cue.event, "quad": quad, "mode": cue.mode,
            "source_text": source.text if source else None, "source": source.match.actor if source and source.match
            else None, "negated": cue.negated, "conditional": bool(cue.conditional),
            "goldstein": None if math.isnan(score) else score, "polarity": polarity, "subjectivity": subjectivity,
            "hedging": len(hedges), "boosting": len(boosts), "cue": (cue.token.idx, cue.token.idx + len(cue.token)),
            "cue_text": cue.token.text, "sentence": (sent.start_char, sent.end_char),
            "evidence": tuple(cue.evidence), "attribution_index": idx,
            "meta": {"rule": cue.rule or cue.kind, "hedges": hedges, "boosters": boosts,
                     "source_span": (source.start, source.end) if source else None},
        }
        if not targets:
            return [Stance(target_text=None, target=None, **base)]
        return [Stance(target_text=t.text, target=t.match.actor, **{**base, "meta": {**base["meta"],
                       "target_span": (t.start, t.end)}}) for t in targets]


def code_stances(document: Document, doc: Doc | None = None, attributions: list[Attribution] | None = None,
                 coder: StanceCoder | None = None) -> list[Stance]:
    """Stances of one document, main stance of each sentence first (parses and extracts attributions if needed)."""
    if doc is None:
        doc = load_nlp()(document.clean.text)
    if attributions is None:
        from rhetoriclab.attribution import extract_attributions

        attributions = extract_attributions(document, doc)
    return (coder or DictionaryCoder()).code(document, doc, attributions)
