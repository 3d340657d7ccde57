"""Load your own articles into a :class:`~rhetoriclab.documents.Corpus`.

``load_path`` takes a folder (``.txt``/``.md`` files with optional YAML front
matter and an optional ``manifest.csv``), a single ``.txt``/``.md`` file (its
folder's manifest row applies), or a ``.csv``/``.jsonl``/``.parquet`` file of records.
:class:`DocumentStream` reads a large JSON Lines or Parquet file (or Parquet dataset) lazily.
Whatever cannot be loaded as it stands is reported on ``Corpus.problems``
(file, line, reason); ``strict=True`` raises :class:`~rhetoriclab.documents.LoadError`
listing every problem instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rhetoriclab.documents import Corpus, LoadError, Problem
from rhetoriclab.loaders.dates import parse_date
from rhetoriclab.loaders.fields import FIELDS, MANIFEST_COLUMNS, RECORD_COLUMNS
from rhetoriclab.loaders.folder import TABLE_LOADERS, load_folder, no_manifest_row
from rhetoriclab.loaders.ids import drop_duplicate_ids
from rhetoriclab.loaders.manifest import MANIFEST_NAME, read_manifest
from rhetoriclab.loaders.stream import DocumentStream, load_parquet
from rhetoriclab.loaders.summary import counts_by_month, date_coverage, format_summary, summarize
from rhetoriclab.loaders.tables import load_csv, load_jsonl
from rhetoriclab.loaders.textfile import TEXT_SUFFIXES, read_text_document

__all__ = [
    "FIELDS", "MANIFEST_COLUMNS", "RECORD_COLUMNS", "DocumentStream", "counts_by_month", "date_coverage",
    "format_summary", "load_csv", "load_file", "load_folder", "load_jsonl", "load_parquet", "load_path", "load_paths",
    "parse_date", "summarize",
]


def load_file(path: str | Path, *, display: str | None = None) -> Corpus:
    """Load one ``.txt``/``.md`` (with its folder's ``manifest.csv`` row, if any), ``.csv`` or ``.jsonl`` file."""
    path = Path(path)
    display = display or str(path)
    suffix = path.suffix.lower()
    if suffix in TABLE_LOADERS:
        return TABLE_LOADERS[suffix](path, display=display)
    if suffix not in TEXT_SUFFIXES:
        known = ", ".join([*TEXT_SUFFIXES, *TABLE_LOADERS])
        return Corpus([], [Problem(display, None, f"unsupported file type {suffix or '(none)'!r}; expected {known}")])
    manifest_path = path.parent / MANIFEST_NAME
    manifest_display = str(Path(display).parent / MANIFEST_NAME)
    manifest = read_manifest(manifest_path, manifest_display) if manifest_path.is_file() else None
    row = manifest.rows.get(path.name) if manifest else None
    problems: list[Problem] = []
    if manifest:  # the manifest's own problems that concern this file: its header, its row
        problems += [p for p in manifest.problems if p.line in (None, 1) or (row and p.line == row.line)]
    doc, why = read_text_document(path, display, row, manifest_display)
    if manifest and manifest.usable and row is None:
        problems.append(no_manifest_row(display, manifest_display, loaded=doc is not None))
    return Corpus([doc] if doc else [], [*problems, *why], path.stem)


def load_path(path: str | Path, *, strict: bool = False) -> Corpus:
    """Load a folder or a file of documents (see the module docstring)."""
    return load_paths([path], strict=strict)


def load_paths(paths: Iterable[str | Path], *, strict: bool = False) -> Corpus:
    """Load several folders or files into one corpus; ids must be unique across all of them."""
    docs, problems, names = [], [], []
    for path in paths:
        display = str(path)
        p = Path(path)
        if p.is_dir():
            part = load_folder(p, display=display)
        elif p.is_file():
            part = load_file(p, display=display)
        else:
            part = Corpus([], [Problem(display, None, "no such file or folder")], p.name)
        docs += part.documents
        problems += part.problems
        names.append(part.name)
    docs, dupes = drop_duplicate_ids(docs)
    corpus = Corpus(docs, [*problems, *dupes], " + ".join(n for n in names if n))
    if strict and corpus.problems:
        raise LoadError(corpus.problems)
    return corpus
