"""UN General Debate speeches, sessions 68-79 (2013-2024), from the UN General Debate Corpus
as mirrored in SarahFranzen/Emotions_in_the_United_Nations_General_Debates.

Files are ``data/data_original/TXT/Session NN - YYYY/<CODE>_<NN>_<YYYY>.txt``
(``CODE`` is ISO 3166-1 alpha-3, or ``EU`` for the European Union). Speaker name
and post come from ``Speakers_by_session.xlsx`` (matched on year and code).

About 400 files are hard-wrapped (line breaks inside sentences); those get
``unwrap_lines=True`` (see :func:`~rhetoriclab.corpora.textio.looks_hard_wrapped`).

Dates: the corpus does not record the day of each speech. A document's ``date``
is the **opening day of that session's general debate** (the debate then runs
about a week), from the UN's published session calendars ("Opening dates of
forthcoming regular sessions", A/INF/<session>/1; https://research.un.org/en/docs/ga/generaldebate).
``meta["date_is"]`` says so, so nobody mistakes it for the day the speech was given.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from rhetoriclab.corpora.textio import decode, looks_hard_wrapped, trim
from rhetoriclab.documents import Corpus, Document, Problem

FOLDER = "un-general-debates"
SPEAKERS_FILE = "data/data_original/Speakers_by_session.xlsx"
SPEECH_FILE = re.compile(r"data/data_original/TXT/Session (\d+) - (\d{4})/([A-Z]{2,3})_(\d+)_(\d{4})\.txt")

#: Opening day of the general debate of each session in the corpus.
DEBATE_OPENING: dict[int, dt.date] = {
    68: dt.date(2013, 9, 24), 69: dt.date(2014, 9, 24), 70: dt.date(2015, 9, 28), 71: dt.date(2016, 9, 20),
    72: dt.date(2017, 9, 19), 73: dt.date(2018, 9, 25), 74: dt.date(2019, 9, 24), 75: dt.date(2020, 9, 22),
    76: dt.date(2021, 9, 21), 77: dt.date(2022, 9, 20), 78: dt.date(2023, 9, 19), 79: dt.date(2024, 9, 24),
}
DATE_IS = "opening day of the session's general debate (the speech's own day is not recorded)"

#: Codes the speakers sheet spells differently from the file names (sheet code -> file code).
SHEET_CODE_ALIASES = {"POR": "PRT", "ZFA": "ZAF", "PKR": "PRK", "EC": "EU"}


def _cell(value: object) -> str | None:
    """A sheet cell as text with whitespace collapsed; ``None`` if empty."""
    return " ".join(str(value).split()) or None if value is not None else None


def read_speakers(path: Path) -> dict[tuple[int, str], dict[str, str | None]]:
    """``{(year, code): {"speaker", "post", "country"}}`` from the speakers sheet."""
    import openpyxl  # imported on use: only this corpus needs it

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        rows = book.worksheets[0].iter_rows(values_only=True)
        header = [str(h).strip() if h is not None else "" for h in next(rows)]
        col = {name: header.index(name) for name in ("Year", "ISO Code", "Country", "Name of Person Speaking", "Post")}
        speakers = {}
        for row in rows:
            year, code = row[col["Year"]], row[col["ISO Code"]]
            if year is None or code is None:
                continue
            code = SHEET_CODE_ALIASES.get(str(code).strip(), str(code).strip())
            speakers[(int(year), code)] = {
                "speaker": _cell(row[col["Name of Person Speaking"]]),
                "post": _cell(row[col["Post"]]),
                "country": _cell(row[col["Country"]]),
            }
        return speakers
    finally:
        book.close()


def ungd_documents(files: dict[str, Path]) -> Corpus:
    """Speeches from ``{upstream path: local file}`` (which must include the speakers sheet)."""
    speakers = read_speakers(files[SPEAKERS_FILE])
    docs, problems = [], []
    for rel, path in files.items():
        if rel == SPEAKERS_FILE:
            continue
        origin = f"{FOLDER}/{rel}"
        m = SPEECH_FILE.fullmatch(rel)
        if not m or m[1] != m[4] or m[2] != m[5]:
            reason = "not a speech file named 'Session NN - YYYY/CODE_NN_YYYY.txt'; skipped"
            problems.append(Problem(origin, None, reason))
            continue
        session, year, code = int(m[1]), int(m[2]), m[3]
        if session not in DEBATE_OPENING:
            problems.append(Problem(origin, None, f"session {session} has no known general-debate date; skipped"))
            continue
        text, problem = decode(path, origin)
        if problem:
            problems.append(problem)
            continue
        offset, body = trim(text)
        if not body:
            problems.append(Problem(origin, None, "empty speech; skipped"))
            continue
        who = speakers.get((year, code), {})
        docs.append(Document(
            id=f"ungd-{code}-{year}", text=body, title=f"{who.get('country') or code}, UN General Debate {year}",
            date=DEBATE_OPENING[session], outlet="United Nations General Assembly", kind="speech",
            speaker=who.get("speaker"), issuer=code, origin=origin, offset=offset,
            unwrap_lines=looks_hard_wrapped(body),
            meta={"session": session, "year": year, "country": who.get("country"), "post": who.get("post"),
                  "date_is": DATE_IS, "speaker_listed": bool(who)},
        ))
    docs.sort(key=lambda d: (d.date, d.issuer))
    return Corpus(docs, problems, "ungd")
