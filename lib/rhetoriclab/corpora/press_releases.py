"""Kremlin and Office of the President of Ukraine press releases (PeiYiZhuo/zelenskyy-putin CSVs).

Columns: ``link, headline, date[, location, summary], body``. ``date`` is written
``YYYY-MM-DDTHH:MM:SSZ`` but holds the site's local publication time (evening
addresses cluster at 22:00-00:59, as in Kyiv time), so a document's date is the
calendar date as written, not converted from UTC; the raw stamp is kept in
``meta["published"]``. Each document's ``origin`` is ``<mirror path>:<line>``.
"""

from __future__ import annotations

import re
from pathlib import Path

from rhetoriclab.corpora.textio import csv_rows, parse_iso_date, trim
from rhetoriclab.documents import Corpus, Document, Problem

FOLDER = "zelenskyy-putin"
KREMLIN_FILE = "press_release_data/putin.csv"
UKRAINE_FILE = "press_release_data/zelenskyy.csv"
REQUIRED = ("link", "headline", "date", "body")

#: A speaker turn in a Kremlin transcript (bodies are single lines: turns follow one another inline).
PUTIN_TURN = re.compile(r"\bVladimir Putin:")
#: A Ukrainian headline announcing the President's own address or speech.
ZELENSKYY_SPEECH = re.compile(
    r"^(?:address|speech) (?:by|of) |\b(?:address|speech) (?:by|of) (?:the )?President\b|\bZelenskyy's address\b",
    re.IGNORECASE,
)
_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?Z?")


def _missing(value: str | None) -> str | None:
    """Empty cells and R's ``NA`` are missing values."""
    value = (value or "").strip()
    return None if value in ("", "NA") else value


def _documents(path: Path, origin: str, prefix: str, office: str, issuer: str) -> Corpus:
    docs: list[Document] = []
    problems: list[Problem] = []
    for line, row in csv_rows(path, REQUIRED, origin):
        stamp = (row.get("date") or "").strip()
        if not _STAMP.fullmatch(stamp):
            shown = stamp if len(stamp) <= 40 else stamp[:40] + "..."
            problems.append(Problem(origin, line, f"date {shown!r} is not YYYY-MM-DDTHH:MM:SSZ; row skipped"))
            continue
        offset, text = trim(row.get("body") or "")
        if not text:
            problems.append(Problem(origin, line, "empty body; row skipped"))
            continue
        link = (row.get("link") or "").strip()
        tail = link.rstrip("/").rsplit("/", 1)[-1].rsplit("-", 1)[-1]
        doc_id = f"{prefix}-{tail}" if tail.isdigit() else f"{prefix}-line{line}"
        docs.append(Document(
            id=doc_id, text=text, title=_missing(row.get("headline")), date=parse_iso_date(stamp), outlet=office,
            url=link or None, kind="statement", issuer=issuer, origin=f"{origin}:{line}", offset=offset,
            meta={"office": office, "published": stamp, "csv_line": line, "location": _missing(row.get("location")),
                  "summary": _missing(row.get("summary"))},
        ))
    docs.sort(key=lambda d: (d.meta["published"], d.id))  # the CSVs run newest first
    return Corpus(docs, problems)


def kremlin_documents(path: Path, origin: str = f"{FOLDER}/{KREMLIN_FILE}") -> Corpus:
    """Kremlin releases: issuer "President of Russia"; kind "transcript" if the body has "Vladimir Putin:" turns."""
    corpus = _documents(path, origin, "kremlin", "Kremlin", "President of Russia")
    for d in corpus:
        if PUTIN_TURN.search(d.text):
            d.kind = "transcript"
    corpus.name = "kremlin"
    return corpus


def ukraine_documents(path: Path, origin: str = f"{FOLDER}/{UKRAINE_FILE}") -> Corpus:
    """Ukrainian releases: issuer "President of Ukraine"; kind "speech" (speaker Zelenskyy) when the
    headline announces the President's address or speech, else "statement"."""
    corpus = _documents(path, origin, "ukraine", "Office of the President of Ukraine", "President of Ukraine")
    for d in corpus:
        if d.title and ZELENSKYY_SPEECH.search(d.title):
            d.kind, d.speaker = "speech", "Volodymyr Zelenskyy"
    corpus.name = "ukraine"
    return corpus
