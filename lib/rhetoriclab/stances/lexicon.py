"""The cue dictionaries behind the dictionary coder, loaded from readable YAML files.

``data/stances/events.yaml`` lists cue lemmas for the 16 PLOVER 2021 event types (with their quad class, the
manual's modes and whether the type requires a recipient); ``data/stances/modifiers.yaml`` lists the negation,
conditional, hedging, boosting, speech, intent and obligation words.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path

import pandas as pd
import yaml

from rhetoriclab.stances.scheme import PLOVER_EVENTS, QUADS

CUE_SECTIONS = ("verbs", "nouns", "phrases", "negated_verbs")


class LexiconError(ValueError):
    """A dictionary file that cannot be used as it stands (names the file and the entry)."""


@dataclass(frozen=True)
class Cue:
    """One dictionary entry: a lemma (or two-lemma phrase) that signals an event type."""

    event: str
    mode: str | None
    kind: str  # verbs / nouns / phrases / negated_verbs
    lemma: str


@dataclass(frozen=True)
class EventType:
    """A PLOVER event type: its quad class, the manual's modes, and whether it requires a recipient."""

    name: str
    quad: str
    modes: tuple[str, ...] = ()
    recipient: bool = False


@dataclass(frozen=True, eq=False)
class EventLexicon:
    """All cue entries, indexed for lookup by lemma."""

    types: dict[str, EventType]
    verbs: dict[str, Cue]
    nouns: dict[str, Cue]
    phrases: dict[str, list[tuple[str, Cue]]]
    negated_verbs: dict[str, Cue]
    complement_modes: dict[str, str]
    light_verbs: frozenset[str]
    recipient_verbs: frozenset[str]
    source: str = ""
    #: The broad second lexicon: CAMEO verbs (PETRARCH2) mapped to PLOVER, used where ours has no entry.
    broad_verbs: dict[str, Cue] = field(default_factory=dict)
    broad_stoplist: frozenset[str] = frozenset()
    needs_object: frozenset[str] = frozenset()
    #: Prepositions that introduce a target, by quad family ("cooperation", "conflict").
    target_preps: dict[str, frozenset[str]] = field(default_factory=dict)

    def preps_for(self, event: str) -> frozenset[str]:
        family = "cooperation" if self.quad(event).endswith("cooperation") else "conflict"
        return self.target_preps.get(family, frozenset())

    def quad(self, event: str) -> str:
        return self.types[event].quad

    def frame(self) -> pd.DataFrame:
        """One row per cue entry: event, quad, kind, lemma, mode."""
        rows = []
        for kind in ("verbs", "nouns", "negated_verbs"):
            for cue in getattr(self, kind).values():
                rows.append(cue)
        for entries in self.phrases.values():
            rows.extend(c for _, c in entries)
        df = pd.DataFrame([{"event": c.event, "quad": self.quad(c.event), "kind": c.kind, "lemma": c.lemma,
                            "mode": c.mode} for c in rows])
        order = {e: i for i, e in enumerate(PLOVER_EVENTS)}
        return df.sort_values(["event", "kind", "lemma"], key=lambda s: s.map(order) if s.name == "event" else s,
                              ignore_index=True)


@dataclass(frozen=True, eq=False)
class ModifierLexicon:
    """Word lists for negation, conditionals, hedges, boosters, speech verbs, intent and obligation."""

    negation: frozenset[str]
    conditional: tuple[str, ...]
    hedging: tuple[str, ...]
    boosting: tuple[str, ...]
    speech_verbs: frozenset[str]
    intent: frozenset[str]
    obligation: dict[str, str | None] = field(default_factory=dict)
    possibility: frozenset[str] = frozenset()


def _data_path(name: str) -> Path:
    return Path(str(resources.files("rhetoriclab") / "data" / "stances" / name))


