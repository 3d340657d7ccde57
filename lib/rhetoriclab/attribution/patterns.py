"""Word lists for reported speech without a clause of its own and for group sources.

They live in ``rhetoriclab/data/attribution_patterns.yaml`` (topic prepositions by cue stance, noun-cue
prepositions, ``in X's words`` nouns, group nouns by sector); loaded once and checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import yaml


class PatternsError(ValueError):
    """The patterns file is malformed (the message names the file and the key)."""


@dataclass(frozen=True)
class Patterns:
    topic_preps: frozenset[str]
    topic_stances: frozenset[str]
    on_stances: frozenset[str]
    evaluative_preps: frozenset[str]
    evaluative_stances: frozenset[str]
    noun_content_preps: frozenset[str]
    noun_owner_preps: frozenset[str]
    in_owner_nouns: frozenset[str]
    group_sectors: dict[str, str]
    anaphoric_org: frozenset[str]
    anaphoric_person: frozenset[str]
    no_object_verbs: frozenset[str]

    def topic_prep_ok(self, prep: str, stance: str | None) -> bool:
        """Whether ``prep`` after a cue verb of ``stance`` introduces what was said (``spoke about``)."""
        if stance not in self.topic_stances:
            return False
        if prep in self.topic_preps:
            return True
        if prep == "on":
            return stance in self.on_stances
        return prep in self.evaluative_preps and stance in self.evaluative_stances


def _words(data: dict, key: str, source: str) -> frozenset[str]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        raise PatternsError(f"{source}: {key} must be a list of words")
    return frozenset(w.strip().lower() for w in value)


def parse_patterns(data: object, source: str = "<patterns>") -> Patterns:
    if not isinstance(data, dict) or not isinstance(data.get("topic_preps"), dict) \
            or not isinstance(data.get("group_sectors"), dict):
        raise PatternsError(f"{source}: expected a mapping with topic_preps and group_sectors mappings")
    tp = data["topic_preps"]
    groups: dict[str, str] = {}
    for sector in data["group_sectors"]:
        for noun in _words(data["group_sectors"], sector, f"{source}: group_sectors"):
            if noun in groups:
                raise PatternsError(f"{source}: group noun {noun!r} listed under {groups[noun]} and {sector}")
            groups[noun] = str(sector)
    return Patterns(
        topic_preps=_words(tp, "default", f"{source}: topic_preps"),
        topic_stances=_words(tp, "stances", f"{source}: topic_preps"),
        on_stances=_words(tp, "on_ok", f"{source}: topic_preps"),
        evaluative_preps=_words(tp, "evaluative", f"{source}: topic_preps"),
        evaluative_stances=_words(tp, "evaluative_stances", f"{source}: topic_preps"),
        noun_content_preps=_words(data, "noun_content_preps", source),
        noun_owner_preps=_words(data, "noun_owner_preps", source),
        in_owner_nouns=_words(data, "in_owner_nouns", source),
        group_sectors=groups,
        anaphoric_org=_words(data.get("anaphoric_nouns") or {}, "org", f"{source}: anaphoric_nouns"),
        anaphoric_person=_words(data.get("anaphoric_nouns") or {}, "person", f"{source}: anaphoric_nouns"),
        no_object_verbs=_words(data, "no_object_verbs", source),
    )


def default_path() -> Path:
    return Path(str(resources.files("rhetoriclab") / "data" / "attribution_patterns.yaml"))


@cache
def load_patterns() -> Patterns:
    """The packaged patterns (cached)."""
    path = default_path()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise PatternsError(f"{path}: not valid YAML: {exc}") from exc
    return parse_patterns(data, str(path))
