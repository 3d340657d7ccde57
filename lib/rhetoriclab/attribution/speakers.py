"""Who a source mention refers to, within one document, and which actor they speak for.

- a name (``Mr. Blinken``, ``Lavrov``) resolves to the full name first introduced in the document
  (``Antony Blinken``), keeping the title or role written with it (``Secretary of State``);
- ``he`` / ``she`` resolves to the nearest preceding named speaker whose gender is compatible
  (known from ``Mr.`` / ``Ms.`` or earlier pronouns, else either);
- ``the President`` with no president named in the text resolves to the principal of the issuing
  office (``Document.issuer``: the Kremlin's ``President of Russia`` -> Vladimir Putin);
- turn labels (``MS. PSAKI``, ``President of Russia Vladimir Putin``) resolve like names; ``Q`` stays None;
- ``the organization`` / ``the ministry`` / ``the minister`` / ``the spokesman`` (nouns in
  ``data/attribution_patterns.yaml``) resolves to the most recent compatible actor: an organisation entity, or a
  person whose role has the noun, in the nearest preceding sentence that names any; None when two compete;
- an organisation or state written with a typo (``the United Stated``, one or two letters off a registry name)
  is the registry's actor, never a speaker copied from the typo;
- group sources (``some foreign policy analysts``, ``European diplomats``) have no speaker; they are kept as a
  group in ``meta["group"]`` (head noun, sector, and the state or organisation when one is named);
- anything else (``they``, ``officials``) stays None: never guessed.

Actors come from the actor registry (:mod:`rhetoriclab.actors`) through :func:`match_actor`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from rhetoriclab.attribution.patterns import load_patterns
from rhetoriclab.records import Actor, Attribution

HONORIFICS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "dr": None, "sen": None, "rep": None, "gen": None,
              "prof": None, "gov": None, "adm": None, "sir": "m", "lady": "f", "lord": "m", "madam": "f"}
FIRST_PERSON = frozenset({"i", "me", "my"})
#: "we" inside a turn or quotation: the speaker's state or organisation as a group, never the speaker.
FIRST_PLURAL = frozenset({"we", "us", "our"})
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
TITLE_WORDS = frozenset("""
president minister secretary ambassador senator spokesman spokeswoman spokesperson press director chairman
chairwoman chair general chancellor leader governor official adviser advisor chief head representative envoy
mayor king queen prince premier commander admiral colonel deputy foreign defense defence prime vice speaker
sen rep senate congressman congresswoman lawmaker candidate nominee officer analyst professor
""".split())  # noqa: SIM905 -- a readable word list
#: Offices whose principal speaks when a release says only "the President".
PRINCIPALS: dict[str, tuple[tuple[str, dt.date, dt.date | None], ...]] = {
    "president of russia": (("Vladimir Putin", dt.date(2012, 5, 7), None),),
    "the kremlin": (("Vladimir Putin", dt.date(2012, 5, 7), None),),
    "president of ukraine": (("Volodymyr Zelenskyy", dt.date(2019, 5, 20), None),),
    "the white house": (("Joe Biden", dt.date(2021, 1, 20), dt.date(2025, 1, 20)),
                        ("Donald Trump", dt.date(2017, 1, 20), dt.date(2021, 1, 20)),
                        ("Barack Obama", dt.date(2009, 1, 20), dt.date(2017, 1, 20))),
}
_POSSESSIVE = re.compile(r"['\u2019]s?$")


@dataclass
class Person:
    """A person named in the document: full name as first introduced, role, gender if known."""

    name: str
    role: str | None = None
    gender: str | None = None


class PeopleIndex:
    """The people a document names, found from the parser's PERSON entities, keyed by surname."""

    def __init__(self, doc: Doc):
        self.by_surname: dict[str, Person] = {}
        self.mentions: list[tuple[int, int, str]] = []
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            name = _POSSESSIVE.sub("", ent.text.strip()).strip()
            words = name.split()
            if not words or not words[-1][:1].isupper():
                continue
            key = words[-1].lower()
            person = self.by_surname.get(key)
            if person is None or (len(person.name.split()) < 2 <= len(words)):
                role, gender = _title_before(doc, ent.start)
                person = Person(name, role or _appositive(ent), gender) if person is None else \
                    Person(name, person.role or role or _appositive(ent), person.gender or gender)
                self.by_surname[key] = person
            elif person.gender is None:
                person.gender = _title_before(doc, ent.start)[1]
            self.mentions.append((ent.start_char, ent.end_char, key))

    def name(self, text: str) -> Person | None:
        """The person a written name (``Mr. Blinken``, ``LAVROV``, ``Antony Blinken``) refers to."""
        words = [w for w in re.findall(r"[\w'\-]+", _POSSESSIVE.sub("", text)) if w.lower() not in HONORIFICS]
        if not words:
            return None
        return self.by_surname.get(words[-1].lower())

    def in_span(self, start: int, end: int) -> Person | None:
        """The first person mentioned inside ``[start, end)``."""
        for s, e, key in self.mentions:
            if s >= start and e <= end:
                return self.by_surname[key]
        return None

    def with_role(self, word: str) -> Person | None:
        for p in self.by_surname.values():
            if p.role and word in p.role.lower().split():
                return p
        return None


