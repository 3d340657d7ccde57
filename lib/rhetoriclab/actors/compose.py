"""Actors built from the words of a mention when no registry entry names it whole.

* ``<demonym|state> <title> <Name>``: "Haitian President Jean-Bertrand Aristide" -> HTI, GOV (a person);
* ``<Title> <Name> of <State>`` and ``<State>'s <Title> <Name>``: "King Hassan of Morocco" -> MAR, GOV;
* a title gives the sector a registry person lacks ("Chancellor Helmut Kohl" when Phoenix has him as a former
  official);
* ``the <Name|demonym|state> administration/government/cabinet``: "the Bush administration" -> USA, GOV; a bare
  surname is read as a leader's through the registry's dated government roles ("the Yeltsin government");
* an agent with a sector but no state ("Kurdish rebels", "the police") is a *nominal* actor: its text, an empty
  code and the sector (:func:`nominal`), so a stance can keep who acted without guessing a state.

The word lists are in ``data/actors/compose.yaml``; sectors of titles and heads come from
:func:`rhetoriclab.actors.sectors.sector_for`.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

import yaml

from rhetoriclab.actors.sectors import sector_for
from rhetoriclab.records import Actor

if TYPE_CHECKING:
    from rhetoriclab.actors.registry import ActorMatch, ActorMention, ActorRegistry

_WORD = re.compile(r"\w+(?:[.'\u2019&-]\w+)*\.?")


@cache
def _words() -> dict[str, frozenset[str]]:
    data = yaml.safe_load((files("rhetoriclab") / "data" / "actors" / "compose.yaml").read_text(encoding="utf-8"))
    return {k: frozenset(str(w).lower() for w in data.get(k) or []) for k in ("governing_bodies", "title_modifiers")}


def governing_bodies() -> frozenset[str]:
    return _words()["governing_bodies"]


def title_span(words: list[str]) -> tuple[int, int, str] | None:
    """(start, end, sector) of the longest title among ``words``, the first of equal length ("Defence Secretary"
    -> GOV, "General" -> MIL), or None."""
    lowered = [w.lower().rstrip(".") for w in words]
    best: tuple[int, int, str] | None = None
    for i in range(len(lowered)):
        for n in (3, 2, 1):
            if i + n > len(lowered):
                continue
            sector = sector_for(" ".join(lowered[i:i + n]))
            if sector and (best is None or n > best[1] - best[0]):
                best = (i, i + n, sector)
                break
    return best


def title_sector(words: list[str]) -> str | None:
    """The sector of the longest title among ``words``."""
    span = title_span(words)
    return span[2] if span else None


def _with(match: ActorMatch, *, sector: str | None = None, kind: str | None = None, name: str | None = None,
          role: str | None = None, code: str | None = None) -> ActorMatch:
    from rhetoriclab.actors.registry import ActorMatch

    a = match.actor
    actor = Actor(code if code is not None else a.code, a.org, sector if sector is not None else a.sector,
                  name if name is not None else a.name)
    return ActorMatch(actor, kind or match.kind, name or match.name, role if role is not None else match.role,
                      match.gender)


_AFFILIATIONS = ("state", "demonym", "place", "org")


def _title_at(words: list[str], modifiers: frozenset[str]) -> tuple[int, int, str] | None:
    """A title that starts ``words``, after optional modifiers ("Deputy Foreign Minister", "former President")."""
    span = title_span(words)
    if span is None or not all(w.lower().rstrip(".") in modifiers for w in words[:span[0]]):
        return None
    return span


def compose(registry: ActorRegistry, text: str, mentions: list[ActorMention], date: dt.date | None
            ) -> ActorMatch | None:
    """An actor built from ``text`` and the registry mentions found in it, or None when no rule applies.

    Rules (see the module doc): the government of a leader or state; ``<affiliation> <title> [<Name>]`` where the
    affiliation (a state, demonym or organisation) opens the phrase and the title follows it; ``<title> <Name>
    of <State>`` closing the phrase; a title before a registry person who lacks a sector.
    """
    spans = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    if not spans:
        return None
    words = [w for _, _, w in spans]
    head = words[-1].lower().rstrip(".")
    modifiers = _words()["title_modifiers"]

    if head in governing_bodies():  # "the Bush administration", "the Polish government"
        owner = next((m for m in mentions if m.match.kind == "person"), None) or next(
            (m for m in mentions if m.match.kind in (*_AFFILIATIONS, "office")), None)
        if owner is not None and owner.match.actor.code:
            return _with(owner.match, sector="GOV", kind="office", name=" ".join(text.split()), role=None)
        surname = next((w for w in reversed(words[:-1]) if w[:1].isupper() and w.lower() != "the"), None)
        leader = registry.leader(surname, date) if surname else None
        if leader is not None:
            return _with(leader, sector="GOV", kind="office", name=" ".join(text.split()), role=None)
        return None
    if not mentions:
        return None

    first_word = 1 if words[0].lower() == "the" and len(spans) > 1 else 0
    lead = mentions[0]
    people = [m for m in mentions if m.match.kind == "person"]
    # <affiliation> <title> [<Name>]: "Haitian President Jean-Bertrand Aristide", "U.N. mediator Diego Cordovez"
    if lead.start == spans[first_word][0] and lead.match.kind in _AFFILIATIONS and lead.match.actor.code:
        after = [(s, w) for s, _, w in spans if s >= lead.end]
        title = _title_at([w for _, w in after], modifiers)
        if title is not None:
            rest = after[title[1]:]
            person = next((m for m in people if m.start >= (rest[0][0] if rest else len(text))), None)
            name = person.match.name if person else " ".join(w for _, w in rest if w[:1].isupper())
            if name:
                return _with(lead.match, sector=title[2], kind="person", name=name, role=None)
            return _with(lead.match, sector=title[2])
    # <Title> <Name> of <State>: "King Hassan of Morocco", "Foreign Minister Ali Akbar Velayati of Iran"
    last = mentions[-1]
    before_last = [w for s, _, w in spans if s < last.start]
    if (last.match.kind in ("state", "demonym", "place") and last.end >= len(text.rstrip(" .,'’s"))
            and before_last and before_last[-1].lower() == "of"):
        title = _title_at(before_last[first_word:-1], modifiers)
        if title is not None:
            inner = before_last[first_word:-1][title[1]:]
            person = next((m for m in people if m.start < last.start), None)
            name = person.match.name if person else " ".join(w for w in inner if w[:1].isupper())
            return _with(last.match, sector=title[2], kind="person" if name else last.match.kind,
                         name=name or None, role=None)
    # <title> <registry person without a sector>: "Chancellor Helmut Kohl" where the registry has no role then
    if people and people[-1].match.actor.sector is None:
        person = people[-1]
        title = _title_at([w for s, _, w in spans[first_word:] if s < person.start], modifiers)
        if title is not None:
            return _with(person.match, sector=title[2])
    return None


def refine(match: ActorMatch, text: str) -> ActorMatch:
    """A match the registry found for ``text`` as a whole, given the role its words state: "the Bush
    administration" is a government (office, GOV), "President Prosper Avril" a person in government even where
    the registry has no role for the date."""
    words = _WORD.findall(text)
    if not words:
        return match
    if words[-1].lower().rstrip(".") in governing_bodies() and match.kind in ("person", "state", "demonym", "place"):
        return _with(match, sector="GOV", kind="office", name=" ".join(text.split()), role=None)
    if match.kind == "person" and match.actor.sector is None:
        names = {w.lower() for w in _WORD.findall(match.name)}
        title = title_span([w for w in words if w.lower() not in names])
        if title:
            return _with(match, sector=title[2])
    return match


def nominal(text: str, *, head: str | None = None) -> ActorMatch | None:
    """A nominal actor for an agent phrase with no state ("Kurdish rebels" -> code ``""``, sector REB), else None.

    The head's sector, unless the head is a generic government word (leaders, officials) and a modifier has a
    sector of its own ("opposition leaders" -> OPP, "rebel commanders" -> MIL stays the head's)."""
    from rhetoriclab.actors.registry import ActorMatch

    words = [w.lower().rstrip(".") for w in _WORD.findall(text)]
    if not words:
        return None
    last = (head or words[-1]).lower()
    sector = (sector_for(" ".join(words[-2:])) if len(words) > 1 else None) or sector_for(last)
    if sector == "GOV":
        sector = next((s for s in (sector_for(w) for w in words[:-1]) if s and s != "GOV"), sector)
    if sector is None:
        return None
    surface = " ".join(text.split())
    return ActorMatch(Actor("", None, sector, surface), "nominal", surface)
