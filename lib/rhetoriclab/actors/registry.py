"""The actor registry: people (with dated roles), offices, organisations, states, capitals and demonyms.

Data live in CSV files under ``rhetoriclab/data/actors/`` (``states.csv``, ``organisations_offices.csv``,
``people.csv``); every state known to ``pycountry`` is added by its names. Users extend the registry with
files in the same formats (:meth:`ActorRegistry.extend`).

:func:`default_registry` also merges the Phoenix actor dictionaries of openeventdata/petrarch2 (pinned and
sha256-checked like the corpora, read from ``$RHETORICLAB_DATA_MIRROR`` or the download cache; see
:mod:`rhetoriclab.actors.phoenix`): tens of thousands of leaders with dated roles, organisations and armed
groups. Our CSVs win: a Phoenix alias that one of our entries already has is left out. Phoenix aliases match
case-insensitively but only where every word of the mention is capitalised ("Jacques Chirac", "HAMAS"), and a
one-word Phoenix alias neither at a sentence start nor when it is an English stop word or a generic noun of
the agent dictionary ("Senate", "police"). Without the dictionaries the registry works from our CSVs alone
and warns once.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

import pandas as pd
import pycountry

from rhetoriclab.actors.compose import compose, nominal, refine
from rhetoriclab.actors.phoenix import NAME_CONNECTORS
from rhetoriclab.actors.sectors import add_head_sectors, sector_for
from rhetoriclab.records import Actor

KINDS = ("person", "office", "org", "state", "place", "demonym", "nominal")
#: When one surface names several entries, the more specific kind wins.
KIND_RANK = {k: i for i, k in enumerate(KINDS)}

STATE_COLUMNS = ("code", "capital", "demonyms", "aliases")
ENTITY_COLUMNS = ("name", "aliases", "code", "org", "sector", "kind")
PEOPLE_COLUMNS = ("name", "aliases", "gender", "start", "end", "code", "org", "sector", "role")

#: Titles and honorifics stripped from a mention before it is looked up.
TITLES = re.compile(
    r"^(?:(?:mr|mrs|ms|miss|dr|sen|rep|gov|gen|lt|col|adm|amb|prof|sir|dame|lord)\.?\s+|"
    r"(?:u\.s\.|us|american|russian|ukrainian|nato|eu|un|british|french|german|chinese|former|then|deputy|vice|"
    r"acting|foreign|defen[cs]e|prime|state|press|white house|secretary|minister|president|chancellor|senator|"
    r"general|ambassador|spokesman|spokeswoman|spokesperson|secretary-general|secretary general|director|chief|"
    r"leader|speaker|governor|envoy|adviser|advisor|aide|of|the|national|security|counterpart)\s+)+",
    re.IGNORECASE,
)
#: Phrases that contain an actor's name but name no actor ("the Minsk agreements" are not Belarus).
NON_ACTORS = frozenset({
    "Minsk agreements", "Minsk agreement", "Minsk accords", "Minsk Protocol", "Minsk process", "Normandy format",
    "Washington Times", "Washington Post", "Moscow Times", "Kyiv Independent", "Kyiv Post", "New York Times",
    "Georgetown University", "Budapest Memorandum", "Helsinki Final Act", "Geneva Conventions", "Paris Agreement",
    "Black Sea", "Sea of Azov", "Russian language", "English language", "Eastern Europe", "Western Europe",
})
_TOKEN = re.compile(r"\w+(?:[.'\u2019&-]\w+)*\.?")
_MAX_TOKENS = 8


def _is_capitalised(word: str) -> bool:
    """Does a word look like part of a name: a capital or a digit at its start or after a hyphen ("al-Qaeda")?"""
    if not word:
        return False
    c = word[0]
    return c.isupper() or c.isdigit() or ("-" in word and any(p[:1].isupper() for p in word.split("-")))


def _at_sentence_start(text: str, tokens: list[tuple[int, int]], i: int) -> bool:
    if i == 0:
        return True
    between = text[tokens[i - 1][1]:tokens[i][0]]
    prev = text[tokens[i - 1][0]:tokens[i - 1][1]]
    return any(c in between for c in ".!?:\"\u201c") or (prev.endswith(".") and len(prev) > 3)


class RegistryError(ValueError):
    """A registry file could not be read; the message names the file and line."""


@dataclass(frozen=True)
class ActorMatch:
    """What a mention refers to: the actor it speaks for, and who or what it is."""

    actor: Actor
    kind: str
    name: str
    role: str | None = None
    gender: str | None = None


@dataclass(frozen=True)
class ActorMention:
    """A mention found in a text: ``text[start:end] == surface``."""

    start: int
    end: int
    surface: str
    match: ActorMatch


@dataclass(frozen=True)
class _Entry:
    alias: str
    match: ActorMatch
    start: dt.date | None = None
    end: dt.date | None = None
    source: str = ""
    #: Matched case-insensitively, only where the mention's words are capitalised (Phoenix dictionaries).
    capitalised: bool = False

    def covers(self, date: dt.date | None) -> bool:
        if date is None:
            return True
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)


def _split(cell: str | None) -> list[str]:
    return [a.strip() for a in (cell or "").split("|") if a.strip()]


def _date(cell: str | None, where: str) -> dt.date | None:
    if not cell or not cell.strip():
        return None
    try:
        return dt.date.fromisoformat(cell.strip())
    except ValueError as e:
        raise RegistryError(f"{where}: date {cell!r} is not YYYY-MM-DD") from e


def _rows(path: Path | str, text: str, required: tuple[str, ...]) -> Iterable[tuple[int, dict]]:
    reader = csv.DictReader(text.splitlines())
    header = reader.fieldnames or []
    missing = [c for c in required if c not in header]
    if missing:
        raise RegistryError(f"{path}:1: missing column(s) {', '.join(missing)}; expected {', '.join(required)}")
    for i, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            raise RegistryError(f"{path}:{i}: wrong number of fields")
        yield i, row


def _strip_the(alias: str) -> str:
    return alias[4:] if alias.lower().startswith("the ") else alias


def _state_entries(path: Path | str, text: str) -> list[_Entry]:
    out = []
    for i, row in _rows(path, text, STATE_COLUMNS):
        code = row["code"].strip().upper()
        where = f"{path}:{i}"
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise RegistryError(f"{where}: code {code!r} is not an ISO 3166-1 alpha-3 code")
        name = _country_name(code)
        state = Actor(code, None, "GOV", name)
        for alias in _split(row["aliases"]):
            out.append(_Entry(_strip_the(alias), ActorMatch(state, "state", name), source=where))
        for capital in _split(row["capital"]):
            out.append(_Entry(capital, ActorMatch(state, "place", name), source=where))
        for demonym in _split(row["demonyms"]):
            out.append(_Entry(demonym, ActorMatch(Actor(code, None, None, name), "demonym", name), source=where))
    return out


def _entity_entries(path: Path | str, text: str) -> list[_Entry]:
    out = []
    for i, row in _rows(path, text, ENTITY_COLUMNS):
        where = f"{path}:{i}"
        kind = row["kind"].strip() or "org"
        if kind not in KINDS:
            raise RegistryError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
        code = row["code"].strip().upper()
        if not code:
            raise RegistryError(f"{where}: empty code (use an alpha-3 code, IGO, NGO or IMG)")
        actor = Actor(code, row["org"].strip() or None, row["sector"].strip() or None, row["name"].strip())
        for alias in {row["name"].strip(), *_split(row["aliases"])}:
            out.append(_Entry(_strip_the(alias), ActorMatch(actor, kind, row["name"].strip()), source=where))
    return out


def _people_entries(path: Path | str, text: str) -> list[_Entry]:
    out = []
    for i, row in _rows(path, text, PEOPLE_COLUMNS):
        where = f"{path}:{i}"
        name = row["name"].strip()
        if not name:
            raise RegistryError(f"{where}: empty name")
        start, end = _date(row["start"], where), _date(row["end"], where)
        actor = Actor(row["code"].strip().upper(), row["org"].strip() or None, row["sector"].strip() or None, name)
        match = ActorMatch(actor, "person", name, row["role"].strip() or None, row["gender"].strip() or None)
        for alias in {name, *_split(row["aliases"])}:
            out.append(_Entry(alias, match, start, end, where))
    return out


_LOADERS = {"states": _state_entries, "organisations_offices": _entity_entries, "people": _people_entries}


def _kind_of_file(path: Path | str, header: list[str]) -> str:
    cols = set(header)
    if set(PEOPLE_COLUMNS) <= cols:
        return "people"
    if set(ENTITY_COLUMNS) <= cols:
        return "organisations_offices"
    if set(STATE_COLUMNS) <= cols:
        return "states"
    raise RegistryError(
        f"{path}:1: not a registry file: columns {', '.join(header) or '(none)'}; expected people "
        f"({', '.join(PEOPLE_COLUMNS)}), organisations/offices ({', '.join(ENTITY_COLUMNS)}) or states "
        f"({', '.join(STATE_COLUMNS)})"
    )


#: Short names where pycountry's are formal ("Russian Federation", "Korea, Republic of").
SHORT_NAMES = {
    "RUS": "Russia", "USA": "United States", "GBR": "United Kingdom", "IRN": "Iran", "SYR": "Syria",
    "VEN": "Venezuela", "KOR": "South Korea", "PRK": "North Korea", "MDA": "Moldova", "TZA": "Tanzania",
    "BOL": "Bolivia", "VNM": "Vietnam", "LAO": "Laos", "TWN": "Taiwan", "PSE": "Palestine", "FSM": "Micronesia",
    "COD": "DR Congo", "COG": "Congo", "CZE": "Czechia", "TUR": "Turkey", "VAT": "Holy See", "XKX": "Kosovo",
}


@cache
def _country_name(code: str) -> str:
    if code in SHORT_NAMES:
        return SHORT_NAMES[code]
    c = pycountry.countries.get(alpha_3=code)
    if c is None:
        return code
    return getattr(c, "common_name", None) or c.name


def _pycountry_entries() -> list[_Entry]:
    out = []
    for c in pycountry.countries:
        name = _country_name(c.alpha_3)
        state = Actor(c.alpha_3, None, "GOV", name)
        for alias in {c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)}:
            if alias:
                out.append(_Entry(_strip_the(alias), ActorMatch(state, "state", name), source="pycountry"))
    return out


def read_entries(path: Path | str) -> list[_Entry]:
    """Read one registry CSV file (people, organisations/offices or states), detected by its columns."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as e:
        raise RegistryError(f"{path}: no such registry file") from e
    except UnicodeDecodeError as e:
        raise RegistryError(f"{path}: not valid UTF-8 at byte {e.start}") from e
    if not text.strip():
        raise RegistryError(f"{path}: empty registry file")
    header = next(csv.reader(text.splitlines()[:1]), [])
    return _LOADERS[_kind_of_file(path, header)](path, text)


