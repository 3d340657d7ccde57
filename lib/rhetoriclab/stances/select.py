"""Which stance records an analysis counts: asserted acts by default, own voice or reported events on request.

Every aggregation helper (:mod:`rhetoriclab.aggregate`) and chart passes its table through
:func:`stance_filter`, which by default leaves out negated records ("we do not want any conflicts") and
hypothetical ones ("Russia may invade", questions, conditions other than a threat's), and says in
``attrs["excluded"]`` / ``attrs["note"]`` how many it left out and why.
"""

from __future__ import annotations

import pandas as pd

#: The confidence threshold the case studies use (notebook 03 shows precision and recall at each threshold on our
#: hand-coded sample; 0.5 trades about a third of the recall for precision near 0.8 on it).
STUDY_MIN_CONFIDENCE = 0.5

#: Which records a voice choice keeps: the reporter's own acts, events it reports of others, or both.
VOICE_CHOICES = ("all", "own", "reported")


def stance_filter(table: pd.DataFrame, *, voice: str = "all", include_negated: bool = False,
                  include_hypothetical: bool = False, min_confidence: float = 0.0) -> pd.DataFrame:
    """The rows of a stance table an analysis should count, with what was left out in ``attrs``.

    ``voice``: ``"own"`` keeps stances the reporter performs (``voice == "own"``), ``"reported"`` the events it
    reports, ``"all"`` both. Columns a table lacks (an attribution table, an older run) are not filtered on.
    """
    if voice not in VOICE_CHOICES:
        raise ValueError(f"voice must be one of {VOICE_CHOICES}, not {voice!r}")
    keep = pd.Series(True, index=table.index)
    excluded: dict[str, int] = {}

    def drop(name: str, mask: pd.Series) -> None:
        nonlocal keep
        mask = mask.fillna(False).astype(bool) & keep
        if mask.any():
            excluded[name] = int(mask.sum())
        keep = keep & ~mask

    if not include_negated and "negated" in table:
        drop("negated", table["negated"])
    if not include_hypothetical and "hypothetical" in table:
        drop("hypothetical", table["hypothetical"])
    if voice != "all" and "voice" in table:
        drop(f"not {voice} voice", table["voice"] != voice)
    if min_confidence > 0 and "confidence" in table:
        drop(f"confidence below {min_confidence:g}", table["confidence"].astype(float) < min_confidence)
    out = table[keep].copy()
    out.attrs = {**table.attrs, "excluded": excluded, "note": exclusion_note(excluded, len(table))}
    return out


def exclusion_note(excluded: dict[str, int], total: int) -> str:
    """"Left out 12 of 340 records: 9 negated, 3 hypothetical." (or "Kept all 340 records.")"""
    if not excluded:
        return f"Kept all {total:,} records."
    parts = ", ".join(f"{n:,} {why}" for why, n in excluded.items())
    return f"Left out {sum(excluded.values()):,} of {total:,} records: {parts}."