def _title_before(doc: Doc, i: int) -> tuple[str | None, str | None]:
    """The title words written just before a name (``Secretary of State``) and a gender from ``Mr.``/``Ms.``."""
    j = i
    while j > 0:
        t = doc[j - 1]
        if t.is_title or t.is_upper or t.lower_ in ("of", "-", "the") and j - 1 > 0 and doc[j - 2].is_title:
            if t.is_sent_start and t.lower_ not in TITLE_WORDS and t.lower_.rstrip(".") not in HONORIFICS:
                break
            j -= 1
        else:
            break
    words = doc[j:i]
    gender = None
    role_words = []
    for t in words:
        low = t.lower_.rstrip(".")
        if low in HONORIFICS:
            gender = HONORIFICS[low]
        else:
            role_words.append(t)
    while role_words and role_words[0].lower_ in ("the", "of", "-"):
        role_words.pop(0)
    role = doc[role_words[0].i:role_words[-1].i + 1].text if role_words else None
    if role and not any(w.lower() in TITLE_WORDS for w in re.split(r"[\s\-]+", role)):
        role = None
    return role, gender


def _appositive(ent) -> str | None:
    for child in ent.root.children:
        if child.dep_ == "appos" and child.i > ent.root.i:
            toks = [t for t in child.subtree if not t.is_punct or t.text in ("'s", "-")]
            if toks:
                return ent.doc[toks[0].i:toks[-1].i + 1].text[:120]
    return None


def principal(issuer: str | None, date: dt.date | None = None, registry=None) -> str | None:
    """The person who speaks as ``issuer`` (``"President of Russia"`` -> ``"Vladimir Putin"``) on ``date``."""
    if not issuer:
        return None
    match = _lookup(registry, issuer, date)
    if match is not None and getattr(match, "kind", None) == "person" and getattr(match, "name", None):
        return match.name
    for name, start, end in PRINCIPALS.get(issuer.strip().lower(), ()):
        if date is None or (start <= date and (end is None or date < end)):
            return name
    return None


def resolve_speakers(attributions: list[Attribution], doc: Doc, *, issuer: str | None = None,
                     date: dt.date | None = None, registry=None) -> None:
    """Fill ``speaker``, ``role`` and ``actor`` of each attribution in place (in content order)."""
    people = PeopleIndex(doc)
    recent: list[Person] = []
    ordered = sorted(attributions, key=lambda x: x.content[0])
    for a in ordered:
        person, org = _resolve(a, doc, people, recent, issuer, date, registry, ordered)
        if person is not None:
            a.speaker = person.name
            a.role = a.role or person.role
            pron = (a.source_text or "").strip().lower()
            if pron not in FIRST_PERSON:
                recent.append(person)
            if pron in PRONOUN_GENDER and person.gender is None:
                person.gender = PRONOUN_GENDER[pron]
        if person is None and _is_group(a.source_text):
            continue  # "the U.S. and its NATO allies": several actors, none of them the speaker
        if org is not None:
            a.speaker = org
        if person is None and org is None and (a.source_text or "").strip().lower() in FIRST_PLURAL:
            inner = _enclosing(a, ordered)
            if inner is not None and inner.actor is not None:  # "we" in Mr. Putin's turn: Russia, as a group
                a.actor = inner.actor
                a.meta["group"] = {"noun": a.source_text.strip().lower(), "sector": inner.actor.sector,
                                   "code": inner.actor.code, "org": inner.actor.org, "name": inner.actor.name}
            continue
        if person is None and org is None:
            group = group_source(a, doc, registry, date)
            if group is not None:
                a.meta["group"] = group
                if group.get("code"):
                    a.actor = Actor(group["code"], group.get("org"), group["sector"], group.get("name"))
                continue
        if a.speaker is not None or a.source_text:
            match = match_actor(registry, a.speaker if person is not None else (a.source_text or a.speaker), date,
                                person=person is not None)
            if match is None and person is None and a.speaker and a.speaker != a.source_text:
                match = match_actor(registry, a.speaker, date)  # a description or typo resolved to a registry name
            if match is not None:
                _apply_match(a, match, named=person is not None or _looks_like_name(a.source_text or ""))


