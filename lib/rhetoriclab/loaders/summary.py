"""What a corpus holds: documents, date range, counts by kind, outlet and month, problems."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping

import pandas as pd

from rhetoriclab.documents import Corpus


def summarize(corpus: Corpus) -> dict:
    """Counts describing ``corpus`` (dates as ISO strings; ``None`` outlets counted as ``"(none)"``)."""
    dates = sorted(d.date for d in corpus if d.date is not None)
    return {
        "documents": len(corpus),
        "first_date": dates[0].isoformat() if dates else None,
        "last_date": dates[-1].isoformat() if dates else None,
        "undated": len(corpus) - len(dates),
        "by_kind": _counts(d.kind for d in corpus),
        "by_outlet": _counts(d.outlet or "(none)" for d in corpus),
        "problems": len(corpus.problems),
    }


def format_summary(corpus: Corpus, top: int = 10) -> str:
    """A plain-text report of :func:`summarize` plus every problem, one per line."""
    s = summarize(corpus)
    n = s["documents"]
    lines = [f"{n} document{'s' if n != 1 else ''} loaded" + (f" from {corpus.name}" if corpus.name else "")]
    if s["first_date"] is None:
        lines.append("dates: none")
    elif s["first_date"] == s["last_date"]:
        lines.append(f"dated {s['first_date']}")
    else:
        lines.append(f"dates: {s['first_date']} to {s['last_date']}")
    if s["undated"]:
        lines.append(f"undated: {s['undated']}")
    for label, key in (("by kind", "by_kind"), ("by outlet", "by_outlet")):
        counts = list(s[key].items())
        if counts:
            lines.append(f"{label}:")
            lines += [f"  {count:>6}  {name}" for name, count in counts[:top]]
            if len(counts) > top:
                lines.append(f"  ... and {len(counts) - top} more")
    lines.append(f"problems: {s['problems'] or 'none'}")
    lines += [f"  - {p}" for p in corpus.problems]
    return "\n".join(lines)


def _counts(values) -> dict[str, int]:
    """Counts, largest first, ties by name."""
    return dict(sorted(Counter(values).items(), key=lambda kv: (-kv[1], kv[0])))


def date_coverage(corpora: Mapping[str, Corpus]) -> pd.DataFrame:
    """One row per named corpus: documents, first and last date, undated documents, problems."""
    rows = []
    for name, corpus in corpora.items():
        s = summarize(corpus)
        rows.append({"source": name, "documents": s["documents"], "first": s["first_date"], "last": s["last_date"],
                     "undated": s["undated"], "problems": s["problems"]})
    return pd.DataFrame(rows, columns=["source", "documents", "first", "last", "undated", "problems"])


def counts_by_month(corpora: Mapping[str, Corpus], start: dt.date | str | None = None,
                    end: dt.date | str | None = None) -> pd.DataFrame:
    """Documents per calendar month (rows ``YYYY-MM``, every month in range, zeros kept) and corpus (columns).

    ``start``/``end`` (inclusive) limit the dates counted; without them the range spans all dated documents.
    Undated documents are not counted (:func:`date_coverage` reports how many there are).
    """
    lo = pd.Timestamp(start) if start is not None else None
    hi = pd.Timestamp(end) if end is not None else None
    series = {}
    for name, corpus in corpora.items():
        dates = pd.to_datetime(pd.Series([d.date for d in corpus if d.date is not None], dtype="object"))
        if lo is not None:
            dates = dates[dates >= lo]
        if hi is not None:
            dates = dates[dates <= hi]
        series[name] = dates.dt.to_period("M").value_counts()
    months = [p for s in series.values() for p in s.index]
    if lo is not None:
        months.append(lo.to_period("M"))
    if hi is not None:
        months.append(hi.to_period("M"))
    if not months:
        return pd.DataFrame(columns=list(corpora), dtype=int)
    index = pd.period_range(min(months), max(months), freq="M")
    frame = pd.DataFrame({name: s.reindex(index, fill_value=0) for name, s in series.items()}, index=index)
    frame.index = frame.index.astype(str)
    frame.index.name = "month"
    return frame.astype(int)
