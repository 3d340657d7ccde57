"""The PLOVER 2021 event scheme: its 16 types, quad classes, the map from the older types, and the manual's scores.

Source: Open Event Data Alliance, *PLOVER: Political Language Ontology for Verifiable Event Records*, manual draft
0.8 (2021), openeventdata/PLOVER @ 5e0c24f, CC BY-SA 4.0. The conflict--cooperation scores are the manual's table
"PLOVER conflict--cooperation scores" (type and type:mode, -10 .. +10). They are read from the manual itself
(``PLOVER_MANUAL.tex``, pinned and sha256-checked like the corpora: from ``RHETORICLAB_DATA_MIRROR`` or the
pinned upstream commit), never retyped here.

One decision of ours: the table gives ``ACCUSE 3`` while every ACCUSE mode is negative (-2 to -3.5) and the
manual's earlier table gave ACCUSE -2.0; we read it as a sign slip and use **-3** (:data:`SCORE_CORRECTIONS`).
"""

from __future__ import annotations

import re
import warnings
from functools import cache

#: The 16 PLOVER 2021 event types, in the order of the manual's chapters.
PLOVER_EVENTS = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                 "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
QUADS = ("verbal-cooperation", "material-cooperation", "verbal-conflict", "material-conflict")
COOPERATION_QUADS = frozenset({"verbal-cooperation", "material-cooperation"})
CONFLICT_QUADS = frozenset({"verbal-conflict", "material-conflict"})

#: Older PLOVER types (0.5b1, the scheme of the PLOVER gold standard records) -> (2021 type, mode).
OLDER_TYPES: dict[str, tuple[str, str | None]] = {
    "DEMAND": ("REQUEST", None),
    "DISAPPROVE": ("ACCUSE", "disapprove"),
    "INVESTIGATE": ("ACCUSE", "investigate"),
    "FIGHT": ("ASSAULT", None),
}

#: Entries of the manual's score table that we read differently, with the reason.
SCORE_CORRECTIONS: dict[tuple[str, str | None], tuple[float, str]] = {
    ("ACCUSE", None): (-3.0, "the table prints 'ACCUSE 3'; its modes are -2 to -3.5 and the earlier table had "
                             "-2.0: a sign slip, read as -3"),
}

MANUAL = ("PLOVER_MANUAL.tex", "openeventdata/PLOVER @ 5e0c24f (CC BY-SA 4.0), table "
          "'PLOVER conflict--cooperation scores'")


def current_type(event: str | None, mode: str | None = None) -> tuple[str | None, str | None]:
    """(type, mode) in the 2021 scheme for a type of either scheme ("DEMAND" -> ("REQUEST", None))."""
    if event in OLDER_TYPES:
        new, new_mode = OLDER_TYPES[event]
        return new, new_mode or mode
    return event, mode


_CELL = re.compile(r"\\cellcolor\{[^}]*\}")


def parse_score_table(tex: str) -> dict[tuple[str, str | None], float]:
    """``{(TYPE, mode or None): score}`` from the manual's LaTeX: the uncommented table captioned
    "PLOVER conflict--cooperation scores", three (label, score) column pairs per row."""
    lines = [ln for ln in tex.splitlines() if not ln.lstrip().startswith("%")]
    text = "\n".join(lines)
    start = text.find("\\caption{PLOVER conflict--cooperation scores}")
    if start < 0:
        raise ValueError("PLOVER manual: no table captioned 'PLOVER conflict--cooperation scores'")
    end = text.find("\\end{tabular}", start)
    body = text[start:end]
    scores: dict[tuple[str, str | None], float] = {}
    for row in body.split("\\\\"):
        cells = [_CELL.sub("", c).strip() for c in row.split("&")]
        for label, value in zip(cells[0::2], cells[1::2], strict=False):
            label = label.replace("\\hline", "").strip()
            if not label or not re.fullmatch(r"-?\d+(\.\d+)?", value.strip()):
                continue
            kind, _, mode = label.partition(":")
            key = (kind.strip().upper(), mode.strip().lower() or None)
            scores[key] = float(value)
    missing = [e for e in PLOVER_EVENTS if (e, None) not in scores]
    if missing:
        raise ValueError(f"PLOVER manual score table: no score for {missing}")
    for key, (value, _why) in SCORE_CORRECTIONS.items():
        scores[key] = value
    return scores


@cache
def plover_scores() -> dict[tuple[str, str | None], float]:
    """The manual's scores (see :func:`parse_score_table`), read from the pinned manual; empty (with one warning)
    when the manual can be neither found in the mirror nor downloaded."""
    from rhetoriclab.corpora.fetch import fetch_files

    try:
        path = fetch_files("plover", [MANUAL[0]])[MANUAL[0]]
    except Exception as e:  # noqa: BLE001 -- offline without a mirror: records keep a missing score
        warnings.warn(f"PLOVER scores unavailable ({e}); plover_score will be empty. Set RHETORICLAB_DATA_MIRROR "
                      "to a folder holding plover/PLOVER_MANUAL.tex, or go online once.", stacklevel=2)
        return {}
    return parse_score_table(path.read_text(encoding="utf-8"))


def plover_score(event: str, mode: str | None = None) -> float | None:
    """The manual's score of a type and mode (the type's own score when the mode has none); None if unavailable."""
    scores = plover_scores()
    event, mode = current_type(event, mode)
    value = scores.get((event, mode), scores.get((event, None)))
    return value


def score_frame():
    """The score table as a DataFrame (type, mode, score, note), in the manual's type order."""
    import pandas as pd

    rows = [{"event": e, "mode": m, "score": v, "note": SCORE_CORRECTIONS.get((e, m), (None, ""))[1]}
            for (e, m), v in plover_scores().items()]
    order = {e: i for i, e in enumerate(PLOVER_EVENTS)}
    df = pd.DataFrame(rows, columns=["event", "mode", "score", "note"])
    return df.sort_values(["event", "mode"], key=lambda s: s.map(order) if s.name == "event" else s.fillna(""),
                          ignore_index=True)
