"""Validation by reading: how many of the records behind a finding are right?

The workflow, for each headline finding:

1. :func:`sample_records` draws a seeded random sample (about 30) of the records the finding counts, in a stable
   order, with the sentence each record comes from;
2. :func:`write_check_sheet` writes them as a CSV with an empty ``correct`` column (or :func:`check_form` shows
   them as a form in Jupyter, with a static HTML table where widgets are unavailable);
3. a person reads every row and writes ``yes`` or ``no`` (and a note when useful);
4. :func:`read_check_sheet` reads the sheet back, refusing rows not yet checked and naming every bad value by row;
5. :func:`precision` gives the share of correct records with a Wilson 95 % interval; a finding whose interval's
   lower bound falls below :data:`RELIABLE_LOWER_BOUND` is reported as unreliable (:func:`is_reliable`).
"""

from __future__ import annotations

import html
import math
import os
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

#: A finding is reliable when the lower bound of its precision interval reaches this value.
RELIABLE_LOWER_BOUND = 0.7
#: z for a two-sided 95 % interval.
Z95 = 1.959963984540054
#: Record fields a reader judges, by record kind (the first kind whose fields a frame has is used).
DEFAULT_FIELDS = {
    "stance": ("source_text", "source_code", "event", "mode", "target_text", "target_code", "cue"),
    "attribution": ("source", "speaker", "actor_code", "cue", "content"),
}
#: What a reader may write in the ``correct`` column.
YES = frozenset({"yes", "y", "1", "true", "correct", "✔"})
NO = frozenset({"no", "n", "0", "false", "wrong", "✘"})
SHEET_COLUMNS = ("record", "sentence", "correct", "note")


class CheckSheetError(ValueError):
    """A check sheet that cannot be read: every problem, located by file, row and column."""

    def __init__(self, path: str | os.PathLike, problems: list[str]):
        self.path = str(path)
        self.problems = problems
        shown = "\n".join(f"  {p}" for p in problems[:20])
        more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(f"{path}: {len(problems)} problem(s)\n{shown}{more}")


@dataclass(frozen=True)
class Precision:
    """Share of checked records that are right, with its Wilson 95 % interval."""

    correct: int
    checked: int
    low: float
    high: float

    @property
    def value(self) -> float:
        return self.correct / self.checked

    @property
    def reliable(self) -> bool:
        return is_reliable(self)

    def __str__(self) -> str:
        verdict = "" if self.reliable else "; unreliable (interval below 0.7)"
        return (f"precision {self.value:.2f} [{self.low:.2f}, {self.high:.2f}] "
                f"({self.correct} of {self.checked} records correct{verdict})")


