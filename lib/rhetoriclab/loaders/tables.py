"""CSV and JSON Lines files of documents: one record per row or line, named columns (:data:`RECORD_COLUMNS`).

``text`` is required. Without an ``id`` column, ids are ``<file stem>-<n>`` (n = record number, from 1).
Each record's text is used exactly as stored (``offset`` 0: offsets refer to the text field).
Unknown columns are reported once per file and kept in each document's ``meta``.
"""

from __future__ import annotations

import json
from pathlib import Path

from rhetoriclab.documents import Corpus, Document, Problem
from rhetoriclab.loaders.csvrows import read_csv_rows
from rhetoriclab.loaders.fields import FIELDS, RECORD_COLUMNS, canonical, convert_fields, json_ready
from rhetoriclab.loaders.ids import drop_duplicate_ids
from rhetoriclab.loaders.reading import read_text

Record = tuple[int, dict]


def load_csv(path: str | Path, *, display: str | None = None) -> Corpus:
    """Load a CSV file with a header row naming :data:`RECORD_COLUMNS` (at least ``text``)."""
    path = Path(path)
    display = display or str(path)
    text = read_text(path, display)
    if isinstance(text, Problem):
        return Corpus([], [Problem(text.file, text.line, f"{text.reason}; file skipped")], path.stem)
    header, rows, problems = read_csv_rows(text, display)
    columns = header
    if header and "text" not in columns:
        hint = " (it looks like a folder manifest: load its folder instead)" if "file" in columns else ""
        reason = f"no 'text' column (columns found: {', '.join(columns)}){hint}; file skipped"
        return Corpus([], [*problems, Problem(display, 1, reason)], path.stem)
    return _build(path, display, rows, columns, problems)


def load_jsonl(path: str | Path, *, display: str | None = None) -> Corpus:
    """Load a JSON Lines file: one JSON object per line with :data:`RECORD_COLUMNS` keys (at least ``text``)."""
    path = Path(path)
    display = display or str(path)
    text = read_text(path, display)
    if isinstance(text, Problem):
        return Corpus([], [Problem(text.file, text.line, f"{text.reason}; file skipped")], path.stem)
    problems: list[Problem] = []
    records: list[Record] = []
    columns: list[str] = []
    for n, line in enumerate(text.removeprefix("\ufeff").split("\n"), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(Problem(display, n, f"bad JSON: {e.msg.removesuffix(' at')} at column {e.colno}; "
                                                "line skipped"))
            continue
        if not isinstance(obj, dict):
            problems.append(Problem(display, n, f"expected a JSON object, got {type(obj).__name__}; line skipped"))
            continue
        names = [canonical(str(k)) for k in obj]
        clash = sorted({k for k in names if names.count(k) > 1})
        if clash:
            problems.append(Problem(display, n, f"keys repeat field(s) {clash} (aliases included); "
                                                "the last one of each is used"))
        obj = dict(zip(names, obj.values(), strict=True))
        columns += [k for k in obj if k not in columns]
        records.append((n, obj))
    if not text.strip():
        problems.append(Problem(display, None, "empty file"))
    elif records and "text" not in columns:
        reason = f"no 'text' key in any line (keys found: {', '.join(columns)}); file skipped"
        return Corpus([], [*problems, Problem(display, None, reason)], path.stem)
    return _build(path, display, records, columns, problems)


def _build(path: Path, display: str, records: list[Record], columns: list[str],
           problems: list[Problem]) -> Corpus:
    if not records and not problems:
        problems.append(Problem(display, None, "no records: the file has no data rows"))
    unknown = [c for c in columns if c and c not in RECORD_COLUMNS]
    if unknown:
        hint = " ('file' belongs in a folder manifest)" if "file" in unknown else ""
        problems.append(Problem(display, 1 if path.suffix.lower() == ".csv" else None,
                                f"unknown column(s) {unknown} (known: {', '.join(RECORD_COLUMNS)}){hint}; "
                                "their values are kept in each document's meta"))
    docs: list[Document] = []
    for n, (line, rec) in enumerate(records, start=1):
        doc, why = _record_document(rec, f"{path.stem}-{n}", "id" in columns, "date" in columns)
        problems += [Problem(display, line, r) for r in why]
        if doc is not None:
            doc.origin = f"{display}:{line}"
            docs.append(doc)
    if docs and "date" not in columns:
        problems.append(Problem(display, None, f"no 'date' column: all {len(docs)} documents are undated"))
    docs, dupes = drop_duplicate_ids(docs)
    return Corpus(docs, [*problems, *dupes], path.stem)


def _record_document(rec: dict, default_id: str, has_id: bool, has_date: bool) -> tuple[Document | None, list[str]]:
    text = rec.get("text")
    if text is None or (isinstance(text, str) and not text.strip()):
        return None, ["empty text field; record skipped"]
    if not isinstance(text, str):
        return None, [f"text field is a {type(text).__name__}, not a string; record skipped"]
    raw_id = rec.get("id")
    if has_id and (raw_id is None or not str(raw_id).strip()):
        return None, ["empty or missing id; record skipped"]
    fields, rejected = convert_fields({k: v for k, v in rec.items() if k in FIELDS and k != "id"})
    reasons = list(rejected.values())
    if has_date and "date" not in fields and "date" not in rejected:
        reasons.append("empty or missing date; document kept undated")
    meta = {k: json_ready(v) for k, v in rec.items() if k not in RECORD_COLUMNS}
    doc_id = str(raw_id).strip() if has_id else default_id
    return Document(id=doc_id, text=text, meta=meta, **fields), reasons
