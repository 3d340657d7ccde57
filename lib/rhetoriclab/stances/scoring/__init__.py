"""Measuring instruments for the stance coder, independent of its rules (issue #10).

- :mod:`.common`: PLOVER 2021 types, the map from the older types, actor codes, which records count.
- :mod:`.splits`: the deterministic halves "a" (rules may be written on it) and "b" (check only) of each dev set.
- :mod:`.sample`: precision/recall/F1 on the hand-coded sample of our own corpora (``tests/gold/corpus_sample.yaml``).
- :mod:`.directed`: the directed-sentiment scorer (Park, Pan & Joo, ACL 2021).
- :mod:`.plover`: the PLOVER gold records, per split, through the shared ``score_events.py``.

Every scorer reads system records as the JSON-ready dicts of :func:`rhetoriclab.stances.frame.stance_records`.
"""

from rhetoriclab.stances.scoring.common import (
    OLDER_EVENTS,
    PLOVER_2021_EVENTS,
    PLOVER_2021_QUADS,
    Counts,
    actor_code,
    is_counted,
    normalise_event,
)
from rhetoriclab.stances.scoring.splits import SPLITS, in_split, split_of

__all__ = [
    "OLDER_EVENTS",
    "PLOVER_2021_EVENTS",
    "PLOVER_2021_QUADS",
    "SPLITS",
    "Counts",
    "actor_code",
    "in_split",
    "is_counted",
    "normalise_event",
    "split_of",
]
