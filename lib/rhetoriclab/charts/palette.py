"""One colour per PLOVER event type and per quad class, for every chart (colours in ``data/charts/palette.yaml``).

Quad names are accepted in any spelling (``verbal-conflict``, ``VERBAL_CONFLICT``, ``verbal conflict``); event
types renamed between PLOVER versions (``DEMAND`` -> ``REQUEST``) share a colour; anything else is grey.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import matplotlib.colors
import yaml

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
QUADS = ("verbal-cooperation", "material-cooperation", "verbal-conflict", "material-conflict")


class PaletteError(ValueError):
    """The palette file is incomplete or holds a value that is not a colour (the message names the key)."""


@dataclass(frozen=True)
class Palette:
    types: dict[str, str]
    quads: dict[str, str]
    other: str
    aliases: dict[str, str]

    def event(self, name: object) -> str:
        """Colour of an event type (PLOVER 2021 name or a 2018 alias); grey for anything else."""
        key = str(name).strip().upper()
        return self.types.get(self.aliases.get(key, key), self.other)

    def quad(self, name: object) -> str:
        """Colour of a quad class in any spelling; grey for anything else."""
        return self.quads.get(quad_key(name), self.other)

    def get(self, name: object) -> str | None:
        """Colour of ``name`` as an event type or a quad class, None when it is neither."""
        key = str(name).strip().upper()
        if self.aliases.get(key, key) in self.types:
            return self.event(key)
        if quad_key(name) in self.quads:
            return self.quad(name)
        if key == "OTHER":
            return self.other
        return None


def quad_key(name: object) -> str:
    """``VERBAL_CONFLICT`` / ``verbal conflict`` -> ``verbal-conflict``."""
    return re.sub(r"[\s_]+", "-", str(name).strip().lower())


def parse_palette(data: dict, source: str = "palette.yaml") -> Palette:
    for key in ("types", "quads", "other"):
        if key not in data:
            raise PaletteError(f"{source}: missing {key!r}")
    missing = [t for t in PLOVER_TYPES if t not in data["types"]] + [q for q in QUADS if q not in data["quads"]]
    if missing:
        raise PaletteError(f"{source}: no colour for {missing}")
    for section in ("types", "quads"):
        for name, value in data[section].items():
            if not matplotlib.colors.is_color_like(value):
                raise PaletteError(f"{source}: {section}.{name} is {value!r}, not a colour")
    aliases = {str(k).upper(): str(v).upper() for k, v in (data.get("aliases") or {}).items()}
    bad = [k for k, v in aliases.items() if v not in data["types"]]
    if bad:
        raise PaletteError(f"{source}: aliases {bad} point to no event type")
    return Palette(dict(data["types"]), {quad_key(k): v for k, v in data["quads"].items()}, data["other"], aliases)


@cache
def palette() -> Palette:
    """The project's palette (cached)."""
    text = resources.files("rhetoriclab.data").joinpath("charts/palette.yaml").read_text(encoding="utf-8")
    return parse_palette(yaml.safe_load(text))


def event_colour(name: object) -> str:
    return palette().event(name)


def quad_colour(name: object) -> str:
    return palette().quad(name)


#: quad class -> colour, plus "other" (for tables and HTML legends).
QUAD_COLOURS: dict[str, str] = {**palette().quads, "other": palette().other}
#: PLOVER 2021 event type -> colour, plus "other".
EVENT_COLOURS: dict[str, str] = {**palette().types, "other": palette().other}
