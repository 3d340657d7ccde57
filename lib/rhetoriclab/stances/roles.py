"""Who acts and at whom: the source and target actors of an event cue, from the dependency parse.

Source: the grammatical subject of the cue's predicate (climbing through ``xcomp``/``conj`` to the clause
that has one); inside a quotation a first-person subject ("we", "I") is the speaker. Target: the objects and
prepositional objects of the predicate and of the cue noun, or the subject when the predicate is a recipient
verb ("Moscow will face serious consequences"); failing those, the first actor named after the cue in the
sentence. A phrase resolves to an actor through the actor registry (whole phrase first, then the first
actor mentioned inside it, so "Russia's plans" targets Russia).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Span, Token

from rhetoriclab.actors import ActorMatch, ActorRegistry
from rhetoriclab.actors.sectors import sector_for

SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")
OBJECTS = ("dobj", "dative", "attr", "oprd", "pobj")
FIRST_PERSON = frozenset({"i", "we", "us", "our", "my", "me"})
#: Prepositions whose object is who a stance is aimed at, when the event type does not say (the dictionary's
#: ``target_preps`` narrow them per quad family: see ``data/stances/events.yaml``).
TARGET_PREPS = frozenset({"against", "on", "to", "with", "toward", "towards", "about", "over", "for", "at", "from",
                          "upon", "into", "of", "in"})


@dataclass(frozen=True)
class Role:
    """An actor in a stance: the text that named it (with char span in the Doc) and what it resolved to."""

    text: str
    start: int
    end: int
    match: ActorMatch | None


def _phrase(tok: Token) -> Span:
    """The noun phrase a token heads, without trailing relative clauses and appositions."""
    left = tok.left_edge.i
    right = tok.i
    for child in tok.rights:
        if child.dep_ in ("compound", "flat", "nmod", "poss", "case") or (child.dep_ == "prep" and child.i == tok.i + 1
                                                                         and child.lower_ == "of"):
            right = max(right, child.right_edge.i)
    return tok.doc[left:right + 1]


def resolve(span: Span, registry: ActorRegistry, date: dt.date | None) -> ActorMatch | None:
    """The actor a phrase names: the phrase itself, else the first actor mentioned inside it."""
    text = span.text
    match = registry.lookup(text, date)
    if match is not None:
        return match
    found = registry.find(text, date)
    return found[0].match if found else None


def agent_of(verb: Token) -> Token | None:
    """The ``by`` agent of a passive verb ("was attacked by Burundian militiamen" -> militiamen)."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def subject_of(anchor: Token) -> Token | None:
    """The acting subject of the anchor's clause: the ``by`` agent of a passive, else the grammatical subject,
    climbing ``xcomp``/``conj``/``advcl`` heads."""
    if is_passive(anchor):
        agent = agent_of(anchor)
        if agent is not None:
            return agent
    t = anchor
    for _ in range(6):
        subj = next((c for c in t.children if c.dep_ in SUBJECTS), None)
        if subj is not None:
            return subj
        if t.dep_ == "acl" and t.head.pos_ in ("NOUN", "PROPN", "PRON") and t.tag_ in ("VBG", "VBN"):
            return t.head  # "forces fighting in Donbas"; not "an opportunity to extend our gratitude"
        if t.dep_ in ("xcomp", "conj", "ccomp", "advcl", "pcomp", "acomp", "prep", "pobj", "dobj") and t.head.i != t.i:
            t = t.head
            continue
        break
    return None


def passive_subject(anchor: Token) -> Token | None:
    """The patient of a passive predicate ("a camp was attacked"), a target candidate."""
    return next((c for c in anchor.children if c.dep_ == "nsubjpass"), None)


#: Head nouns that name no actor but an act or thing ("NATO's expansion", "the fact that ..."): such a subject
#: is not the stance's source, and the actor inside it (NATO) is the stance's target.
_AGENTIVE_EXTRA = frozenset({"side", "sides", "group", "groups", "country", "countries", "nation", "nations", "state",
                             "states", "alliance", "allies", "bloc", "coalition", "council", "committee", "commission",
                             "union", "organization", "organisation", "agency", "movement", "regime", "junta", "team",
                             "office", "he", "she", "they", "it", "who"})


def is_agentive(tok: Token) -> bool:
    """Can this head name someone who acts? (entity, sector head noun such as "troops", or a group noun)."""
    return (tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
            or sector_for(tok.lower_) is not None or tok.lower_ in _AGENTIVE_EXTRA)


#: Dependents that open a clause of their own: actors named there do not place the phrase's head.
CLAUSAL_DEPS = frozenset({"acl", "relcl", "advcl", "ccomp", "xcomp"})


def subtree_role(tok: Token, registry: ActorRegistry, date: dt.date | None) -> Role | None:
    """The first actor named in ``tok``'s phrase incl. its prepositions ("Opposition groups in Zimbabwe"), but not
    in a clause the phrase holds ("an opportunity to extend our gratitude to the United Nations")."""
    right = tok.i
    for child in tok.rights:
        if child.dep_ in CLAUSAL_DEPS:
            break
        right = child.right_edge.i
    span = tok.doc[tok.left_edge.i:right + 1]
    found = registry.find(span.text, date)
    if not found:
        return None
    m = found[0]
    return Role(m.surface, span.start_char + m.start, span.start_char + m.end, m.match)


