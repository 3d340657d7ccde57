"""Small helpers the corpus loaders share: decoding, trimming with offsets, CSV rows with line numbers."""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rhetoriclab.documents import Problem

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
#: A line break inside a sentence: the line does not end a clause and the next one starts in lower case.
_MID_SENTENCE_BREAK = re.compile(r"[^\s.!?:;\"\u201d\u2019)\]][ \t]*\n(?=[ \t]*[a-z(])")


def decode(path: Path, origin: str) -> tuple[str | None, Problem | None]:
    """The file's text decoded as UTF-8 (no newline translation), or a problem saying why not."""
    try:
        return path.read_bytes().decode("utf-8"), None
    except UnicodeDecodeError as e:
        return None, Problem(origin, None, f"not valid UTF-8 at byte {e.start}; skipped")


def trim(text: str, start: int = 0) -> tuple[int, str]:
    """``(offset, stripped)``: ``text[start:]`` without surrounding whitespace, and where it starts in ``text``."""
    body = text[start:]
    lead = len(body) - len(body.lstrip())
    return start + lead, body.strip()


def looks_hard_wrapped(text: str, threshold: float = 0.3) -> bool:
    """Whether most line breaks fall inside sentences (hard-wrapped prose, e.g. text extracted from PDF).

    In the UN speeches the share of such breaks is bimodal: below 0.3 for files
    with one paragraph per line, 0.5-0.9 for hard-wrapped ones.
    """
    breaks = text.count("\n")
    return breaks > 0 and len(_MID_SENTENCE_BREAK.findall(text)) / breaks >= threshold


def parse_iso_date(value: object) -> dt.date:
    """A date from ``YYYY-MM-DD`` (optionally followed by a time), or a :class:`datetime.date`."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    m = _ISO_DATE.match(str(value).strip())
    if not m:
        raise ValueError(f"not an ISO 8601 date: {value!r}")
    return dt.date(int(m[1]), int(m[2]), int(m[3]))


@contextmanager
def _large_fields(limit: int = 1 << 27) -> Iterator[None]:
    old = csv.field_size_limit(limit)  # some press-release bodies exceed the csv module's 128 KiB default
    try:
        yield
    finally:
        csv.field_size_limit(old)


def csv_rows(path: Path, required: tuple[str, ...], origin: str) -> list[tuple[int, dict[str, str]]]:
    """``(line, row)`` for each record, ``line`` being the 1-based line where it starts.

    Raises ``ValueError`` naming the file if a required column is absent.
    """
    rows = []
    with _large_fields(), open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{origin}: missing column(s) {', '.join(missing)}; found {reader.fieldnames}")
        start = reader.line_num + 1
        for row in reader:
            rows.append((start, row))
            start = reader.line_num + 1
    return rows