def _apply_match(a: Attribution, match, *, named: bool) -> None:
    """Actor, role and (for a person named in the source, or an organisation) the registry's full name."""
    a.actor = match.actor
    a.role = a.role or getattr(match, "role", None)
    kind, name = getattr(match, "kind", None), getattr(match, "name", None)
    if not name:
        return
    if kind == "person":
        if a.speaker is None and named or a.speaker is not None and _same_surname(a.speaker, name) and \
                len(name.split()) > len(a.speaker.split()):
            a.speaker = name  # "Stoltenberg" -> "Jens Stoltenberg", "MS. PSAKI" -> "Jen Psaki"
    elif a.speaker is None and kind in ("org", "office", "state"):
        a.speaker = name


def _same_surname(a: str, b: str) -> bool:
    return bool(a.split()) and bool(b.split()) and a.split()[-1].casefold() == b.split()[-1].casefold()


def _is_group(source: str | None) -> bool:
    """A coordinated source (``Mr. Putin and Mr. Biden``, ``the U.S. and its allies``) names several actors."""
    return bool(source) and re.search(r"\s(?:and|&)\s", source) is not None


def _resolve(a: Attribution, doc: Doc, people: PeopleIndex, recent: list[Person], issuer, date, registry,
             context: list[Attribution]) -> tuple[Person | None, str | None]:
    if a.source is None or not a.source_text:
        return None, None
    text = a.source_text.strip()
    low = text.lower()
    if low in ("q", "question", "audience member", "participant"):
        return None, None
    if low in FIRST_PERSON:
        # "I" inside a turn or a quotation is its speaker.
        inner = _enclosing(a, context)
        return (Person(inner.speaker, inner.role), None) if inner is not None else (None, None)
    if low in PRONOUN_GENDER:
        want = PRONOUN_GENDER[low]
        for p in reversed(recent):
            if p.gender in (None, want):
                return p, None
        return None, None
    if low in ("the president", "president", "the president of the united states"):
        # In an office's own release or transcript, "the President" is its principal; in news, the president
        # the text has named.
        name = principal(issuer, date, registry)
        if name:
            return Person(name, "President"), None
        holder = people.with_role("president")
        return (holder, None) if holder is not None else (None, None)
    p = people.in_span(*a.source) or (people.name(text) if _looks_like_name(text) else None)
    if p is not None:
        return p, None
    if (a.kind == "turn" or a.rule.startswith("quoted-turn")) and _looks_like_name(text):
        words = [w for w in text.split() if w.lower().rstrip(".") not in HONORIFICS]
        name = " ".join(w.capitalize() if w.isupper() else w for w in words)
        return Person(name, None, _honorific_gender(text)), None
    described = _definite_description(a, low, doc, people, registry, date)
    if described is not None:
        return described
    # An organisation or country speaking: the entity must end the source phrase ("the Kremlin", not "the
    # Minsk agreements").
    span = doc.char_span(*a.source, alignment_mode="expand")
    ents = [e for e in span.ents if e.label_ in ("ORG", "GPE") and e.end_char == span.end_char] if span else []
    if not ents:
        return None, None
    name = ents[0].text
    if match_actor(registry, name, date) is None:
        near = near_registry_name(registry, name)
        if near is not None:
            a.meta.setdefault("flags", []).append(f"speaker read as {near!r} (written {name!r})")
            return None, near
    return None, name


_DESCRIPTION = re.compile(r"^the\s+((?:[a-z]+\s+)?[a-z]+)$")


def _definite_description(a: Attribution, low: str, doc: Doc, people: PeopleIndex, registry, date
                          ) -> tuple[Person | None, str | None] | None:
    """``the organization`` (or ``it``) -> the organisation, ``the minister`` -> the minister named just before;
    None when no such description, ``(None, None)`` when two candidates compete or none is found."""
    patterns = load_patterns()
    m = _DESCRIPTION.match(low)
    if low in ("it", "its"):
        noun = head = low  # "it said", "its statement": an organisation, never a person
        is_person, is_org = False, True
    elif m is None:
        return None
    else:
        noun = m.group(1)
        head = noun.split()[-1]
        is_person = noun in patterns.anaphoric_person or head in patterns.anaphoric_person
        is_org = head in patterns.anaphoric_org
    if not (is_person or is_org):
        return None
    sents = [s for s in doc.sents if s.start_char < a.source[0]][-3:]
    for sent in reversed(sents):
        stop = min(sent.end_char, a.source[0])
        if is_person:
            found = {}
            for ent in sent.ents:
                if ent.label_ == "PERSON" and ent.end_char <= stop:
                    p = people.name(ent.text)
                    if p is not None and p.role and head in p.role.lower():
                        found[p.name] = p
            if found:
                return (next(iter(found.values())), None) if len(found) == 1 else (None, None)
        else:
            found_org: dict[str, str] = {}
            for ent in sent.ents:
                if ent.label_ == "ORG" and ent.end_char <= stop:
                    match = match_actor(registry, ent.text, date)
                    key = match.name if match is not None and getattr(match, "name", None) else ent.text
                    found_org[key] = key
            if found_org:
                return (None, next(iter(found_org))) if len(found_org) == 1 else (None, None)
    return None, None


