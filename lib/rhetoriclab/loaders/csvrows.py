"""CSV rows with the line each starts on, and clear reasons when a file is not well-formed CSV."""

from __future__ import annotations

import csv
import io

from rhetoriclab.documents import Problem
from rhetoriclab.loaders.fields import canonical

#: Long articles are longer than the csv module's default field limit (128 KiB).
FIELD_LIMIT = 2**31 - 1

Row = tuple[int, dict[str, str]]


def read_csv_rows(text: str, display: str) -> tuple[list[str], list[Row], list[Problem]]:
    """Parse ``text`` as CSV with a header row; return ``(header, [(line, row), ...], problems)``.

    Header names are given as their canonical field names (:func:`~rhetoriclab.loaders.fields.canonical`).
    Rows whose field count differs from the header's are reported and left out; parsing stops at the first
    quoting error (reported with its line).
    """
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), strict=True)
    problems: list[Problem] = []
    rows: list[Row] = []
    header: list[str] = []
    start = 1
    old_limit = csv.field_size_limit(FIELD_LIMIT)
    try:
        for fields in reader:
            line, start = start, reader.line_num + 1
            if not fields or (len(fields) == 1 and not fields[0].strip()):
                continue
            if not header:
                header = [canonical(f) for f in fields]
                problems += _check_header(header, display, line)
                continue
            if len(fields) != len(header):
                problems.append(Problem(display, line, f"row has {len(fields)} fields but the header has "
                                                       f"{len(header)}; row skipped"))
                continue
            damaged = [name or f"#{i + 1}" for i, (name, value) in enumerate(zip(header, fields, strict=True))
                       if "\0" in value]
            if damaged:
                problems.append(Problem(display, line, f"NUL character (byte 0) in column(s) {damaged}: the row is "
                                                       "damaged or binary; row skipped"))
                continue
            rows.append((line, dict(zip(header, fields, strict=True))))
    except csv.Error as e:
        problems.append(Problem(display, reader.line_num, f"not valid CSV: {e}; rest of file skipped"))
    finally:
        csv.field_size_limit(old_limit)
    if not header:
        problems.append(Problem(display, None, "no header row: the file is empty"))
    return header, rows, problems


def _check_header(header: list[str], display: str, line: int) -> list[Problem]:
    problems = []
    if any(not h for h in header):
        problems.append(Problem(display, line, f"header has an empty column name: {header}"))
    dupes = sorted({h for h in header if h and header.count(h) > 1})
    if dupes:
        problems.append(Problem(display, line, f"header repeats column(s) {dupes} (aliases included); "
                                               "the last one of each is used"))
    return problems
