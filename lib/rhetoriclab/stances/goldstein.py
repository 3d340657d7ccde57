"""Goldstein conflict-cooperation scores for coded events, via PLOVER type+mode -> CAMEO code.

The table is ``CAMEO.SCALE.txt`` (Goldstein 1992 scale for CAMEO codes, Parus Analytics/KEDS), transcribed from
openeventdata/phoenix_pipeline ``postprocess.py`` @ cf916f6 into ``data/goldstein.yaml``. Tables differ between
projects (GDELT, KEDS 0.9B5), so :data:`GOLDSTEIN_TABLE` names the one used. The PLOVER -> CAMEO mapping is
ours and lives in ``data/stances/events.yaml`` (``cameo`` of each type, per mode).
"""

from __future__ import annotations

import math
from functools import cache
from importlib import resources
from pathlib import Path

import pandas as pd
import yaml

from rhetoriclab.stances.lexicon import PLOVER_EVENTS, EventLexicon, load_event_lexicon

#: The published table the scores come from.
GOLDSTEIN_TABLE = "CAMEO.SCALE.txt (Goldstein 1992 scale for CAMEO; via openeventdata/phoenix_pipeline@cf916f6)"


@cache
def goldstein_table() -> dict[str, float]:
    """CAMEO code -> Goldstein value (-10 .. +10)."""
    path = Path(str(resources.files("rhetoriclab") / "data" / "goldstein.yaml"))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {str(k): float(v) for k, v in data["values"].items()}


def cameo_code(event: str, mode: str | None, lexicon: EventLexicon | None = None) -> str | None:
    """The CAMEO code our mapping gives a PLOVER event type and mode (None for CRIME)."""
    lexicon = lexicon or load_event_lexicon()
    return lexicon.types[event].cameo_code(mode)


def goldstein(event: str, mode: str | None, lexicon: EventLexicon | None = None) -> float:
    """Goldstein score of a PLOVER event type + mode; NaN when the type has no CAMEO counterpart (CRIME)."""
    code = cameo_code(event, mode, lexicon)
    if code is None:
        return math.nan
    table = goldstein_table()
    if code not in table:
        raise KeyError(f"CAMEO code {code!r} (for {event}/{mode}) is not in {GOLDSTEIN_TABLE}")
    return table[code]


def mapping_frame(lexicon: EventLexicon | None = None) -> pd.DataFrame:
    """The documented PLOVER (type, mode) -> CAMEO code -> Goldstein mapping, one row per pair."""
    lexicon = lexicon or load_event_lexicon()
    rows = []
    for event in PLOVER_EVENTS:
        et = lexicon.types[event]
        for mode, code in et.cameo.items():
            rows.append({"event": event, "quad": et.quad, "mode": None if mode == "default" else mode,
                         "cameo": code, "goldstein": goldstein(event, None if mode == "default" else mode, lexicon)})
    return pd.DataFrame(rows)
