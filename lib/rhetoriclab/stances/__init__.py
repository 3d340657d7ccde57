"""Stances: who acts toward whom, who reports it, coded with PLOVER 2021 event types, modes and scores."""

from rhetoriclab.stances.code import DictionaryCoder, StanceCoder, code_stances
from rhetoriclab.stances.frame import COLUMNS, records_frame, stance_records, stances_frame
from rhetoriclab.stances.lexicon import load_event_lexicon, load_modifier_lexicon
from rhetoriclab.stances.scheme import OLDER_TYPES, PLOVER_EVENTS, QUADS, plover_score, score_frame
from rhetoriclab.stances.select import stance_filter

__all__ = [
    "COLUMNS",
    "OLDER_TYPES",
    "PLOVER_EVENTS",
    "QUADS",
    "DictionaryCoder",
    "StanceCoder",
    "code_stances",
    "load_event_lexicon",
    "load_modifier_lexicon",
    "plover_score",
    "records_frame",
    "score_frame",
    "stance_filter",
    "stance_records",
    "stances_frame",
]
