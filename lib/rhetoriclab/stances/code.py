"""Stance coding: who acts -> PLOVER event -> at whom, who reports it, and the qualities of the language.

:class:`DictionaryCoder` is the default :class:`StanceCoder`: event cues from the YAML dictionaries
(``data/stances/events.yaml``, with the CAMEO verb dictionary as a broader second lexicon) found over the
dependency parse (:mod:`rhetoriclab.stances.events`); actors from the clause and the actor registry
(:mod:`rhetoriclab.stances.roles`); the reporter from the attributions and the document
(:mod:`rhetoriclab.stances.voice`). A statistical coder can be added behind the same
``code(document, doc, attributions)`` interface. The coder keeps no state between calls.

Who acts is decided by the clause alone:

- the grammatical subject of the cue's predicate (the ``by`` agent of a passive), resolved through the registry;
- for an act noun ("Russia's attack", "Russian shelling", "the invasion by Russia"), the noun's own agent;
- "we"/"I" (and "our" on an act noun): the reporter; "he/she/it/they" in reported speech ("Switzerland said it
  had expelled ...") the speaker, when the pronoun fits the speaker (a person for he/she, a state or
  organisation for it, a group for they);
- otherwise nobody: a subject that names no actor we can place keeps its text with an empty code, and the
  reporter is never the default actor of an act it describes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from rhetoriclab.actors import ActorRegistry, default_registry
from rhetoriclab.documents import Document
from rhetoriclab.nlp import load_nlp
from rhetoriclab.records import Attribution, Stance
from rhetoriclab.stances import modifiers as m
from rhetoriclab.stances.confidence import confidence
from rhetoriclab.stances.events import EventCue, sentence_events
from rhetoriclab.stances.lexicon import EventLexicon, ModifierLexicon, load_event_lexicon, load_modifier_lexicon
from rhetoriclab.stances.roles import (
    FIRST_PERSON,
    Role,
    actors_after,
    is_agentive,
    noun_agent,
    quantified,
    reachable_partner,
    role_of,
    subject_of,
    subtree_role,
    target_candidates,
)
from rhetoriclab.stances.scheme import plover_score
from rhetoriclab.stances.tone import tone
from rhetoriclab.stances.voice import Reporter, holds_title, pronoun_refers_to, reporter_of, same_actor


class StanceCoder(Protocol):
    """Anything that turns a parsed document (and its attributions) into stance records."""

    def code(self, document: Document, doc: Doc, attributions: list[Attribution]) -> list[Stance]: ...


@dataclass(frozen=True)
class Actors:
    """Who acts and at whom, for one cue, with how each was found (for the record's confidence)."""

    source: Role | None
    source_rule: str
    subject_target: Role | None = None


class DictionaryCoder:
    """Dictionary and dependency-pattern stance coder (the default)."""

    def __init__(self, registry: ActorRegistry | None = None, events: EventLexicon | None = None,
                 modifiers: ModifierLexicon | None = None):
        self.registry = registry or default_registry()
        self.events = events or load_event_lexicon()
        self.modifiers = modifiers or load_modifier_lexicon()

    def code(self, document: Document, doc: Doc, attributions: list[Attribution]) -> list[Stance]:
        issuer = self.registry.speaker_of(document)
        issuer_name = next((w for w in (document.speaker, document.issuer) if isinstance(w, str) and w), None)
        out: list[Stance] = []
        for sent in doc.sents:
            cues = sentence_events(sent, self.events, self.modifiers)
            if not cues:
                continue
            tokens = list(sent)
            hedges = m.count_words(tokens, self.modifiers.hedging)
            boosts = m.count_words(tokens, self.modifiers.boosting)
            for cue in cues:
                reporter = reporter_of(cue.token.idx, sent, attributions, issuer, issuer_name, document.kind)
                out.extend(self._stances(document, sent, cue, reporter, hedges, boosts))
        return out

    # -- who acts ---------------------------------------------------------------------------------
    def _actor(self, tok: Token, date) -> Role:
        """The actor a subject phrase names: the phrase, else (for a head that can act) any actor inside it."""
        role = role_of(tok, self.registry, date)
        if role.match is None and tok.pos_ != "PRON" and is_agentive(tok):
            role = subtree_role(tok, self.registry, date) or role
        return role

    def _source(self, cue: EventCue, reporter: Reporter, date) -> Actors:
        if cue.subject_is_target:  # "Moscow will face consequences": the reporter's stance toward Moscow
            subj = subject_of(cue.anchor)
            target = self._actor(subj, date) if subj is not None else None
            if reporter.role is not None:
                return Actors(reporter.role, "reporter:recipient-verb", target)
            return Actors(None, "none", target)
        if cue.kind == "nouns" and cue.token.pos_ in ("NOUN", "PROPN") and cue.token.i != cue.anchor.i:
            agent = noun_agent(cue.token, self.registry, date, FIRST_PERSON)
            if agent == "first-person":
                return Actors(reporter.role, "first-person") if reporter.role else Actors(None, "none")
            if agent is not None:
                return Actors(agent, "noun-agent")
            if not (cue.token.dep_ in ("dobj", "attr") and cue.token.head.i == cue.anchor.i):
                return Actors(None, "none")
            # the object of its governing verb: "Israel mounted its invasion" -- the verb's subject acts
        subj = subject_of(cue.anchor)
        if subj is None:
            return Actors(None, "none")
        if subj.lower_ in FIRST_PERSON:
            return Actors(reporter.role, "first-person") if reporter.role else Actors(None, "none")
        if subj.dep_ == "expl":  # "there will be serious consequences": the reporter's own warning
            return Actors(reporter.role, "reporter:existential") if reporter.role else Actors(None, "none")
        if subj.pos_ == "PRON":
            role = pronoun_refers_to(subj, reporter, self.registry)
            return Actors(role, "pronoun:speaker") if role is not None else Actors(None, "none")
        subj = quantified(subj)  # "tens of thousands of Russian troops" -> troops
        if self._names_any_act(subj):  # an act noun as subject: "NATO's expansion will infringe ..."
            agent = noun_agent(subj, self.registry, date, FIRST_PERSON)
            if agent == "first-person":
                return Actors(reporter.role, "first-person") if reporter.role else Actors(None, "none")
            return Actors(agent, "noun-agent") if agent is not None else Actors(None, "none")
        if not is_agentive(subj) and subj.pos_ == "NOUN" and subj.tag_ == "NNS":
            # a plural noun that names people rather than an act ("Doctors from two American aid groups",
            # "Members of the Association of African Jurists"): the actor named inside the phrase places them
            # ("any action in Ukraine" is no group of people, and stays unplaced)
            inner = subtree_role(subj, self.registry, date)
            role = role_of(subj, self.registry, date)
            if inner is not None:
                return Actors(inner, "subject")
            return Actors(role, "unresolved")
        role = self._actor(subj, date)
        if role.match is None and reporter.issuer and holds_title(subj, reporter.role):
            return Actors(Role(role.text, role.start, role.end, reporter.role.match), "subject:issuer-title")
        if role.match is None:
            return Actors(role, "unresolved")  # "some foreign policy analysts": text kept, no code
        return Actors(role, "subject")

    def _names_any_act(self, tok: Token) -> bool:
        """Is the phrase headed by a noun our dictionary lists as an act of any type ("expansion" is not; "war",
        "attack", "support" are), or by a noun with an act's own agent ("NATO's expansion")?"""
        if tok.pos_ not in ("NOUN", "PROPN") or is_agentive(tok):
            return False
        return tok.lemma_.lower() in self.events.nouns or any(c.dep_ == "poss" for c in tok.children)

    def _names_an_act(self, tok: Token) -> bool:
        """Is the phrase headed by a noun our dictionary lists as a conflictual act ("aggression", "attack")?"""
        cue = self.events.nouns.get(tok.lemma_.lower())
        return cue is not None and not self.events.quad(cue.event).endswith("cooperation")

    # -- at whom -----------------------------------------------------------------------------------
    def _targets(self, cue: EventCue, sent: Span, source: Role | None, reporter: Reporter, date
                 ) -> tuple[list[Role], str]:
        """Objects of the cue that name actors; for a conditional threat without one, the actor of the condition
        ("if Russia decides to pursue confrontation, there will be serious consequences" targets Russia); else the
        first actor named after the cue (other than the source and the reporter)."""
        roles, candidates = [], []
        cooperative = self.events.quad(cue.event).endswith("cooperation")
        own_only = cue.kind == "nouns" and cue.token.pos_ in ("NOUN", "PROPN")
        for t in target_candidates(cue.anchor, cue.token, self.events.preps_for(cue.event), own_only):
            if cooperative and self._names_an_act(t):
                continue  # one cooperates with an actor, not with an act ("any Russian military aggression")
            candidates.append(t)
            role = role_of(t, self.registry, date)
            if role.match is None:  # "a refugee camp in Ukraine was attacked", "the offices of the Palestinian ..."
                inner = subtree_role(t, self.registry, date)
                if inner is not None and cooperative and not reachable_partner(
                        sent.doc, inner.start, inner.end, cue.anchor, self.events.preps_for(cue.event)):
                    inner = None  # "a response to any Russian military aggression" is not aimed at Russia
                role = inner or role
            roles.append(role)
        src_code = _code(source)
        found = [r for r in roles if r.match is not None and _code(r) != src_code]
        how = "argument"
        if not found and cue.event == "THREATEN" and cue.condition is not None:
            subj = subject_of(cue.condition)
            role = role_of(subj, self.registry, date) if subj is not None else None
            if role is not None and role.match is not None and _code(role) != src_code:
                found, how = [role], "condition"
        if not found and not own_only:
            # No actor among the arguments: the first actor named after the cue, as PLOVER coders code the state an
            # act happens to (a guess, marked ``after`` and given a low confidence). Not for an act noun, whose
            # target comes from its own arguments; for a cooperative act not an adjective ("to any Russian
            # military aggression"): one cooperates with an actor.
            excluded = [span for span in (reporter.span, (source.start, source.end) if source else None) if span]
            preps = self.events.preps_for(cue.event)
            after = [r for r in actors_after(sent, cue.token.idx + len(cue.token), self.registry, date)
                     if not any(s <= r.start < e for s, e in excluded) and _code(r) != src_code
                     and not (cooperative and not reachable_partner(sent.doc, r.start, r.end, cue.anchor, preps))]
            found, how = after[:1], "after"
        if not found:  # an actor we cannot place, named as the argument: its text is kept, its code left empty
            named = [r for r, t in zip(roles, candidates, strict=True)
                     if r.match is None and (t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "NORP"))]
            if named:
                return named[:1], "unresolved"
        unique: dict[tuple, Role] = {}
        for r in found:
            unique.setdefault(_code(r), r)
        return list(unique.values()), (how if unique else "none")

    def _stances(self, document: Document, sent: Span, cue: EventCue, reporter: Reporter,
                 hedges: list[str], boosts: list[str]) -> list[Stance]:
        date = document.date
        actors = self._source(cue, reporter, date)
        source = actors.source
        if actors.subject_target is not None and actors.subject_target.match is not None:
            targets, target_rule = [actors.subject_target], "recipient-verb"
        else:
            targets, target_rule = self._targets(cue, sent, source, reporter, date)
        content = sent.text
        if reporter.in_quote and reporter.content is not None:  # the tone of what the speaker says
            s0, e0 = max(reporter.content[0], sent.start_char), min(reporter.content[1], sent.end_char)
            content = document.clean.text[s0:e0]
        polarity, subjectivity = tone(content)
        own = source is not None and source.match is not None and (
            actors.source_rule == "first-person" or actors.source_rule.startswith("reporter")
            or (reporter.speaks and same_actor(source.match, reporter.role.match if reporter.role else None)))
        base = {
            "doc_id": document.id, "event": cue.event, "quad": self.events.quad(cue.event), "mode": cue.mode,
            "source_text": source.text if source else None,
            "source": source.match.actor if source and source.match else None,
            "negated": cue.negated, "conditional": bool(cue.conditional), "hypothetical": cue.hypothetical,
            "intent": cue.intent, "plover_score": plover_score(cue.event, cue.mode),
            "polarity": polarity, "subjectivity": subjectivity, "hedging": len(hedges), "boosting": len(boosts),
            "cue": (cue.token.idx, cue.token.idx + len(cue.token)), "cue_text": cue.token.text,
            "sentence": (sent.start_char, sent.end_char), "evidence": tuple(cue.evidence),
            "attribution_index": reporter.attribution_index,
            "reported_by_text": reporter.role.text if reporter.role else None,
            "reported_by": reporter.role.match.actor if reporter.role and reporter.role.match else None,
            "voice": "own" if own else "reported",
        }
        meta = {"rule": cue.rule or cue.kind, "cue_kind": cue.kind, "source_rule": actors.source_rule,
                "target_rule": target_rule, "hedges": hedges, "boosters": boosts,
                "source_span": (source.start, source.end) if source else None}
        if cue.kind == "cameo" and actors.source_rule in ("none", "unresolved") and target_rule not in (
                "argument", "recipient-verb"):
            return []  # a verb only the broad lexicon knows counts only with an actor as its subject or object
        recipient = self.events.types[cue.event].recipient
        score = confidence(cue.kind, actors.source_rule, target_rule, cue.hypothetical, recipient)
        if not targets:
            return [Stance(target_text=None, target=None, confidence=score, meta=meta, **base)]
        return [Stance(target_text=t.text, target=t.match.actor if t.match else None, confidence=score,
                       meta={**meta, "target_span": (t.start, t.end), "target_rule": target_rule}, **base)
                for t in targets]


def _code(role: Role | None) -> tuple | None:
    """Who a role is, for telling source and target apart: the state or organisation and, for a person or an
    office, its name (Trump and Clinton are both USA, yet one can accuse the other)."""
    if role is None or role.match is None:
        return None
    person = role.match.name if role.match.kind in ("person", "office") else None
    return (role.match.actor.code, role.match.actor.org, person)


def code_stances(document: Document, doc: Doc | None = None, attributions: list[Attribution] | None = None,
                 coder: StanceCoder | None = None) -> list[Stance]:
    """Stances of one document, main stance of each sentence first (parses and extracts attributions if needed)."""
    if doc is None:
        doc = load_nlp()(document.clean.text)
    if attributions is None:
        from rhetoriclab.attribution import extract_attributions

        attributions = extract_attributions(document, doc)
    return (coder or DictionaryCoder()).code(document, doc, attributions)
