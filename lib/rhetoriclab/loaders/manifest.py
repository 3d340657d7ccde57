"""A folder's ``manifest.csv``: one row of metadata per file (columns in :data:`MANIFEST_COLUMNS`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from rhetoriclab.documents import Problem
from rhetoriclab.loaders.csvrows import read_csv_rows
from rhetoriclab.loaders.fields import MANIFEST_COLUMNS
from rhetoriclab.loaders.reading import read_text

MANIFEST_NAME = "manifest.csv"


@dataclass
class ManifestRow:
    """Metadata for one file: known fields (raw text) and any unknown columns."""

    file: str
    line: int
    fields: dict[str, str]
    extra: dict[str, str] = field(default_factory=dict)


@dataclass
class Manifest:
    """The rows of a manifest by file path (relative to the folder, ``/``-separated), and its problems.

    ``usable`` is false when the manifest could not be read as one (then no file is reported for
    lacking a row).
    """

    display: str
    rows: dict[str, ManifestRow]
    problems: list[Problem]
    usable: bool = True


def read_manifest(path: Path, display: str) -> Manifest:
    """Read and check ``manifest.csv``: unknown columns, blank or repeated ``file`` cells are reported."""
    text = read_text(path, display)
    if isinstance(text, Problem):
        problem = Problem(text.file, text.line, f"{text.reason}; manifest ignored")
        return Manifest(display, {}, [problem], usable=False)
    header, rows, problems = read_csv_rows(text, display)
    if "file" not in header:
        found = ", ".join(header) if header else "none"
        reason = (f"not a usable manifest: no 'file' column (columns found: {found}); "
                  f"expected a CSV header such as {','.join(MANIFEST_COLUMNS)}; manifest ignored")
        return Manifest(display, {}, [*problems, Problem(display, 1, reason)], usable=False)
    unknown = [h for h in header if h and h not in MANIFEST_COLUMNS]
    if unknown:
        problems.append(Problem(display, 1, f"unknown column(s) {unknown} (known: {', '.join(MANIFEST_COLUMNS)}); "
                                            "their values are kept in each document's meta"))
    by_file: dict[str, ManifestRow] = {}
    for line, raw in rows:
        raw = dict(raw)
        name = raw.pop("file").strip()
        if not name:
            problems.append(Problem(display, line, "row has an empty 'file' cell; row skipped"))
            continue
        key = PurePosixPath(name.replace("\\", "/")).as_posix()
        if key in by_file:
            problems.append(Problem(display, line, f"file {name!r} already has a row (line {by_file[key].line}); "
                                                   "this row skipped"))
            continue
        known = {k: v for k, v in raw.items() if k in MANIFEST_COLUMNS}
        extra = {k: v for k, v in raw.items() if k and k not in MANIFEST_COLUMNS}
        by_file[key] = ManifestRow(name, line, known, extra)
    return Manifest(display, by_file, problems)