def wilson_interval(correct: int, checked: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval for ``correct`` successes in ``checked`` trials."""
    if checked <= 0:
        raise ValueError("no checked records: the interval needs at least one")
    if not 0 <= correct <= checked:
        raise ValueError(f"correct ({correct}) must lie between 0 and checked ({checked})")
    p = correct / checked
    denom = 1 + z * z / checked
    centre = (p + z * z / (2 * checked)) / denom
    half = z * math.sqrt(p * (1 - p) / checked + z * z / (4 * checked * checked)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


def _sentence_texts(records: pd.DataFrame, documents) -> list[str]:
    """Each record's sentence. Record offsets are offsets into the source file (``Document.source_span``), so a
    document's text starts at its ``offset``; a plain mapping doc id -> text starts at 0."""
    if isinstance(documents, Mapping):
        texts = {k: (v, 0) for k, v in documents.items()}
    else:
        texts = {d.id: (d.text, int(getattr(d, "offset", 0) or 0)) for d in documents}
    doc_col = "doc" if "doc" in records.columns else "doc_id"
    missing = sorted({str(d) for d in records[doc_col] if d not in texts})
    if missing:
        raise KeyError(f"documents lack the record(s)' doc id(s) {missing[:5]}")
    out = []
    for d, a, b in zip(records[doc_col], records["sentence_start"], records["sentence_end"], strict=True):
        text, offset = texts[d]
        out.append(" ".join(text[int(a) - offset:int(b) - offset].split()))
    return out


def sample_records(records: pd.DataFrame, n: int = 30, seed: int = 0, documents=None) -> pd.DataFrame:
    """A seeded random sample of ``n`` records (all when fewer), in their order in ``records``.

    The same records and seed give the same sample. ``record`` holds each row's label in ``records``. With
    ``documents`` (a Corpus, documents, or a mapping doc id -> text), ``sentence`` holds each record's sentence
    (from ``doc``, ``sentence_start``, ``sentence_end``).
    """
    if n <= 0:
        raise ValueError(f"n must be positive, not {n}")
    if records.index.has_duplicates:
        raise ValueError("records have duplicate index labels: reset the index so each record can be traced")
    take = min(n, len(records))
    picked = records.sample(n=take, random_state=seed)
    positions = sorted(records.index.get_indexer(picked.index))
    out = records.iloc[positions].copy()
    out.insert(0, "record", out.index)
    if documents is not None:
        out["sentence"] = _sentence_texts(out, documents)
    return out.reset_index(drop=True)


def _fields(sample: pd.DataFrame, fields: Iterable[str] | None) -> list[str]:
    if fields is not None:
        fields = list(fields)
        missing = [f for f in fields if f not in sample.columns]
        if missing:
            raise KeyError(f"fields {missing} are not columns of the sample (it has {list(sample.columns)})")
        return fields
    for kind_fields in DEFAULT_FIELDS.values():
        if any(f in sample.columns for f in kind_fields):
            return [f for f in kind_fields if f in sample.columns]
    raise KeyError(f"no known record fields in the sample (columns {list(sample.columns)}); pass fields=")


def check_sheet(sample: pd.DataFrame, fields: Iterable[str] | None = None) -> pd.DataFrame:
    """The table a reader fills in: record, sentence, the fields to judge, an empty ``correct`` and ``note``."""
    for col in ("record", "sentence"):
        if col not in sample.columns:
            how = "pass documents= to sample_records" if col == "sentence" else "draw it with sample_records"
            raise KeyError(f"the sample has no {col!r} column: {how}")
    judged = [f for f in _fields(sample, fields) if f not in SHEET_COLUMNS]
    sheet = sample[["record", "sentence", *judged]].copy()
    sheet["correct"] = ""
    sheet["note"] = ""
    return sheet


def write_check_sheet(sample: pd.DataFrame, path: str | os.PathLike, fields: Iterable[str] | None = None) -> Path:
    """Write :func:`check_sheet` as CSV to ``path`` (via a temporary file, renamed when complete)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    sheet = check_sheet(sample, fields)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            sheet.to_csv(f, index=False)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _verdict(value: object) -> bool | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    text = str(value).strip().lower()
    if not text:
        return None
    if text in YES:
        return True
    if text in NO:
        return False
    raise ValueError(text)


def read_check_sheet(path: str | os.PathLike) -> pd.DataFrame:
    """Read a checked sheet; ``correct`` becomes True/False.

    Raises :class:`CheckSheetError` listing every row not yet checked and every value that is not yes/no
    (row numbers as in a spreadsheet: the header is row 1).
    """
    path = Path(path)
    sheet = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in ("record", "correct") if c not in sheet.columns]
    if missing:
        raise CheckSheetError(path, [f"missing column(s) {missing} (columns: {list(sheet.columns)})"])
    if sheet.empty:
        raise CheckSheetError(path, ["no rows: nothing was checked"])
    problems: list[str] = []
    verdicts: list[bool | None] = []
    for i, (record, value) in enumerate(zip(sheet["record"], sheet["correct"], strict=True), start=2):
        try:
            verdict = _verdict(value)
        except ValueError:
            problems.append(f"row {i} (record {record}), column correct: {value!r} is not yes or no")
            verdicts.append(None)
            continue
        if verdict is None:
            problems.append(f"row {i} (record {record}): not checked yet (correct is empty)")
        verdicts.append(verdict)
    dup = sheet["record"][sheet["record"].duplicated()].tolist()
    if dup:
        problems.append(f"record(s) {dup} appear more than once")
    if problems:
        raise CheckSheetError(path, problems)
    sheet["correct"] = pd.Series(verdicts, index=sheet.index, dtype=bool)
    return sheet


def precision(checked: pd.DataFrame | Iterable[bool]) -> Precision:
    """Precision of a checked sheet (or of a sequence of True/False) with its Wilson 95 % interval."""
    values = checked["correct"] if isinstance(checked, pd.DataFrame) else pd.Series(list(checked), dtype=object)
    if values.isna().any() or not values.map(lambda v: isinstance(v, bool | np.bool_)).all():
        raise ValueError("every record needs a True/False verdict: read the sheet with read_check_sheet")
    correct, n = int(values.sum()), len(values)
    low, high = wilson_interval(correct, n)
    return Precision(correct, n, low, high)


def is_reliable(result: Precision, lower_bound: float = RELIABLE_LOWER_BOUND) -> bool:
    """True when the precision interval does not fall below ``lower_bound``."""
    return result.low >= lower_bound


# --------------------------------------------------------------------------- a form in Jupyter


def check_table_html(sample: pd.DataFrame, fields: Iterable[str] | None = None) -> str:
    """The check sheet as a plain HTML table (the form's static fallback)."""
    sheet = check_sheet(sample, fields)
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in sheet.columns)
    rows = "".join("<tr>" + "".join(f"<td>{html.escape('' if pd.isna(v) else str(v))}</td>" for v in row) + "</tr>"
                   for row in sheet.itertuples(index=False))
    return f'<table class="rl-check-sheet"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


class CheckForm:
    """A form with one row per record and a correct / wrong choice; :meth:`sheet` returns the filled table."""

    def __init__(self, sample: pd.DataFrame, fields: Iterable[str] | None = None):
        import ipywidgets as w

        self._sheet = check_sheet(sample, fields)
        self.choices = []
        rows = []
        judged = [c for c in self._sheet.columns if c not in SHEET_COLUMNS]
        for rec in self._sheet.itertuples(index=False):
            facts = "; ".join(f"<b>{html.escape(c)}</b>: {html.escape(str(getattr(rec, c)))}" for c in judged)
            choice = w.ToggleButtons(options=[("not checked", ""), ("correct", "yes"), ("wrong", "no")], value="")
            self.choices.append(choice)
            rows.append(w.VBox([w.HTML(f"<p>{html.escape(str(rec.sentence))}</p><p>{facts}</p>"), choice]))
        self.widget = w.VBox(rows)

    def sheet(self) -> pd.DataFrame:
        out = self._sheet.copy()
        out["correct"] = [c.value for c in self.choices]
        return out

    def save(self, path: str | os.PathLike) -> Path:
        """Write the filled table as a check sheet CSV (read it back with :func:`read_check_sheet`)."""
        sample = self.sheet()
        path = Path(path)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            sample.to_csv(f, index=False)
        os.replace(tmp, path)
        return path

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


def check_form(sample: pd.DataFrame, fields: Iterable[str] | None = None, *, static: bool = False):
    """A :class:`CheckForm` in Jupyter; an HTML table (``IPython.display.HTML``) when widgets are unavailable."""
    if not static:
        try:
            return CheckForm(sample, fields)
        except ImportError:
            pass
    from IPython.display import HTML

    return HTML(check_table_html(sample, fields))


# --------------------------------------------------------------------------- one call per finding


@dataclass(frozen=True)
class FindingCheck:
    """The hand check of one finding: its precision, whether it is reliable, and where the checked sheet is."""

    finding: str
    result: Precision | None
    sheet: Path

    @property
    def reliable(self) -> bool:
        return self.result is not None and is_reliable(self.result)

    def __str__(self) -> str:
        if self.result is None:
            return f"{self.finding}: not checked yet ({self.sheet})"
        verdict = "" if self.reliable else " — not reported as a finding"
        return f"{self.finding}: {self.result}{verdict}"


def check_finding(finding: str, records: pd.DataFrame, sheet: str | os.PathLike, *, n: int = 30, seed: int = 0,
                  documents=None, fields: Iterable[str] | None = None) -> FindingCheck:
    """Draw the sample behind ``finding`` and score it against its checked sheet.

    The first time (no sheet yet) the sample is written to ``sheet`` for a reader and the result is "not checked".
    Afterwards the sheet is read back and must hold exactly the records the sample draws now, with the same
    sentences; if the records changed (a new coder, new data), the error says so and the check must be redone.
    """
    sheet = Path(sheet)
    sample = sample_records(records, n=n, seed=seed, documents=documents)
    if not sheet.exists():
        write_check_sheet(sample, sheet, fields)
        return FindingCheck(finding, None, sheet)
    checked = read_check_sheet(sheet)
    drawn = [str(r) for r in sample["record"]]
    problems = []
    if [str(r) for r in checked["record"]] != drawn:
        problems.append(f"the sheet checks records {list(checked['record'])[:5]}..., the sample now draws "
                        f"{drawn[:5]}...: the records behind this finding changed, so check a new sheet "
                        "(delete this one and run again)")
    elif "sentence" in checked.columns and "sentence" in sample.columns:
        changed = [r for r, a, b in zip(drawn, checked["sentence"], sample["sentence"], strict=True) if a != b]
        if changed:
            problems.append(f"record(s) {changed[:5]} point at other sentences than when checked: check a new sheet")
    if problems:
        raise CheckSheetError(sheet, problems)
    return FindingCheck(finding, precision(checked), sheet)
