"""Large record files read lazily: JSON Lines and Parquet (one file, or a folder of Parquet files: a dataset).

:class:`DocumentStream` yields the documents of such a file one at a time, reading ``batch_rows`` records
at a time, so a corpus larger than memory can go through :func:`rhetoriclab.pipeline.run_corpus` (which
pre-filters each document as it is read)::

    stream = DocumentStream("wires-2024.parquet")
    result = run_corpus(stream, prefilter=["UKR", "RUS"])

Records are read as by :func:`rhetoriclab.loaders.load_jsonl` (same columns, same per-record checks); the
problems met are on ``stream.problems`` once the stream has been read (a run reports them at its end).
Duplicate ids are not dropped here: :func:`~rhetoriclab.pipeline.run_corpus` reports the later ones.
:func:`load_parquet` reads a Parquet file or dataset whole, as the other table loaders do.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from rhetoriclab.documents import Corpus, Document, Problem
from rhetoriclab.loaders.fields import RECORD_COLUMNS, canonical
from rhetoriclab.loaders.ids import drop_duplicate_ids
from rhetoriclab.loaders.tables import _record_document

#: File name endings read as JSON Lines; anything else (a ``.parquet`` file or a folder) is read as Parquet.
JSONL_SUFFIXES = (".jsonl", ".ndjson")


class DocumentStream:
    """The documents of a JSON Lines file or a Parquet file/dataset, read lazily (module docstring).

    Iterable more than once (each pass reads the file again and renews ``problems``).
    """

    def __init__(self, path: str | Path, *, batch_rows: int = 1024, display: str | None = None):
        self.path = Path(path)
        self.display = display or str(path)
        self.batch_rows = batch_rows
        self.name = self.path.stem
        self.problems: list[Problem] = []

    def __repr__(self) -> str:
        return f"DocumentStream({self.display!r})"

    def __iter__(self) -> Iterator[Document]:
        self.problems = []
        records = self._jsonl() if self.path.suffix.lower() in JSONL_SUFFIXES else self._parquet()
        columns: list[str] = []
        has_id = has_date = None
        n = 0
        for line, rec in records:
            n += 1
            if has_id is None:  # (the first record's keys decide, as a header would)
                has_id, has_date = "id" in rec, "date" in rec
            new = [c for c in rec if c not in columns]
            columns += new
            unknown = [c for c in new if c and c not in RECORD_COLUMNS]
            if unknown:
                self.problems.append(Problem(self.display, line, f"unknown column(s) {unknown} (known: "
                                             f"{', '.join(RECORD_COLUMNS)}); their values are kept in each "
                                             "document's meta"))
            doc, why = _record_document(rec, f"{self.name}-{n}", bool(has_id), bool(has_date))
            self.problems += [Problem(self.display, line, r) for r in why]
            if doc is not None:
                doc.origin = f"{self.display}:{line}"
                yield doc
        if n == 0 and not self.problems:
            self.problems.append(Problem(self.display, None, "no records: the file has no data rows"))

    def _jsonl(self) -> Iterator[tuple[int, dict]]:
        try:
            f = open(self.path, encoding="utf-8", newline="")  # noqa: SIM115 - closed below, also on early exit
        except OSError as e:
            self.problems.append(Problem(self.display, None, f"cannot read the file: {e.strerror or e}"))
            return
        with f:
            n = 0
            try:
                for n, line in enumerate(f, start=1):  # noqa: B007 - n is the line of a decoding error
                    if n == 1:
                        line = line.removeprefix("\ufeff")
                    if not line.strip():
                        continue
                    rec = self._json_record(line, n)
                    if rec is not None:
                        yield n, rec
            except UnicodeDecodeError as e:
                self.problems.append(Problem(self.display, n + 1, f"not valid UTF-8 ({e.reason}); save the file "
                                             "as UTF-8; the rest of the file is skipped"))

    def _json_record(self, line: str, n: int) -> dict | None:
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            self.problems.append(Problem(self.display, n, f"bad JSON: {e.msg.removesuffix(' at')} at column "
                                         f"{e.colno}; line skipped"))
            return None
        if not isinstance(obj, dict):
            self.problems.append(Problem(self.display, n, f"expected a JSON object, got {type(obj).__name__}; "
                                         "line skipped"))
            return None
        return {canonical(str(k)): v for k, v in obj.items()}

    def _parquet(self) -> Iterator[tuple[int, dict]]:
        """Rows of a Parquet file or dataset (a folder, hive partitions such as ``month=2024-01`` become
        columns), numbered from 1 in reading order."""
        import pyarrow as pa
        import pyarrow.dataset as ds

        try:
            dataset = ds.dataset(self.path, format="parquet", partitioning="hive")
        except (OSError, pa.ArrowException) as e:
            self.problems.append(Problem(self.display, None, f"not a readable Parquet file or dataset: {e}"))
            return
        names = [canonical(c) for c in dataset.schema.names]
        if "text" not in names:
            self.problems.append(Problem(self.display, None, f"no 'text' column (columns found: "
                                         f"{', '.join(dataset.schema.names)}); file skipped"))
            return
        n = 0
        try:
            for batch in dataset.to_batches(batch_size=self.batch_rows):
                for row in batch.to_pylist():
                    n += 1
                    yield n, {canonical(k): v for k, v in row.items()}
        except (OSError, pa.ArrowException) as e:
            self.problems.append(Problem(self.display, n + 1, f"Parquet data unreadable from here on: {e}"))


def load_parquet(path: str | Path, *, display: str | None = None) -> Corpus:
    """A Parquet file, or a folder of Parquet files (a dataset), of :data:`RECORD_COLUMNS` records, read whole."""
    stream = DocumentStream(path, display=display)
    docs, dupes = drop_duplicate_ids(stream)
    return Corpus(docs, [*stream.problems, *dupes], stream.name)