def _read_yaml(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        raise LexiconError(f"{path}: not valid YAML: {e}") from e
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: expected a mapping at the top level")
    return data


def parse_event_lexicon(data: dict, source: str = "<events>") -> EventLexicon:
    """Build an :class:`EventLexicon` from the parsed YAML, checking every entry."""
    types_in = data.get("types")
    if not isinstance(types_in, dict):
        raise LexiconError(f"{source}: missing 'types' mapping")
    unknown = sorted(set(types_in) - set(PLOVER_EVENTS))
    if unknown:
        raise LexiconError(f"{source}: unknown event type(s) {unknown}; PLOVER types are {list(PLOVER_EVENTS)}")
    missing = [e for e in PLOVER_EVENTS if e not in types_in]
    if missing:
        raise LexiconError(f"{source}: no entries for event type(s) {missing}")
    types: dict[str, EventType] = {}
    verbs: dict[str, Cue] = {}
    nouns: dict[str, Cue] = {}
    negated: dict[str, Cue] = {}
    phrases: dict[str, list[tuple[str, Cue]]] = {}
    seen_phrases: dict[str, str] = {}
    complement_modes: dict[str, str] = {}
    for name in PLOVER_EVENTS:
        spec = types_in[name] or {}
        where = f"{source}: types.{name}"
        quad = spec.get("quad")
        if quad not in QUADS:
            raise LexiconError(f"{where}.quad is {quad!r}; expected one of {list(QUADS)}")
        modes = tuple(str(m) for m in (spec.get("modes") or ()))
        types[name] = EventType(name, quad, modes, bool(spec.get("recipient", False)))
        for section, index in (("verbs", verbs), ("nouns", nouns), ("negated_verbs", negated)):
            for lemma, mode in (spec.get(section) or {}).items():
                lemma = str(lemma).lower()
                if lemma in index:
                    raise LexiconError(f"{where}.{section}: {lemma!r} is already a cue for {index[lemma].event}")
                index[lemma] = Cue(name, mode, section, lemma)
        for phrase, mode in (spec.get("phrases") or {}).items():
            words = str(phrase).lower().split()
            if len(words) != 2:
                raise LexiconError(f"{where}.phrases: {phrase!r} must be two words (a lemma and a dependent lemma)")
            if phrase in seen_phrases:
                raise LexiconError(f"{where}.phrases: {phrase!r} is already a cue for {seen_phrases[phrase]}")
            seen_phrases[phrase] = name
            phrases.setdefault(words[0], []).append((words[1], Cue(name, mode, "phrases", " ".join(words))))
        for lemma, mode in (spec.get("complement_modes") or {}).items():
            complement_modes[str(lemma).lower()] = str(mode)
        entries = [*verbs.values(), *nouns.values(), *negated.values(), *(c for e in phrases.values() for _, c in e)]
        for mode in {c.mode for c in entries if c.event == name}:
            if mode is not None and mode not in modes:
                raise LexiconError(f"{where}: mode {mode!r} is not one of the type's modes {list(modes)}")
    return EventLexicon(types, verbs, nouns, phrases, negated, complement_modes,
                        frozenset(str(w).lower() for w in data.get("light_verbs") or ()),
                        frozenset(str(w).lower() for w in data.get("recipient_verbs") or ()), source,
                        broad_stoplist=frozenset(str(w).lower() for w in data.get("broad_stoplist") or ()),
                        needs_object=frozenset(str(w).lower() for w in data.get("needs_object") or ()),
                        target_preps={str(k): _word_set(v, f"{source}: target_preps.{k}")
                                      for k, v in (data.get("target_preps") or {}).items()})


def _word_set(values, where: str) -> frozenset[str]:
    """A list of words; YAML reads bare on/off/yes/no as booleans, so a non-string is an error that says so."""
    bad = [v for v in values or () if not isinstance(v, str)]
    if bad:
        raise LexiconError(f"{where}: {bad!r} are not words (quote on/off/yes/no in YAML)")
    return frozenset(v.lower() for v in values or ())


def parse_modifier_lexicon(data: dict, source: str = "<modifiers>") -> ModifierLexicon:
    """Build a :class:`ModifierLexicon` from the parsed YAML."""
    need = ("negation", "conditional", "hedging", "boosting", "speech_verbs", "intent", "obligation")
    missing = [k for k in need if k not in data]
    if missing:
        raise LexiconError(f"{source}: missing list(s) {missing}")

    def words(key: str) -> tuple[str, ...]:
        value = data[key]
        if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
            raise LexiconError(f"{source}: {key} must be a list of words")
        return tuple(w.lower() for w in value)

    return ModifierLexicon(frozenset(words("negation")), words("conditional"), words("hedging"), words("boosting"),
                           frozenset(words("speech_verbs")), frozenset(words("intent")),
                           {str(k).lower(): v for k, v in (data["obligation"] or {}).items()},
                           frozenset(words("possibility")) if "possibility" in data else frozenset())


def with_cameo_verbs(lexicon: EventLexicon, speech_verbs: frozenset[str] = frozenset()) -> EventLexicon:
    """``lexicon`` with the CAMEO verb dictionary as its broad lexicon (verbs it lists itself, and speech verbs,
    excluded; a CAMEO mode the PLOVER type does not have is dropped)."""
    from rhetoriclab.stances.cameo_verbs import cameo_verb_lexicon

    ours = set(lexicon.verbs) | set(lexicon.negated_verbs) | set(speech_verbs) | set(lexicon.broad_stoplist)
    broad = {lemma: Cue(event, mode if mode in lexicon.types[event].modes else None, "cameo", code)
             for lemma, (event, mode, code) in cameo_verb_lexicon().items() if lemma not in ours}
    return replace(lexicon, broad_verbs=broad)


@cache
def _default_events() -> EventLexicon:
    path = _data_path("events.yaml")
    return with_cameo_verbs(parse_event_lexicon(_read_yaml(path), str(path.name)), _default_modifiers().speech_verbs)


@cache
def _default_modifiers() -> ModifierLexicon:
    path = _data_path("modifiers.yaml")
    return parse_modifier_lexicon(_read_yaml(path), str(path.name))


def load_event_lexicon(path: str | Path | None = None) -> EventLexicon:
    """The event dictionary (cached default, or a user file in the same format)."""
    if path is None:
        return _default_events()
    path = Path(path)
    return parse_event_lexicon(_read_yaml(path), str(path))


def load_modifier_lexicon(path: str | Path | None = None) -> ModifierLexicon:
    """The modifier word lists (cached default, or a user file in the same format)."""
    if path is None:
        return _default_modifiers()
    path = Path(path)
    return parse_modifier_lexicon(_read_yaml(path), str(path))
