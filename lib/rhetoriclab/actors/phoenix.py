"""Read the Phoenix (TABARI/PETRARCH) actor and agent dictionaries of openeventdata/petrarch2.

Format of an actor file (see ``read_actor_dictionary`` in petrarch2's ``PETRreader.py``)::

    JACQUES_CHIRAC_  # CountryInfo.txt          <- primary phrase, optionally followed by [CODE]
    +CHIRAC                                      <- synonym
        [FRAGOV 950517-070516]                   <- dated role (tab-indented): YYMMDD or YYYYMMDD
        [IGOUNO >20070101]  [USAGOV <810120]     <- open-ended roles
        [FRAELI]                                 <- the default when no dated role applies

Words are joined by ``_`` (or a space); ``#`` (after a space) and ``;`` start comments; ``[---]`` is a null
code. Two-digit years 00-30 are 20YY, others 19YY (as in PETRARCH). Codes are CAMEO actor codes: a
three-letter country (ISO 3166-1 alpha-3 as CAMEO uses it) or IGO/NGO/IMG/..., then three-letter role
codes (``USAGOVLEG``, ``IGOWSTNAT``); :func:`split_code` turns one into our ``Actor`` fields through
``data/actors/cameo_codes.csv``.

Agent files hold generic nouns with a sector: ``POLICE {} [~COP]``, ``FOREIGN_!MINIST! [~GOV]`` (``{...}``
holds an irregular plural, ``{}`` none; ``!MARKER!`` expands to the words the file defines for it).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import os
import pickle
import re
import tempfile
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

#: The Phoenix files the registry reads, as upstream paths in the ``petrarch2`` corpus registry.
DICTIONARY_DIR = "petrarch2/data/dictionaries"
ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
AGENT_FILE = "Phoenix.agents.txt"

_BRACKET = re.compile(r"\[([^\]]*)\]")
_WORD_OK = re.compile(r"^[\w.'&-]+$")


class PhoenixError(ValueError):
    """A dictionary line could not be read; the message names the file and line."""


@dataclass(frozen=True)
class PhoenixRole:
    """A CAMEO code that applies between ``start`` and ``end`` (inclusive; ``None`` = open)."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass(frozen=True)
class PhoenixActor:
    """One dictionary record: its phrases (primary first, as written words) and its roles."""

    phrases: tuple[str, ...]
    roles: tuple[PhoenixRole, ...]
    comment: str
    source: str  # "file:line" of the primary phrase


@dataclass(frozen=True)
class PhoenixAgent:
    """A generic noun phrase and its agent code (``"POLICE"`` -> ``"COP"``), plural forms included."""

    phrase: str
    code: str
    source: str


def _date(text: str, where: str) -> dt.date:
    digits = text.strip()
    if not digits.isdigit() or len(digits) < 6:
        raise PhoenixError(f"{where}: date {text!r} is not YYMMDD or YYYYMMDD")
    if len(digits) > 8:  # PETRARCH reads the first 8 digits of a long date
        digits = digits[:8]
    if len(digits) <= 7:
        yy = int(digits[:2])
        year, rest = (2000 + yy if yy <= 30 else 1900 + yy), digits[2:]
    else:
        year, rest = int(digits[:4]), digits[4:]
    try:
        return dt.date(year, int(rest[:2]), int(rest[2:4]))
    except ValueError as e:
        raise PhoenixError(f"{where}: date {text!r} is not a calendar date") from e


def parse_role(inside: str, where: str) -> PhoenixRole | None:
    """``"USAGOV 20090120-20170120"`` -> a role; ``"---"`` (a null code) -> None."""
    parts = inside.split(None, 1)
    if not parts or set(parts[0]) <= {"-"}:
        return None
    code = parts[0].strip().upper()
    rest = parts[1].replace(" ", "") if len(parts) > 1 else ""
    if not rest:
        return PhoenixRole(code)
    if rest[0] == "<":
        return PhoenixRole(code, None, _date(rest[1:], where))
    if rest[0] == ">":
        return PhoenixRole(code, _date(rest[1:], where), None)
    if "-" in rest:
        a, b = rest.split("-", 1)
        start, end = _date(a, where), _date(b, where)
        if end < start:
            raise PhoenixError(f"{where}: role {inside!r} ends before it starts")
        return PhoenixRole(code, start, end)
    raise PhoenixError(f"{where}: cannot read the date restriction in [{inside}]")


def _strip_comment(line: str) -> tuple[str, str]:
    """(content, comment): ``#`` and ``;`` start comments (a ``#`` glued to a bracket too)."""
    cut = len(line)
    for mark in ("#", ";"):
        k = line.find(mark)
        if k != -1:
            cut = min(cut, k)
    return line[:cut], line[cut:]


