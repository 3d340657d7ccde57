"""The cue lexicon: words that mark reported speech or thought, and the stance each one hints at.

The lexicon lives in ``rhetoriclab/data/cues.yaml``: cues grouped by stance, then by kind
(``verb``, ``noun``, ``multiword``). Lookups use plain Python sets and dicts, built once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

import pandas as pd
import yaml

KINDS = ("verb", "noun", "multiword")


class CueLexiconError(ValueError):
    """The cue lexicon file is malformed (the message names the file and the entry)."""


@dataclass(frozen=True)
class CueLexicon:
    """Cue lemmas by kind, each with one stance hint; stances with their PLOVER hint."""

    #: ``(lemma, kind) -> stance``
    entries: dict[tuple[str, str], str]
    #: ``stance -> PLOVER event type or None``
    stances: dict[str, str | None]
    source: str = ""
    verbs: frozenset[str] = field(init=False, repr=False)
    nouns: frozenset[str] = field(init=False, repr=False)
    multiwords: frozenset[str] = field(init=False, repr=False)
    _by_lemma: dict[str, str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        by_kind: dict[str, set[str]] = {k: set() for k in KINDS}
        by_lemma: dict[str, str] = {}
        # Verbs win over multiword over nouns when one lemma is listed under several kinds.
        for kind in ("noun", "multiword", "verb"):
            for (lemma, k), stance in self.entries.items():
                if k == kind:
                    by_kind[k].add(lemma)
                    by_lemma[lemma] = stance
        object.__setattr__(self, "verbs", frozenset(by_kind["verb"]))
        object.__setattr__(self, "nouns", frozenset(by_kind["noun"]))
        object.__setattr__(self, "multiwords", frozenset(by_kind["multiword"]))
        object.__setattr__(self, "_by_lemma", by_lemma)

    def is_cue(self, lemma: str) -> bool:
        """Whether ``lemma`` (a spaCy lemma, or a multiword like ``"according to"``) is a cue."""
        return _norm(lemma) in self._by_lemma

    def is_verb_cue(self, lemma: str) -> bool:
        return lemma in self.verbs

    def verb_lemma(self, lemma: str, word: str) -> str | None:
        """The verb cue a token stands for: its lemma, or, when the lemmatizer missed (``hopes`` -> ``hop``,
        ``rated`` -> ``rat``), a base form of the word itself (``hope``, ``rate``); None if it is no verb cue."""
        if lemma in self.verbs:
            return lemma
        return _verb_base(word.lower(), self.verbs)

    def is_noun_cue(self, lemma: str) -> bool:
        return lemma in self.nouns

    def stance(self, lemma: str, kind: str | None = None) -> str | None:
        """The stance a cue hints at (``"neutral"``, ``"warning"``, ``"appeal"``, ...); ``None`` if not a cue."""
        lemma = _norm(lemma)
        if kind is not None:
            return self.entries.get((lemma, kind))
        return self._by_lemma.get(lemma)

    def plover(self, lemma: str, kind: str | None = None) -> str | None:
        """The PLOVER event type the cue's stance most often signals (``None``: it only reports)."""
        stance = self.stance(lemma, kind)
        return self.stances.get(stance) if stance else None

    def frame(self) -> pd.DataFrame:
        """One row per cue: ``lemma``, ``kind``, ``stance``, ``plover``; sorted by kind and lemma."""
        rows = [
            {"lemma": lemma, "kind": kind, "stance": stance, "plover": self.stances.get(stance)}
            for (lemma, kind), stance in self.entries.items()
        ]
        df = pd.DataFrame(rows, columns=["lemma", "kind", "stance", "plover"])
        return df.sort_values(["kind", "lemma"], ignore_index=True)

    def __len__(self) -> int:
        return len(self.entries)


#: Inflectional endings of English verbs and what replaces them, longest first.
_ENDINGS = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ing", "e"), ("es", ""), ("ed", ""), ("ed", "e"), ("s", ""),
            ("d", ""))


@lru_cache(maxsize=8192)
def _verb_base(word: str, verbs: frozenset[str]) -> str | None:
    if word in verbs:
        return word
    for ending, repl in _ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            base = word[: -len(ending)] + repl
            if base in verbs:
                return base
    return None


def _norm(lemma: str) -> str:
    return " ".join(lemma.lower().split())


def parse_cues(data: object, source: str = "<cues>") -> CueLexicon:
    """Build a :class:`CueLexicon` from the parsed YAML structure, checking it thoroughly.

    A ``(lemma, kind)`` pair may appear under one stance only; a duplicate is an error
    naming both stances, so every cue has exactly one stance hint.
    """
    sections_ok = isinstance(data, dict) and all(isinstance(data.get(k), dict) for k in ("stances", "cues"))
    if not sections_ok:
        raise CueLexiconError(f"{source}: expected a mapping with 'stances' and 'cues' sections")
    stances: dict[str, str | None] = {}
    for name, spec in data["stances"].items():
        if not isinstance(spec, dict) or "plover" not in spec:
            raise CueLexiconError(f"{source}: stance {name!r} needs a mapping with a 'plover' key")
        stances[str(name)] = spec["plover"]
    entries: dict[tuple[str, str], str] = {}
    for stance, groups in data["cues"].items():
        if stance not in stances:
            raise CueLexiconError(f"{source}: cues listed under unknown stance {stance!r} (declare it under 'stances')")
        if not isinstance(groups, dict):
            raise CueLexiconError(f"{source}: cues.{stance} must map kinds ({', '.join(KINDS)}) to lists")
        for kind, lemmas in groups.items():
            if kind not in KINDS:
                raise CueLexiconError(f"{source}: cues.{stance}.{kind}: unknown kind (expected one of {KINDS})")
            if not isinstance(lemmas, list):
                raise CueLexiconError(f"{source}: cues.{stance}.{kind} must be a list")
            for raw in lemmas:
                if not isinstance(raw, str) or not raw.strip():
                    raise CueLexiconError(f"{source}: cues.{stance}.{kind}: bad entry {raw!r}")
                lemma = _norm(raw)
                if (" " in lemma) != (kind == "multiword"):
                    raise CueLexiconError(
                        f"{source}: cues.{stance}.{kind}: {lemma!r} "
                        + ("is one word: list it under verb or noun" if kind == "multiword" else "has several words:"
                           " list it under multiword")
                    )
                key = (lemma, kind)
                if key in entries and entries[key] != stance:
                    raise CueLexiconError(
                        f"{source}: {kind} {lemma!r} is listed under both {entries[key]!r} and {stance!r}"
                    )
                entries[key] = stance
    return CueLexicon(entries, stances, source)


def default_path() -> Path:
    """Where the packaged lexicon lives."""
    return Path(str(resources.files("rhetoriclab") / "data" / "cues.yaml"))


@cache
def _load_default() -> CueLexicon:
    return load_cues_file(default_path())


def load_cues_file(path: str | Path) -> CueLexicon:
    """Read a cue lexicon from a YAML file (errors name the file)."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise CueLexiconError(f"{path}: not valid YAML: {exc}") from exc
    return parse_cues(data, str(path))


def load_cues(path: str | Path | None = None) -> CueLexicon:
    """The cue lexicon: the packaged one (cached) by default, or the one at ``path``."""
    return _load_default() if path is None else load_cues_file(path)
