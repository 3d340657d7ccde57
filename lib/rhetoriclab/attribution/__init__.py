"""Who said what: direct quotes, reported speech, speaker turns and their sources.

``extract_attributions(document, doc=None, registry=None)`` runs the whole pipeline on one document;
``attributions_frame(corpus)`` gives the tidy table, ``attribution_records(document, attributions)``
the JSON Lines records written by ``rhetoriclab quotes --jsonl``.
"""

from rhetoriclab.attribution.extract import Extraction, extract, extract_attributions
from rhetoriclab.attribution.frame import COLUMNS, attribution_records, attributions_frame, records_frame
from rhetoriclab.attribution.quotes import Quote, find_quotes

__all__ = ["COLUMNS", "Extraction", "Quote", "attribution_records", "attributions_frame", "extract",
           "extract_attributions", "find_quotes", "records_frame"]