def phrase_words(phrase: str) -> str:
    """``"U.S._STATE_DEPARTMENT_"`` -> ``"U.S. STATE DEPARTMENT"``; ``""`` if unreadable or parenthesised
    (``KOREA_(NORTH)``: without its parenthesis the phrase would name something else)."""
    words = phrase.replace("_", " ").split()
    if not words or not all(_WORD_OK.match(w) for w in words):
        return ""
    return " ".join(words)


def read_actor_file(path: Path | str, text: str | None = None, problems: list[str] | None = None
                    ) -> list[PhoenixActor]:
    """Every record of a Phoenix ``.actors.txt`` file.

    A role PETRARCH would skip too (a bad date, an interval that ends before it starts) is left out and its
    located message appended to ``problems`` (raised as :class:`PhoenixError` when ``problems`` is None).
    """
    path = Path(path)
    text = path.read_text(encoding="utf-8") if text is None else text
    out: list[PhoenixActor] = []
    phrases: list[str] = []
    roles: list[PhoenixRole] = []
    comment, source = "", ""

    def flush() -> None:
        if phrases:
            out.append(PhoenixActor(tuple(phrases), tuple(roles), comment, source))

    for lineno, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith(("#", "<!")) or "---STOP---" in raw:
            continue
        where = f"{path}:{lineno}"
        content, note = _strip_comment(raw)
        brackets = []
        for inside in _BRACKET.findall(content):
            try:
                role = parse_role(inside, where)
            except PhoenixError as e:
                if problems is None:
                    raise
                problems.append(str(e))
                continue
            if role is not None:
                brackets.append(role)
        words = phrase_words(_BRACKET.sub(" ", content).strip().lstrip("+"))
        if raw[0] in " \t" and not words:  # a role line of the current record
            roles.extend(brackets)
        elif raw.lstrip()[0] == "+":  # a synonym
            if words:
                phrases.append(words)
            roles.extend(brackets)
        else:  # a new primary phrase
            flush()
            phrases, roles, comment, source = ([words] if words else []), list(brackets), note, where
    flush()
    return out


def read_agent_file(path: Path | str, text: str | None = None, problems: list[str] | None = None
                    ) -> list[PhoenixAgent]:
    """Every agent phrase (markers expanded, regular and irregular plurals added) with its code.

    An unreadable line is left out and its located message appended to ``problems`` (raised when None).
    """
    path = Path(path)
    text = path.read_text(encoding="utf-8") if text is None else text
    markers: dict[str, list[str]] = {}
    out: list[PhoenixAgent] = []
    for lineno, raw in enumerate(text.splitlines(), 1):
        content, _ = _strip_comment(raw)
        if not content.strip() or content.lstrip().startswith("<!"):
            continue
        where = f"{path}:{lineno}"
        head = content.strip()
        if head.startswith("!") and "=" in head:
            name, _, values = head.partition("=")
            markers[name.strip().strip("!")] = [v.strip() for v in values.split(",") if v.strip()]
            continue
        m = _BRACKET.search(head)
        if m is None:
            message = f"{where}: agent line without a [~CODE]: {raw.strip()!r}"
            if problems is None:
                raise PhoenixError(message)
            problems.append(message)
            continue
        code = m.group(1).strip().replace("~", "").upper()
        body = head[:m.start()]
        plural_m = re.search(r"\{([^}]*)\}", body)
        plural = plural_m.group(1).strip() if plural_m else None
        root = re.sub(r"\{[^}]*\}", " ", body).strip()
        forms = [root] if plural is not None else [root, _regular_plural(root)]
        if plural:
            forms.append(plural)
        for form in forms:
            try:
                expansions = _expand(form, markers, where)
            except PhoenixError as e:
                if problems is None:
                    raise
                problems.append(str(e))
                continue
            for expanded in expansions:
                words = phrase_words(expanded)
                if words and code:
                    out.append(PhoenixAgent(words, code, where))
    return out


def _regular_plural(root: str) -> str:
    if root.endswith("!"):
        return root  # a marker supplies its own plurals
    if root.endswith("Y") and not root.endswith(("AY", "EY", "OY")):
        return root[:-1] + "IES"
    if root.endswith(("SS", "SH", "CH", "X")):
        return root + "ES"
    return root + "S"


def _expand(form: str, markers: dict[str, list[str]], where: str) -> list[str]:
    m = re.search(r"!([A-Z]+)!", form)
    if m is None:
        return [form]
    if m.group(1) not in markers:
        raise PhoenixError(f"{where}: substitution marker !{m.group(1)}! is not defined above it")
    return [x for v in markers[m.group(1)] for x in _expand(form[:m.start()] + v + form[m.end():], markers, where)]


