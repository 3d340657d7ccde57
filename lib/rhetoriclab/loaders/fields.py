"""The metadata vocabulary shared by manifests, front matter, CSV and JSON Lines files.

Every source names fields the same way: ``id, date, title, outlet, author, url, kind, speaker, issuer,
language`` and, for records, ``text``. :data:`ALIASES` lists other accepted names (``source_url`` or
``link`` for ``url``, ``headline`` for ``title``, ``body`` for ``text``). :func:`convert_fields` turns raw
values into :class:`~rhetoriclab.documents.Document` keyword arguments and says what was wrong with any.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from rhetoriclab.documents import KINDS
from rhetoriclab.loaders.dates import parse_date

#: Metadata fields, in the order they are documented.
FIELDS = ("id", "date", "title", "outlet", "author", "url", "kind", "speaker", "issuer", "language")
#: Columns of a folder's ``manifest.csv``.
MANIFEST_COLUMNS = ("file", *FIELDS)
#: Columns of a CSV or JSON Lines file of documents.
RECORD_COLUMNS = ("id", "text", *FIELDS[1:])
#: Other names accepted for a field (as in many scraped data sets).
ALIASES = {"source_url": "url", "link": "url", "headline": "title", "body": "text"}


def canonical(name: str) -> str:
    """The field a column or key name stands for (case and surrounding spaces ignored)."""
    key = name.strip().lower()
    return ALIASES.get(key, key)


def convert_fields(raw: Mapping[str, object]) -> tuple[dict, dict[str, str]]:
    """Convert known fields to ``Document`` keyword arguments; return them and, by field, why a value was rejected.

    Blank values count as absent. A bad date is left out (the document stays undated); an unknown kind is
    left out (the document keeps the default kind ``news``).
    """
    values: dict = {}
    reasons: dict[str, str] = {}
    for name, value in raw.items():
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if name == "date":
            try:
                values["date"] = parse_date(value)
            except ValueError as e:
                reasons["date"] = f"{e}; document kept undated"
        elif name == "kind":
            kind = str(value).strip().lower()
            if kind in KINDS:
                values["kind"] = kind
            else:
                reasons["kind"] = f"unknown kind {value!r} (expected one of: {', '.join(KINDS)}); using 'news'"
        elif isinstance(value, dt.date):
            values[name] = value.isoformat()
        else:
            values[name] = str(value).strip()
    return values, reasons


def json_ready(value: object) -> object:
    """A JSON-serialisable copy of a metadata value (dates become ISO strings)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): json_ready(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_ready(v) for v in value]
    return value
