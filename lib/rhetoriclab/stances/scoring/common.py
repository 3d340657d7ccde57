"""What every scorer shares: PLOVER 2021 types and quads, the older-type map, actor codes, and which records count.

The types and quad categories are those of the PLOVER 2021 manual (openeventdata/PLOVER, ``PLOVER_MANUAL.tex``,
CC BY-SA 4.0). The PLOVER gold records and older versions of our coder use PLOVER 0.5b1 names; they are read
through :data:`OLDER_EVENTS` (as the shared ``score_events.py`` does). ``CRIME`` has no 2021 counterpart and is
kept as it is, so it never matches a 2021 gold type.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

#: PLOVER 2021 event type -> quad category, in the manual's order.
PLOVER_2021_QUADS: dict[str, str] = {
    "AGREE": "verbal-cooperation", "CONSULT": "verbal-cooperation", "SUPPORT": "verbal-cooperation",
    "CONCEDE": "verbal-cooperation",
    "COOPERATE": "material-cooperation", "AID": "material-cooperation", "RETREAT": "material-cooperation",
    "REQUEST": "verbal-conflict", "ACCUSE": "verbal-conflict", "REJECT": "verbal-conflict",
    "THREATEN": "verbal-conflict",
    "PROTEST": "material-conflict", "SANCTION": "material-conflict", "MOBILIZE": "material-conflict",
    "COERCE": "material-conflict", "ASSAULT": "material-conflict",
}
PLOVER_2021_EVENTS: tuple[str, ...] = tuple(PLOVER_2021_QUADS)

#: PLOVER 0.5b1 type -> PLOVER 2021 type (the gold records' and the older coder's names).
OLDER_EVENTS: dict[str, str] = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
                                "FIGHT": "ASSAULT"}


def normalise_event(event: str | None) -> str | None:
    """The PLOVER 2021 name of ``event`` (upper case; older names mapped); None stays None."""
    if not event:
        return None
    e = str(event).strip().upper()
    return OLDER_EVENTS.get(e, e)


def polarity_of(record: Mapping) -> str | None:
    """"cooperation" or "conflict" for a record, from its (normalised) event type, else from its ``quad``."""
    quad = PLOVER_2021_QUADS.get(normalise_event(record.get("event")) or "") or str(record.get("quad") or "")
    if quad.endswith("cooperation"):
        return "cooperation"
    if quad.endswith("conflict"):
        return "conflict"
    return None


def actor_code(actor: Mapping | str | None) -> str | None:
    """A comparable code: ISO3 for a state, ``IGO:<ORG>`` for an organisation, None when unresolved.

    Accepts a record's actor dict (``{"code": "IGO", "org": "NATO"}``, ``{"code": "RUS"}``) or a gold string
    (``"IGO:NATO"``, ``"rus"``). An organisation without a name is ``"IGO"``.
    """
    if actor is None:
        return None
    if isinstance(actor, str):
        code, org = actor, None
    else:
        code, org = actor.get("code"), actor.get("org")
    code = (code or "").strip().upper()
    if code.startswith("IGO:"):
        return code
    if code == "IGO" or (org and not code):
        return f"IGO:{str(org).strip().upper()}" if org else "IGO"
    return code or None


def is_counted(record: Mapping, *, include_negated: bool = False, include_hypothetical: bool = False,
               min_confidence: float = 0.0) -> bool:
    """Whether a record is scored: negated and hypothetical records, and records below ``min_confidence``, are
    left out unless asked for.

    A record without ``hypothetical`` is taken as not hypothetical; without ``negated``, as not negated; without
    ``confidence`` (gold), as certain.
    """
    if record.get("negated") and not include_negated:
        return False
    if float(record.get("confidence", 1.0) or 0.0) < min_confidence:
        return False
    return not (record.get("hypothetical") and not include_hypothetical)


@dataclass
class Counts:
    """True positives, false positives and false negatives, with precision, recall and F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, system: set, gold: set) -> None:
        """Count one unit (a sentence) of system against gold items."""
        self.tp += len(system & gold)
        self.fp += len(system - gold)
        self.fn += len(gold - system)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}