# -- CAMEO codes -> Actor fields ----------------------------------------------------------------------------


@dataclass(frozen=True)
class CameoCodes:
    """What three-letter CAMEO codes mean to us (``data/actors/cameo_codes.csv``)."""

    sectors: dict[str, str | None]  # role code -> our sector (None: a role with no sector of ours, e.g. ELI)
    organisations: dict[str, str]  # IGO/NGO organisation code -> org name used in our registry
    non_state: dict[str, str]  # leading code that is no state -> our code (IGO, NGO, IMG, ...)
    regions: frozenset[str]  # leading region codes (AFR, EUR, ...): no actor of ours
    states: dict[str, str]  # CAMEO country codes that are not ISO alpha-3 -> ISO alpha-3


@cache
def cameo_codes() -> CameoCodes:
    path = Path(str(files("rhetoriclab") / "data" / "actors" / "cameo_codes.csv"))
    sectors: dict[str, str | None] = {}
    orgs: dict[str, str] = {}
    non_state: dict[str, str] = {}
    regions: set[str] = set()
    states: dict[str, str] = {}
    with open(path, encoding="utf-8", newline="") as f:
        for i, row in enumerate(csv.DictReader(f), start=2):
            code, kind, value = row["code"].strip().upper(), row["kind"].strip(), (row["value"] or "").strip()
            if kind == "sector":
                sectors[code] = value or None
            elif kind == "organisation":
                orgs[code] = value
            elif kind == "non_state":
                non_state[code] = value
            elif kind == "region":
                regions.add(code)
            elif kind == "state":
                states[code] = value
            else:
                raise PhoenixError(f"{path}:{i}: kind {kind!r} is not sector, organisation, non_state, region "
                                   "or state")
    return CameoCodes(sectors, orgs, non_state, frozenset(regions), states)


@dataclass(frozen=True)
class CodeParts:
    """A CAMEO code read as our actor fields."""

    code: str
    org: str | None
    sector: str | None


def split_code(cameo: str, known_states: frozenset[str]) -> CodeParts | None:
    """``"USAGOV"`` -> (USA, None, GOV); ``"IGOWSTNAT"`` -> (IGO, NATO, None); None when it names no actor of ours.

    The sector is the last role code we have a sector for (``USAGOVLEG`` -> LEG: Congress); the organisation the
    last organisation code we know.
    """
    table = cameo_codes()
    cameo = cameo.strip().upper()
    chunks = [cameo[i:i + 3] for i in range(0, len(cameo) - 2, 3)]
    if not chunks:
        return None
    lead, rest = chunks[0], chunks[1:]
    org = None
    if lead in table.non_state:
        code = table.non_state[lead]
        # the most specific organisation: IGOUNOHLHWHO is the WHO, IGOUNODEVWBK the World Bank
        org = next((table.organisations[c] for c in reversed(rest) if c in table.organisations), None)
    elif lead in known_states or lead in table.states:
        code = table.states.get(lead, lead)
    else:
        return None  # a region (AFR, WST ...) or an unknown code: no actor of ours
    sector = None
    for c in rest:
        if table.sectors.get(c):
            sector = table.sectors[c]
    return CodeParts(code, org, sector)


# -- records -> registry rows -------------------------------------------------------------------------------

#: Comments that mark a record as a person (CountryInfo.txt leaders, IGOrulers.txt officials).
_PERSON_NOTES = ("countryinfo", "igorulers")
#: Lower-case words inside names that need no capital letter ("Organization of African Unity", "bin Laden").
NAME_CONNECTORS = frozenset({"of", "the", "and", "for", "on", "in", "de", "du", "da", "del", "der", "des", "di", "la",
                             "le", "al", "el", "bin", "ibn", "van", "von", "y", "e", "to", "against", "-", "&"})


@dataclass(frozen=True)
class PhoenixRow:
    """One alias of a record as the registry takes it: kind, actor fields and the dates the role holds."""

    alias: str
    name: str
    kind: str  # person, state or org
    code: str
    org: str | None
    sector: str | None
    start: dt.date | None
    end: dt.date | None
    source: str
    primary: bool = False  # the record's first phrase (else a synonym)

    @property
    def risky_synonym(self) -> bool:
        """A one-word synonym of an organisation that does not look like an acronym ("Foundation" for El Rukn)."""
        return (self.kind == "org" and not self.primary and " " not in self.alias and len(self.alias) > 4
                and self.alias.isalpha())


@cache
def _display(words: str) -> str:
    """``"JACQUES CHIRAC"`` -> ``"Jacques Chirac"``; acronyms with dots stay (``"U.S."``)."""
    return " ".join(w if "." in w else "-".join(p.capitalize() for p in w.split("-")) for w in words.split())


