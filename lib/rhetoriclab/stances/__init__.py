"""Stances: who signals what to whom, coded with PLOVER event types, modes and Goldstein scores."""

from rhetoriclab.stances.code import DictionaryCoder, StanceCoder, code_stances
from rhetoriclab.stances.frame import COLUMNS, records_frame, stance_records, stances_frame
from rhetoriclab.stances.goldstein import GOLDSTEIN_TABLE, goldstein, mapping_frame
from rhetoriclab.stances.lexicon import PLOVER_EVENTS, load_event_lexicon, load_modifier_lexicon

__all__ = [
    "COLUMNS",
    "GOLDSTEIN_TABLE",
    "PLOVER_EVENTS",
    "DictionaryCoder",
    "StanceCoder",
    "code_stances",
    "goldstein",
    "load_event_lexicon",
    "load_modifier_lexicon",
    "mapping_frame",
    "records_frame",
    "stance_records",
    "stances_frame",
]