def _objects(tok: Token, preps: frozenset[str] = TARGET_PREPS) -> list[Token]:
    out = []
    for c in tok.children:
        if c.dep_ in ("dobj", "dative", "oprd", "attr"):
            out.append(c)
        elif c.dep_ == "prep" and c.lower_ in preps:
            out.extend(g for g in c.children if g.dep_ == "pobj")
        elif c.dep_ == "agent":
            continue
    expanded = []
    for o in out:
        expanded.append(o)
        expanded.extend(o.conjuncts)
    for o in list(expanded):  # "threatened further action against Russia": the object's own target
        if o.pos_ == "NOUN":
            for c in o.children:
                if c.dep_ == "prep" and c.lower_ in preps and c.lower_ not in ("of", "in"):
                    expanded.extend(g for g in c.children if g.dep_ == "pobj")
    return expanded


def target_candidates(anchor: Token, cue: Token, preps: frozenset[str] = TARGET_PREPS, own_only: bool = False
                      ) -> list[Token]:
    """Objects of the predicate and of the cue noun (the cue's own arguments first); for a predicate whose subject
    is coordinated ("Blinken and Lavrov met"), the other conjuncts."""
    seen: set[int] = set()
    out: list[Token] = []
    patient = passive_subject(anchor)
    if patient is not None:  # "a camp ... was attacked by militiamen": the camp is acted upon
        seen.add(patient.i)
        out.append(patient)
    if own_only:  # an act noun: its own arguments ("sanctions against Russia"), not its governing verb's
        return [o for o in _objects(cue, preps) if o.i != cue.i]
    for tok in ([cue] if cue.i != anchor.i else []) + [anchor]:
        for o in _objects(tok, preps):
            if o.i not in seen and o.i != cue.i:
                seen.add(o.i)
                out.append(o)
    # complements of the anchor ("urged Russia to withdraw": Russia is dobj; "pushed Moscow to abide")
    for c in anchor.children:
        if c.dep_ in ("xcomp", "ccomp") and c.i not in seen:
            for o in _objects(c, preps):
                if o.i not in seen:
                    seen.add(o.i)
                    out.append(o)
    subj = next((c for c in anchor.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None:
        out.extend(c for c in subj.conjuncts if c.i not in seen)
    return out


def role_of(tok: Token, registry: ActorRegistry, date: dt.date | None) -> Role:
    span = _phrase(tok)
    return Role(span.text, span.start_char, span.end_char, resolve(span, registry, date))


def actors_after(sent: Span, position: int, registry: ActorRegistry, date: dt.date | None,
                 exclude: tuple[int, int] | None = None) -> list[Role]:
    """Actors named in ``sent`` after char ``position`` (outside ``exclude``), in text order."""
    base = sent.start_char
    out = []
    for m in registry.find(sent.text, date):
        s, e = base + m.start, base + m.end
        if s < position or (exclude and exclude[0] <= s < exclude[1]):
            continue
        out.append(Role(m.surface, s, e, m.match))
    return out


#: Dependents of an act noun that name who performs the act ("Russia's attack", "Russian shelling",
#: "U.S. sanctions"); a ``by`` phrase does too ("the invasion by Russia").
AGENT_DEPS = frozenset({"poss", "amod", "compound", "nmod"})


def noun_agent(noun: Token, registry: ActorRegistry, date: dt.date | None, first_person: frozenset[str]
               ) -> Role | str | None:
    """Who performs the act a noun names: its possessor, an actor adjective or compound, or a ``by`` phrase;
    ``"first-person"`` for "our"/"my"; None when the noun names no agent ("the war in Ukraine")."""
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ in first_person:
            return "first-person"
        if child.dep_ in AGENT_DEPS and child.i < noun.i:
            span = noun.doc[child.left_edge.i:child.i + 1] if child.dep_ == "poss" else noun.doc[child.i:child.i + 1]
            match = resolve(span, registry, date)
            if match is not None and match.kind != "place":  # "the Minsk agreements" name no agent
                return Role(span.text.removesuffix("'s").removesuffix("\u2019s"), span.start_char,
                            span.end_char, match)
        if child.dep_ == "prep" and child.lower_ == "by":
            obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if obj is not None:
                role = role_of(obj, registry, date)
                if role.match is not None:
                    return role
    return None


#: Dependencies of a mention's head that make it a modifier of another noun ("Russian" in "Russian aggression").
MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod", "npadvmod"})


def reachable_partner(doc, start: int, end: int, anchor: Token, preps: frozenset[str]) -> bool:
    """Can the actor named at ``[start, end)`` be a cooperative act's partner? Not when it only modifies another
    noun ("to any Russian military aggression"), nor when it sits in a phrase the act is merely *about*
    ("talking about the escalation ... between Russia and Ukraine"): every preposition between the mention and
    the act's predicate must be one that introduces a partner."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    if head.dep_ in MODIFIER_DEPS:
        return False
    t = head
    for _ in range(12):
        if t.i == anchor.i or t.head.i == t.i:
            return True
        if t.dep_ == "pobj" and t.head.lower_ not in preps:
            return False
        t = t.head
    return True


#: Heads that count or portion what their "of" phrase names ("tens of thousands of Russian troops").
QUANTITY_HEADS = frozenset({"ten", "hundred", "thousand", "million", "billion", "dozen", "score", "number", "majority",
                            "minority", "some", "many", "most", "all", "several", "part", "third", "half", "group",
                            "one", "two", "three", "each", "none", "rest", "bulk", "handful"})


def quantified(tok: Token) -> Token:
    """The noun a quantity head counts ("tens of thousands of troops" -> troops), else the token itself."""
    t = tok
    for _ in range(4):
        if not (t.like_num or t.lemma_.lower() in QUANTITY_HEADS):
            return t
        of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
        if obj is None:
            return t
        t = obj
    return t
