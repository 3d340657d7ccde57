"""Who reports a stance, and whether the reporter speaks in its own voice.

The reporter of an event cue is the speaker of the quotation whose content holds the cue (any attribution kind:
direct, indirect, mixed, transcript turn), else the issuer of the document (the Kremlin, the White House, the
speaker of a UN speech), else nobody (news narration: the outlet is not an actor). A stance is in the reporter's
own voice when the reporter performs it in speaking: in the first person ("we warn", "I call on", "we will
provide"), or a speaker naming its own state or organisation ("Russia will respond" said by Russia's president,
"Viet Nam supports ..." in Viet Nam's speech). A release that narrates its own principal in the third person
("Vladimir Putin held talks with ...") reports the act: the issuer writes, the president acted.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from rhetoriclab.actors import ActorMatch, ActorRegistry
from rhetoriclab.records import Attribution
from rhetoriclab.stances.roles import FIRST_PERSON, Role

#: Pronouns that can stand for a quotation's speaker in reported speech, by what the speaker is.
PRONOUNS_FOR = {"he": ("person",), "she": ("person",), "it": ("state", "org", "office", "place"),
                "they": ("group",)}


@dataclass(frozen=True)
class Reporter:
    """Who reports one cue: a role (text, span, resolved actor) or None, and where the cue stands."""

    role: Role | None
    in_quote: bool = False
    content: tuple[int, int] | None = None
    span: tuple[int, int] | None = None
    attribution_index: int | None = None
    attribution_kind: str | None = None
    issuer: bool = False
    #: The reporter speaks these words (a quotation, a speech), rather than narrating them (a release).
    speaks: bool = False


def _speaker_role(att: Attribution) -> Role:
    s, e = att.source or (att.content[0], att.content[0])
    text = att.source_text or att.speaker or ""
    match = ActorMatch(att.actor, "person", att.speaker or "") if att.actor is not None else None
    return Role(text, s, e, match)


def reporter_of(cue_start: int, sent: Span, attributions: list[Attribution], issuer: ActorMatch | None,
                issuer_name: str | None, kind: str | None = None) -> Reporter:
    """The reporter of a cue at char ``cue_start`` in ``sent`` (see the module docstring)."""
    for i, a in enumerate(attributions):
        if a.content[0] <= cue_start < a.content[1]:
            role = _speaker_role(a)
            if role.match is None and issuer is not None and role.text.lower() in FIRST_PERSON:
                role = Role(role.text, role.start, role.end, issuer)  # "we are announcing ..." in a release
            return Reporter(role, True, a.content, a.source, i, a.kind, speaks=True)
    index = next((i for i, a in enumerate(attributions)
                  if a.cue and sent.start_char <= a.cue[0] < sent.end_char), None)
    if issuer is not None:
        return Reporter(Role(issuer_name or issuer.name, 0, 0, issuer), attribution_index=index, issuer=True,
                        speaks=kind == "speech")
    return Reporter(None, attribution_index=index)


def same_actor(a: ActorMatch | None, b: ActorMatch | None) -> bool:
    """Do two resolved actors speak for the same state or organisation?"""
    if a is None or b is None:
        return False
    return (a.actor.code, a.actor.org) == (b.actor.code, b.actor.org) and bool(a.actor.code)


def speaker_kind(role: Role, registry: ActorRegistry | None = None) -> str:
    """What a speaker is, for pronoun agreement: person, state/org/office, or group (a plural noun phrase)."""
    words = role.text.split()
    if words and words[-1].lower().endswith("s") and words[-1][:1].islower():
        return "group"  # "officials", "European diplomats"
    if registry is not None and role.text:
        found = registry.lookup(role.text)
        if found is not None:
            return found.kind
    return role.match.kind if role.match is not None else "person"


def pronoun_refers_to(pronoun: Token, reporter: Reporter, registry: ActorRegistry | None = None) -> Role | None:
    """The speaker a subject pronoun stands for in reported speech ("Switzerland said it had expelled ..."), or
    None: only in indirect or mixed quotations, only when the pronoun fits what the speaker is."""
    if not reporter.in_quote or reporter.attribution_kind not in ("indirect", "mixed") or reporter.role is None:
        return None
    kinds = PRONOUNS_FOR.get(pronoun.lower_)
    if kinds is None or reporter.role.match is None:
        return None
    return reporter.role if speaker_kind(reporter.role, registry) in kinds else None


def holds_title(subject: Token, issuer: Role | None) -> bool:
    """Is the subject a bare title the issuer holds ("The President" in a release of the President of Ukraine,
    "the Head of State")? The issuer's own principal is meant; any other title stays unresolved."""
    if issuer is None or issuer.match is None:
        return False
    words = [t.lower_ for t in subject.subtree if t.dep_ != "det"]
    if not words or any(t.pos_ == "PROPN" and t.i != subject.i for t in subject.subtree) or len(words) > 3:
        return False
    title = " ".join(words)
    return title == "head of state" or title in issuer.text.lower().split(" of ")[0]