def near_registry_name(registry, text: str) -> str | None:
    """The registry name ``text`` misspells by a letter or two (``the United Stated`` -> ``United States``), or
    None; only for names of at least two words and ten letters, so short names are never "corrected"."""
    registry = registry if registry is not None else default_registry()
    bare = re.sub(r"^the\s+", "", " ".join(text.split()), flags=re.IGNORECASE)
    if registry is None or len(bare.split()) < 2 or len(bare) < 10:
        return None
    close = difflib.get_close_matches(bare.casefold(), _aliases(registry), n=1, cutoff=0.9)
    if not close:
        return None
    match = registry.lookup(close[0])
    return match.name if match is not None else None


@lru_cache(maxsize=4)
def _aliases(registry) -> tuple[str, ...]:
    frame = registry.to_frame()
    return tuple(sorted({str(x).casefold() for x in frame["alias"] if len(str(x).split()) >= 2}))


def group_source(a: Attribution, doc: Doc, registry=None, date: dt.date | None = None) -> dict | None:
    """A plural group source (``some foreign policy analysts``, ``European diplomats``, ``U.S. officials``) as
    ``{"noun", "sector", "code", "org", "name"}``; the code, org and name are those of the state or organisation
    named in it (None when none is), the sector that of the head noun."""
    if a.source is None:
        return None
    span = doc.char_span(*a.source, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root = span.root
    noun = root.lower_
    sector = load_patterns().group_sectors.get(noun)
    if sector is None or root.tag_ not in ("NNS", "NNPS"):
        return None
    from rhetoriclab.actors.sectors import sector_for

    sector = sector_for(noun) or sector
    group = {"noun": noun, "sector": sector, "code": None, "org": None, "name": None}
    for tok in span:
        if tok.i == root.i or not (tok.is_title or tok.is_upper):
            continue
        match = match_actor(registry, tok.text, date)
        if match is not None and match.actor.code:
            group.update(code=match.actor.code, org=match.actor.org, name=match.name)
            break
    return group


def _enclosing(a: Attribution, context: list[Attribution]) -> Attribution | None:
    """The innermost turn or direct quotation with a speaker whose content holds ``a``'s source."""
    enclosing = [b for b in context if b is not a and b.kind in ("turn", "direct") and b.speaker and a.source
                 and b.content[0] <= a.source[0] and a.source[1] <= b.content[1]]
    return min(enclosing, key=lambda b: b.content[1] - b.content[0]) if enclosing else None


def _honorific_gender(text: str) -> str | None:
    first = text.split()[0].lower().rstrip(".") if text.split() else ""
    return HONORIFICS.get(first)


def _looks_like_name(text: str) -> bool:
    words = [w for w in text.split() if w.lower().rstrip(".") not in HONORIFICS and w.lower() != "the"]
    return bool(words) and len(words) <= 6 and all(w[:1].isupper() for w in words)


def _lookup(registry, text: str, date):
    registry = registry if registry is not None else default_registry()
    if registry is None:
        return None
    try:
        return registry.lookup(text, date)
    except (KeyError, ValueError):
        return None


def match_actor(registry, text: str | None, date: dt.date | None = None, *, person: bool = False):
    """The registry's ``ActorMatch`` for a speaker name or source mention, or None (also when no registry exists)."""
    if not text:
        return None
    registry = registry if registry is not None else default_registry()
    if registry is None:
        return None
    try:
        if person and hasattr(registry, "person"):
            m = registry.person(text, date)
            if m is not None:
                return m
        return registry.lookup(text, date)
    except (KeyError, ValueError):
        return None


def default_registry():
    """The colleague's actor registry when :mod:`rhetoriclab.actors` is installed, else None."""
    try:
        from rhetoriclab.actors import default_registry as load
    except ImportError:
        return None
    return load()


__all__ = ["Actor", "PeopleIndex", "Person", "match_actor", "principal", "resolve_speakers"]