class ActorRegistry:
    """Look up who a mention refers to and which actor it speaks for."""

    def __init__(self, entries: Iterable[_Entry], sources: tuple[str, ...] = (), problems: tuple[str, ...] = ()):
        self.entries: list[_Entry] = list(entries)
        self.sources = sources
        #: Located messages for source lines that were left out (e.g. Phoenix roles with impossible dates).
        self.problems = problems
        self._order = {id(e): i for i, e in enumerate(self.entries)}
        self._exact: dict[str, list[_Entry]] = {}
        self._folded: dict[str, list[_Entry]] = {}
        self._capitalised: dict[str, list[_Entry]] = {}
        #: casefolded first word of a capitalised-only alias -> the most words such an alias has
        self._capitalised_first: dict[str, int] = {}
        for e in self.entries:
            self._folded.setdefault(e.alias.casefold(), []).append(e)
            if e.capitalised:
                key = e.alias.casefold()
                self._capitalised.setdefault(key, []).append(e)
                words = key.split()
                first = self._capitalised_first
                first[words[0]] = max(first.get(words[0], 0), len(words))
            else:
                self._exact.setdefault(e.alias, []).append(e)
        self._found: dict[tuple[str, dt.date | None], list[ActorMention]] = {}  # memo of find()
        #: First words of every alias and non-actor phrase: find() tries a window only where one starts.
        self._first_words = frozenset(a.split()[0] for a in [*self._exact, *NON_ACTORS] if a.split())
        self._states: dict[str, ActorMatch] = {}
        for e in self.entries:
            if e.match.kind == "state":
                self._states.setdefault(e.match.actor.code, e.match)
        self._surnames: dict[str, set[str]] = {}
        #: surname -> people's government roles (for "the Yeltsin government")
        self._leaders: dict[str, list[_Entry]] = {}
        for e in self.entries:
            if e.match.kind == "person" and not e.capitalised:
                self._surnames.setdefault(e.match.name.split()[-1].casefold(), set()).add(e.match.name)
            if e.match.kind == "person" and e.match.actor.sector == "GOV" and e.match.actor.code:
                self._leaders.setdefault(e.match.name.split()[-1].casefold(), []).append(e)

    # -- construction -------------------------------------------------------------------------
    @classmethod
    def from_files(cls, *paths: Path | str, with_pycountry: bool = True) -> ActorRegistry:
        """A registry of the given files (later files take precedence for the same surface)."""
        entries = _pycountry_entries() if with_pycountry else []
        for p in paths:
            entries.extend(read_entries(p))
        return cls(entries, tuple(str(p) for p in paths))

    def extend(self, *paths: Path | str) -> ActorRegistry:
        """A new registry with the entries of the user's files added (they take precedence)."""
        entries = list(self.entries)
        for p in paths:
            entries.extend(read_entries(p))
        return ActorRegistry(entries, self.sources + tuple(str(p) for p in paths), self.problems)

    # -- look-ups ----------------------------------------------------------------------------
    def _pick(self, candidates: list[_Entry], date: dt.date | None) -> _Entry | None:
        if not candidates:
            return None
        dated = [e for e in candidates if e.covers(date)]
        pool = dated or candidates
        if not dated and date is not None:
            # a person outside all their roles: the latest role before the date, else the earliest after it
            before = [e for e in pool if e.start is not None and e.start <= date]
            pool = before or pool

        def key(e: _Entry):
            # specific kinds first, then the most recent role, then the entry loaded last (user files)
            return (-KIND_RANK.get(e.match.kind, 9), e.start or dt.date.min, self._order[id(e)])

        return max(pool, key=key)

    def _surface(self, surface: str, date: dt.date | None, folded: bool) -> _Entry | None:
        table = self._folded if folded else self._exact
        return self._pick(table.get(surface.casefold() if folded else surface, []), date)

    def find(self, text: str, date: dt.date | None = None) -> list[ActorMention]:
        """All non-overlapping mentions in ``text``, longest first at each position, in text order."""
        key = (text, date)
        found = self._found.get(key)
        if found is None:
            if len(self._found) >= 4096:
                self._found.clear()
            found = self._found[key] = self._find(text, date)
        return list(found)

    def clear_memo(self) -> None:
        """Forget remembered :meth:`find` results (benchmarks time the work, not the memo)."""
        self._found.clear()

    def _find(self, text: str, date: dt.date | None, capitalised: bool = True) -> list[ActorMention]:
        tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
        out: list[ActorMention] = []
        first_words = self._first_words
        cap_first = self._capitalised_first if capitalised else {}
        i = 0
        while i < len(tokens):
            first = text[tokens[i][0]:tokens[i][1]]
            cap_n = 0
            if cap_first and _is_capitalised(first):
                folded = first.casefold()
                cap_n = cap_first.get(folded) or cap_first.get(folded.rstrip(".")) or cap_first.get(folded[:-2], 0)
            own = first in first_words or first[:-1] in first_words or first[:-2] in first_words
            if not own and not cap_n:
                i += 1  # no alias starts with this word: skip the window lookups
                continue
            found = None
            for n in range(min(_MAX_TOKENS if own else cap_n, len(tokens) - i), 0, -1):
                start, end = tokens[i][0], tokens[i + n - 1][1]
                entry = None
                if own:
                    surface = " ".join(text[start:end].split())
                    if surface in NON_ACTORS or surface.rstrip(".") in NON_ACTORS:
                        found = (n, None)
                        break
                    entry = self._surface(surface, date, folded=False)
                    if entry is None and surface.endswith("."):
                        entry = self._surface(surface[:-1], date, folded=False)
                        end -= 1
                        surface = surface[:-1]
                    if entry is None and surface[-2:].lower() in ("'s", "\u2019s"):  # "Poland's parliament"
                        entry = self._surface(surface[:-2], date, folded=False)
                        if entry is not None:
                            end -= 2
                if entry is None and n <= cap_n:
                    entry, end = self._capitalised_match(text, tokens, i, n, date)
                if entry is not None:
                    found = (n, ActorMention(start, end, text[start:end], entry.match))
                    break
            if found:
                if found[1] is not None:
                    out.append(found[1])
                i += found[0]
            else:
                i += 1
        return out

    def _capitalised_match(self, text: str, tokens: list[tuple[int, int]], i: int, n: int,
                           date: dt.date | None) -> tuple[_Entry | None, int]:
        """A capitalised-only (Phoenix) alias over tokens ``i .. i+n-1``, and where the mention ends."""
        words = [text[s:e] for s, e in tokens[i:i + n]]
        end = tokens[i + n - 1][1]
        key = " ".join(words).casefold()
        if key not in self._capitalised:
            last = words[-1]
            suffix = next((x for x in ("'s", "\u2019s", ".") if last.endswith(x) and len(last) > len(x)), "")
            if not suffix:  # "Chirac's", "Hamas." at a sentence end
                return None, end
            key = key[:-len(suffix)]
            if key not in self._capitalised:
                return None, end
            words[-1] = last[:-len(suffix)]
            end -= len(suffix)
        if (not all(_is_capitalised(w) or w.casefold() in NAME_CONNECTORS for w in words)
                or words[-1].casefold() in NAME_CONNECTORS
                or (n == 1 and _at_sentence_start(text, tokens, i))):  # "Chance": maybe a common word
            return None, tokens[i + n - 1][1]
        return self._pick(self._capitalised[key], date), end

    def lookup(self, text: str | None, date: dt.date | None = None) -> ActorMatch | None:
        """What a mention such as ``"Russian Foreign Minister Sergey Lavrov"`` or ``"MS. PSAKI"`` refers to."""
        if not text or not text.strip():
            return None
        raw = " ".join(text.split())
        entry = self._surface(raw, date, folded=True)
        if entry is not None:
            return refine(self._with_sector(entry.match, raw), raw)
        surface = " ".join(text.strip().strip(",;:\"'()").split())
        surface = re.sub(r"['\u2019]s$", "", surface)
        bare = _strip_the(surface)
        for candidate in (bare, bare.rstrip("."), TITLES.sub("", bare), TITLES.sub("", bare).rstrip(".")):
            entry = self._surface(candidate, date, folded=True) if candidate else None
            if entry is not None:
                return refine(self._with_sector(entry.match, bare), bare)
        mentions = self.find(bare, date) or self._find(bare.title(), date, capitalised=False)
        composed = compose(self, bare, mentions, date)
        if composed is not None:
            return composed
        if not mentions:
            return self.person(bare.split()[-1], date) if bare.split() else None
        people = [m for m in mentions if m.match.kind == "person"]
        best = people[-1] if people else min(mentions, key=lambda m: (KIND_RANK[m.match.kind], -len(m.surface)))
        return self._with_sector(best.match, bare)

    def resolve(self, text: str | None, date: dt.date | None = None) -> ActorMatch | None:
        """:meth:`lookup`, else a *nominal* actor for an agent phrase naming no state ("Kurdish rebels", "the
        police": kind ``"nominal"``, code ``""``, the sector of its head), else None."""
        return self.lookup(text, date) or (nominal(text) if text and text.strip() else None)

    def leader(self, surname: str | None, date: dt.date | None = None) -> ActorMatch | None:
        """Whose government a surname names: the state of the people with that surname in government, preferring
        roles that cover ``date``; None when they belong to different states."""
        pool = self._leaders.get((surname or "").strip().casefold(), [])
        dated = [e for e in pool if e.start is not None and e.covers(date)] if date else []
        codes = {e.match.actor.code for e in (dated or pool)}
        return (dated or pool)[0].match if len(codes) == 1 else None

    def _with_sector(self, match: ActorMatch, surface: str) -> ActorMatch:
        if match.kind not in ("demonym", "state", "place"):
            return match
        sector = sector_for(surface.split()[-1]) if surface.split() else None
        if sector and sector != match.actor.sector:
            a = match.actor
            return ActorMatch(Actor(a.code, a.org, sector, a.name), match.kind, match.name, match.role, match.gender)
        return match

    def state(self, code: str | None) -> ActorMatch | None:
        """A state by its ISO 3166-1 alpha-3 code (``"UKR"``), as UN General Debate files name their speakers."""
        return self._states.get((code or "").strip().upper())

    def speaker_of(self, document) -> ActorMatch | None:
        """Who a whole document speaks for: its speaker, else its issuer (a name, an office or a state code)."""
        for who in (document.speaker, document.issuer):
            if not isinstance(who, str) or not who.strip():
                continue
            match = self.lookup(who, document.date) or self.state(who)
            if match is not None:
                return match
        return None

    def person(self, name: str, date: dt.date | None = None) -> ActorMatch | None:
        """A person by full name or alias, or by surname alone when only one person has it."""
        if not name or not name.strip():
            return None
        name = TITLES.sub("", " ".join(name.split())).strip()
        entry = self._pick([e for e in self._folded.get(name.casefold(), []) if e.match.kind == "person"], date)
        if entry is not None:
            return entry.match
        full = self._surnames.get(name.split()[-1].casefold(), set()) if name.split() else set()
        if len(full) == 1:
            (only,) = full
            entry = self._pick([e for e in self._folded[only.casefold()] if e.match.kind == "person"], date)
            return entry.match if entry else None
        return None

    @staticmethod
    def sector_for(head_noun: str | None) -> str | None:
        """The sector a head noun signals: ``"troops"`` -> ``"MIL"``."""
        return sector_for(head_noun)

    def pattern(self, codes: Iterable[str] | None = None) -> re.Pattern:
        """A regex matching any alias (of actors with these codes, if given), for pre-filtering paragraphs."""
        wanted = {c.upper() for c in codes} if codes is not None else None
        aliases = sorted(
            {e.alias for e in self.entries if not e.capitalised and (wanted is None or e.match.actor.code in wanted or
             (e.match.actor.org or "").upper() in wanted)},
            key=lambda a: (-len(a), a),
        )
        return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(a) for a in aliases) + r")(?!\w)")

    def to_frame(self) -> pd.DataFrame:
        """Every entry: surface, kind, canonical name, role, dates, code, org, sector, source file."""
        rows = [
            {"alias": e.alias, "kind": e.match.kind, "name": e.match.name, "role": e.match.role,
             "start": e.start, "end": e.end, "code": e.match.actor.code, "org": e.match.actor.org,
             "sector": e.match.actor.sector, "source": Path(e.source.split(":")[0]).name if e.source else ""}
            for e in self.entries
        ]
        return pd.DataFrame(rows)