def record_kind(record: PhoenixActor, parts: list[CodeParts]) -> str:
    note = record.comment.lower()
    if any(n in note for n in _PERSON_NOTES) or any(r.start or r.end for r in record.roles):
        return "person"
    if parts and all(p.sector is None and p.org is None and p.code not in ("IGO", "NGO", "IMG", "MNC")
                     for p in parts):
        return "state"
    return "org"


def record_rows(record: PhoenixActor, known_states: frozenset[str]) -> list[PhoenixRow]:
    """The registry rows of one record: every alias x every role we can read (a role naming no actor of ours,
    such as a bare region or ``ELI``, gives no row). Person aliases need two or more words."""
    resolved = [(r, split_code(r.code, known_states)) for r in record.roles]
    usable = [(r, p) for r, p in resolved if p is not None]
    if not usable or not record.phrases:
        return []
    kind = record_kind(record, [p for _, p in usable])
    name = _display(record.phrases[0])
    rows = []
    for k, phrase in enumerate(dict.fromkeys(record.phrases)):
        words = phrase.split()
        if words[0].lower() == "the":
            words = words[1:]
        if not words or (kind == "person" and len(words) < 2):
            continue
        alias = _display(" ".join(words))
        for role, p in usable:
            org = p.org if p.code in ("IGO", "NGO") else None
            if p.code in ("IGO", "NGO") and org is None:
                org = name  # as in our CSVs, an IGO or NGO is named by its org (its own name when we have no short one)
            rows.append(PhoenixRow(alias, name, kind, p.code, org, p.sector, role.start, role.end, record.source,
                                   primary=k == 0))
    return rows


def agent_sectors(agents: list[PhoenixAgent]) -> dict[str, str]:
    """``{"police": "COP", "foreign ministry": "GOV", ...}``: the sector of each agent phrase we can map."""
    table = cameo_codes()
    out: dict[str, str] = {}
    for a in agents:
        chunks = [a.code[i:i + 3] for i in range(0, len(a.code) - 2, 3)]
        sector = next((table.sectors[c] for c in chunks if table.sectors.get(c)), None)  # the agent's first sector
        if sector:
            out.setdefault(a.phrase.lower(), sector)
    return out


@dataclass(frozen=True)
class PhoenixData:
    """Everything the registry takes from the dictionaries: rows per record per actor file, agent sectors, and
    the located problems of lines left out."""

    rows: dict[str, list[list[PhoenixRow]]]  # actor file name -> one list of rows per record
    agent_sectors: dict[str, str]
    problems: list[str]


def read_dictionaries(paths: dict[str, Path], known_states: frozenset[str]) -> PhoenixData:
    """Read the Phoenix files in ``paths`` (``{upstream path: local path}``, as ``fetch_files`` returns them)."""
    problems: list[str] = []
    rows: dict[str, list[list[PhoenixRow]]] = {}
    for name in ACTOR_FILES:
        local = paths.get(f"{DICTIONARY_DIR}/{name}")
        if local is not None:
            rows[name] = [record_rows(r, known_states) for r in read_actor_file(local, problems=problems)]
    agent_file = paths.get(f"{DICTIONARY_DIR}/{AGENT_FILE}")
    sectors = agent_sectors(read_agent_file(agent_file, problems=problems)) if agent_file else {}
    return PhoenixData(rows, sectors, problems)


def cached_dictionaries(paths: dict[str, Path], known_states: frozenset[str], cache_dir: Path) -> PhoenixData:
    """:func:`read_dictionaries`, remembered in ``cache_dir`` as a pickle keyed by the files' bytes, this
    module's code, ``cameo_codes.csv`` and the known states (reading the text files takes seconds)."""
    key = hashlib.sha256()
    for upstream, local in sorted(paths.items()):
        key.update(upstream.encode() + b"\0" + Path(local).read_bytes() + b"\0")
    key.update(Path(__file__).read_bytes())
    key.update(Path(str(files("rhetoriclab") / "data" / "actors" / "cameo_codes.csv")).read_bytes())
    key.update(",".join(sorted(known_states)).encode())
    target = cache_dir / f"phoenix-{key.hexdigest()[:24]}.pickle"
    if target.is_file():
        try:
            with open(target, "rb") as f:
                data = pickle.load(f)
            if isinstance(data, PhoenixData):
                return data
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            pass  # an unreadable cache file is rebuilt below
    data = read_dictionaries(paths, known_states)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=cache_dir, delete=False, suffix=".tmp") as f:
            pickle.dump(data, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(f.name, target)
    except OSError:
        pass  # a read-only cache: the next run reads the text files again
    return data
