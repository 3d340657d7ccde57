"""The record types at the seams: a document, a corpus of them, and load problems.

A :class:`Document` keeps ``text`` as an exact slice of what was read from its
source (``source_text[offset:offset + len(text)]``), so every span reported by
later steps can be given as offsets into the original file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from functools import cached_property

import pandas as pd

from rhetoriclab.textclean import CleanText, clean_text

KINDS = ("news", "statement", "transcript", "speech")


@dataclass
class Document:
    """One article, statement, transcript or speech.

    ``offset`` is where ``text`` starts in the source file's text (decoded as
    UTF-8, no newline translation); for a record from a CSV or JSON Lines file
    it is 0 and offsets refer to the record's text field.
    """

    id: str
    text: str
    title: str | None = None
    date: dt.date | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    kind: str = "news"
    speaker: str | None = None
    issuer: str | None = None
    language: str = "en"
    origin: str | None = None
    offset: int = 0
    unwrap_lines: bool = False
    meta: dict = field(default_factory=dict)

    @cached_property
    def clean(self) -> CleanText:
        """The cleaned analysis text with its map back to ``text``."""
        return clean_text(self.text, unwrap_lines=self.unwrap_lines)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the cleaned text to offsets in the source file's text."""
        s, e = self.clean.source_span(start, end)
        return s + self.offset, e + self.offset

    def to_record(self) -> dict:
        """A flat, JSON-ready dict (no cached fields)."""
        rec = {k: v for k, v in asdict(self).items() if k != "meta"}
        rec["date"] = self.date.isoformat() if self.date else None
        rec["meta"] = dict(self.meta)
        return rec


@dataclass(frozen=True)
class Problem:
    """Something in the input that could not be loaded as it stands."""

    file: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.reason}"


class LoadError(ValueError):
    """Raised in strict mode, listing every problem found."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) while loading:\n{lines}")


class Corpus(Sequence[Document]):
    """An ordered collection of documents plus the problems met loading them."""

    def __init__(self, documents: Iterable[Document] = (), problems: Iterable[Problem] = (), name: str = ""):
        self.documents: list[Document] = list(documents)
        self.problems: list[Problem] = list(problems)
        self.name = name

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return Corpus(self.documents[i], self.problems, self.name)
        return self.documents[i]

    def __len__(self) -> int:
        return len(self.documents)

    def __iter__(self) -> Iterator[Document]:
        return iter(self.documents)

    def __repr__(self) -> str:
        return f"Corpus({self.name!r}, {len(self)} documents, {len(self.problems)} problems)"

    def __add__(self, other: Corpus) -> Corpus:
        name = " + ".join(n for n in (self.name, other.name) if n)
        return Corpus([*self.documents, *other.documents], [*self.problems, *other.problems], name)

    def by_id(self, doc_id: str) -> Document:
        for d in self.documents:
            if d.id == doc_id:
                return d
        raise KeyError(f"no document with id {doc_id!r} in {self!r}")

    def to_frame(self, text: bool = True) -> pd.DataFrame:
        """One row per document; ``date`` as pandas datetime; ``n_chars`` added."""
        cols = ["id", "date", "title", "outlet", "author", "url", "kind", "speaker", "issuer",
                "language", "origin", "offset", "n_chars"] + (["text"] if text else [])
        rows = []
        for d in self.documents:
            rec = d.to_record()
            rec["n_chars"] = len(d.text)
            rows.append({c: rec.get(c) for c in cols})
        df = pd.DataFrame(rows, columns=cols)
        df["date"] = pd.to_datetime(df["date"])
        return df

    def problems_frame(self) -> pd.DataFrame:
        """The problems report: one row per problem (file, line, reason)."""
        return pd.DataFrame([asdict(p) for p in self.problems], columns=["file", "line", "reason"])