DATA_FILES = ("states.csv", "organisations_offices.csv", "people.csv")


def phoenix_entries(data, ours: Iterable[_Entry]) -> list[_Entry]:
    """Registry entries from read Phoenix dictionaries (:class:`rhetoriclab.actors.phoenix.PhoenixData`) that do
    not clash with ``ours``.

    Ours win: a person we have keeps only our aliases and roles; the other spellings of an organisation we have
    name our entry ("Hizbollah" -> our Hezbollah). Left out: state aliases we have, aliases that start with an
    English stop word, one-word aliases that are generic nouns of the agent dictionary, aliases that records of
    different actors claim ("Korea"), one-word synonyms of organisations that are no acronyms ("Foundation" for
    El Rukn), and what :func:`rhetoriclab.actors.phoenix.record_rows` leaves out.
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    ours_folded: dict[str, list[_Entry]] = {}
    for e in ours:
        ours_folded.setdefault(e.alias.casefold(), []).append(e)
    generic = set(data.agent_sectors)

    def safe(key: str) -> bool:  # "In Amenas", "US", "Senate", "police": not safe as names
        return (key not in ours_folded and key.split(None, 1)[0] not in STOP_WORDS
                and (" " in key or (key not in generic and len(key) > 1)))

    # an alias that records of different actors claim ("Korea": North and South) names neither
    claims: dict[str, list[frozenset[str]]] = {}
    for records in data.rows.values():
        for rows in records:
            codes = frozenset(r.code for r in rows)
            for alias in {r.alias.casefold() for r in rows}:
                claims.setdefault(alias, []).append(codes)
    ambiguous = {a for a, sets in claims.items() if len(sets) > 1 and not frozenset.intersection(*sets)}
    out: list[_Entry] = []
    seen: set[tuple] = set()
    for file_name, records in data.rows.items():
        for rows in records:
            if not rows:
                continue
            where = f"{file_name}:{rows[0].source.rsplit(':', 1)[1]}"
            clash = [e for r in rows for e in ours_folded.get(r.alias.casefold(), [])]
            if clash and rows[0].kind == "person":
                continue  # a person we have: ours win, with all its aliases and roles
            if clash and rows[0].kind == "org":  # an organisation we have: its other spellings name ours
                mine = [e for e in clash if e.match.name == clash[0].match.name]
                for alias in dict.fromkeys(r.alias for r in rows):
                    if safe(alias.casefold()):
                        out.extend(_Entry(alias, e.match, e.start, e.end, where, capitalised=True) for e in mine)
                continue
            for row in rows:
                key = row.alias.casefold()
                ident = (key, row.name, row.code, row.org, row.sector, row.start, row.end)
                if not safe(key) or key in ambiguous or row.risky_synonym or ident in seen:
                    continue
                seen.add(ident)
                # a country record's aliases are mostly its cities and regions ("Munich", "Helmand"): places
                name, kind = (row.name, row.kind) if row.kind != "state" else (_country_name(row.code), "place")
                match = ActorMatch(Actor(row.code, row.org, row.sector, name), kind, name)
                out.append(_Entry(row.alias, match, row.start, row.end, where, capitalised=True))
    return out


def load_phoenix(ours: Iterable[_Entry], mirror=None, agent_sectors=None
                 ) -> tuple[list[_Entry], list[str], str | None]:
    """Phoenix entries (fetched and hash-checked with :func:`rhetoriclab.corpora.fetch_files`), the located
    problems of lines left out, and why there are no entries when the dictionaries are unavailable.

    ``agent_sectors``, if given, is called with the agent dictionary's ``{head noun: sector}``
    (:func:`default_registry` passes :func:`rhetoriclab.actors.sectors.add_head_sectors`)."""
    from rhetoriclab.actors import phoenix
    from rhetoriclab.corpora.fetch import CorpusUnavailable, CorruptFile, fetch_files, resolve_cache

    wanted = [f"{phoenix.DICTIONARY_DIR}/{n}" for n in (*phoenix.ACTOR_FILES, phoenix.AGENT_FILE)]
    try:
        paths = fetch_files("petrarch2", wanted, mirror=mirror)
    except (CorpusUnavailable, CorruptFile, OSError) as e:
        return [], [], str(e).splitlines()[0]
    known_states = frozenset(c.alpha_3 for c in pycountry.countries)
    data = phoenix.cached_dictionaries(paths, known_states, resolve_cache() / "petrarch2")
    if agent_sectors is not None:
        agent_sectors(data.agent_sectors)
    return phoenix_entries(data, ours), list(data.problems), None


@cache
def default_registry() -> ActorRegistry:
    """The registry shipped with the package, merged with the Phoenix dictionaries when available (cached).

    Without the dictionaries (no mirror, no download) it is built from our CSVs alone and warns once.
    """
    base = files("rhetoriclab") / "data" / "actors"
    ours = ActorRegistry.from_files(*(Path(str(base / name)) for name in DATA_FILES))
    extra, problems, why = load_phoenix(ours.entries, agent_sectors=add_head_sectors)
    if why is not None:
        warnings.warn(f"actor registry without the Phoenix dictionaries (our CSVs only): {why}", stacklevel=2)
        return ours
    return ActorRegistry([*extra, *ours.entries], ours.sources + ("petrarch2 Phoenix dictionaries",),
                         tuple(problems))
