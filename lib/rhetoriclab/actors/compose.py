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


def compose(registry: ActorRegistry, text: str, mentions: list[ActorMention], date: dt.date | None
            ) -> ActorMatch | None:
    """An actor built from ``text`` and the registry mentions found in it, or None when no rule applies."""
    spans = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    if not spans:
        return None
    words = [w for _, _, w in spans]
    head = words[-1].lower().rstrip(".")
    state_like = [m for m in mentions if m.match.kind in ("state", "demonym", "place")]
    people = [m for m in mentions if m.match.kind == "person"]

    if head in governing_bodies():  # "the Bush administration", "the Polish government"
        owner = (people or state_like or [m for m in mentions if m.match.kind in ("org", "office")] or [None])[0]
        if owner is not None and owner.match.actor.code:
            return _with(owner.match, sector="GOV", kind="office", name=text.strip(), role=None)
        surname = next((w for w in reversed(words[:-1]) if w[:1].isupper() and w.lower() != "the"), None)
        leader = registry.leader(surname, date) if surname else None
        if leader is not None:
            return _with(leader, sector="GOV", kind="office", name=text.strip(), role=None)
        return None

    covered = [(m.start, m.end) for m in mentions]
    outside = [w for s, e, w in spans if not any(cs <= s < ce for cs, ce in covered)]
    title = title_span(outside)
    if people:
        person = people[-1].match
        if person.actor.sector is None and title:  # the text's title gives the role the registry lacks
            return _with(person, sector=title[2])
        return None
    if not state_like or title is None:
        return None
    state = state_like[0]
    # a name: the capitalised words after the title that no mention covers ("Jean-Bertrand Aristide", "Hassan")
    name = [w for w in outside[title[1]:] if w[:1].isupper()]
    if name:
        return _with(state.match, sector=title[2], kind="person", name=" ".join(name), role=None)
    return _with(state.match, sector=title[2])


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
    """A nominal actor for an agent phrase with no state ("Kurdish rebels" -> code ``""``, sector REB), else None."""
    from rhetoriclab.actors.registry import ActorMatch

    words = [w for w in _WORD.findall(text)]
    if not words:
        return None
    last = (head or words[-1]).lower().rstrip(".")
    sector = sector_for(" ".join(w.lower() for w in words[-2:])) if len(words) > 1 else None
    sector = sector or sector_for(last)
    if sector is None:
        return None
    surface = " ".join(text.split())
    return ActorMatch(Actor("", None, sector, surface), "nominal", surface)
