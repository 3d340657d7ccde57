"""Tidy aggregations of stance tables: by period, actor, dyad and event type, with bootstrap intervals.

Every function takes a long table (one row per stance, as :func:`rhetoriclab.pipeline.run_corpus`
returns, joined to document dates with :func:`with_documents`) and returns one row per group.
Means come with percentile bootstrap intervals from a seeded :class:`numpy.random.Generator`, so
the same input always gives the same numbers. Stance tables are first passed through
:func:`rhetoriclab.stances.select.stance_filter`: negated and hypothetical records are left out unless asked for
(``include_negated=True``, ``include_hypothetical=True``), ``voice="own"``/``"reported"`` chooses between the
reporter's own stances and the events it reports, and the result's ``attrs["note"]`` says what was left out.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from rhetoriclab.stances.select import stance_filter

#: Period names accepted by :func:`add_period` and their pandas period codes.
PERIODS = {"day": "D", "week": "W-SUN", "month": "M", "quarter": "Q", "year": "Y"}
MEANS = ("plover_score", "polarity", "subjectivity")
RATES = ("hedging", "boosting")


def with_documents(table: pd.DataFrame, documents: pd.DataFrame,
                   columns: Sequence[str] = ("date", "corpus", "kind", "speaker", "issuer")) -> pd.DataFrame:
    """``table`` with document columns (date, corpus, ...) joined on ``doc_id``."""
    cols = ["doc_id", *[c for c in columns if c in documents and c not in table]]
    return table.merge(documents[cols].drop_duplicates("doc_id"), on="doc_id", how="left", validate="many_to_one")


def add_period(table: pd.DataFrame, period: str, date_col: str = "date") -> pd.DataFrame:
    """Add a ``period`` column (start date of the day/week/month/quarter/year, or the decade as e.g. 1950)."""
    dates = pd.to_datetime(table[date_col])
    if period == "decade":
        values = (dates.dt.year // 10 * 10).astype("Int64")
    elif period in PERIODS:
        values = dates.dt.to_period(PERIODS[period]).dt.start_time
    else:
        raise ValueError(f"unknown period {period!r}; choose one of: {', '.join([*PERIODS, 'decade'])}")
    return table.assign(period=values)


def bootstrap_ci(values: Sequence[float] | np.ndarray, *, n_boot: int = 1000, level: float = 0.95,
                 seed: int = 0) -> tuple[float, float]:
    """Percentile bootstrap interval of the mean (NaN for fewer than 2 non-missing values).

    The values are sorted first, so the interval depends on the values and the seed, not on row order.
    """
    x = np.asarray(values, dtype=float)
    x = np.sort(x[~np.isnan(x)])
    if len(x) < 2:
        return float("nan"), float("nan")
    rng = np.random.default_rng(seed)
    means = x[rng.integers(0, len(x), size=(n_boot, len(x)))].mean(axis=1)
    tail = (1 - level) / 2 * 100
    lo, hi = np.percentile(means, [tail, 100 - tail])
    return float(lo), float(hi)


def counts(table: pd.DataFrame, by: Sequence[str], *, within: Sequence[str] = (), voice: str = "all",
           include_negated: bool = False, include_hypothetical: bool = False) -> pd.DataFrame:
    """Number of rows per group of ``by`` and its ``share`` of the rows of its ``within`` group (all rows if empty).
    Stance tables are filtered first (see the module docstring)."""
    by = list(by)
    table = stance_filter(table, voice=voice, include_negated=include_negated,
                          include_hypothetical=include_hypothetical)
    out = table.groupby(by, dropna=False, observed=True).size().rename("n").reset_index()
    total = out.groupby(list(within), dropna=False)["n"].transform("sum") if within else out["n"].sum()
    return out.assign(share=out["n"] / total).sort_values(by, ignore_index=True)


def summarise(table: pd.DataFrame, by: Sequence[str], *, means: Sequence[str] = MEANS, rates: Sequence[str] = RATES,
              within: Sequence[str] = (), ci: bool = True, n_boot: int = 1000, level: float = 0.95,
              seed: int = 0, voice: str = "all", include_negated: bool = False, include_hypothetical: bool = False,
              min_confidence: float = 0.0) -> pd.DataFrame:
    """Counts, shares, means (with ``<m>_lo``/``<m>_hi`` bootstrap bounds) and rates per group.

    A rate is the share of rows where the count column is above zero (e.g. ``hedging_rate``: share of stances
    with at least one hedge). Groups are bootstrapped with seeds ``seed, seed+1, ...`` in sorted group order.
    Groups with a missing key (NaN) are kept and sorted last. A mean of no finite values is NaN; an interval
    needs at least two finite values (else NaN, see :func:`bootstrap_ci`). An empty table gives an empty frame
    with the same columns.
    """
    by = list(by)
    table = stance_filter(table, voice=voice, include_negated=include_negated,
                          include_hypothetical=include_hypothetical, min_confidence=min_confidence)
    excluded, note = table.attrs["excluded"], table.attrs["note"]
    missing = [c for c in dict.fromkeys([*by, *within, *means, *rates]) if c not in table.columns]
    if missing:
        raise KeyError(f"summarise: the table has no column(s) {', '.join(map(repr, missing))}; "
                       f"it has {', '.join(map(str, table.columns)) or 'no columns'}")
    keys, rows = [], []
    for i, (_, part) in enumerate(table.groupby(by, dropna=False, observed=True, sort=True)):
        keys.append(part[by].iloc[:1])
        row: dict[str, float] = {"n": len(part)}
        for m in means:
            vals = part[m].astype(float).to_numpy()
            row[f"mean_{m}"] = float(np.nanmean(vals)) if np.isfinite(vals).any() else float("nan")
            if ci:
                row[f"{m}_lo"], row[f"{m}_hi"] = bootstrap_ci(vals, n_boot=n_boot, level=level, seed=seed + i)
        for r in rates:
            row[f"{r}_rate"] = float((part[r].astype(float) > 0).mean())
        rows.append(row)
    stat_cols = ["n"]
    for m in means:
        stat_cols += [f"mean_{m}", f"{m}_lo", f"{m}_hi"] if ci else [f"mean_{m}"]
    stat_cols += [f"{r}_rate" for r in rates]
    out = pd.concat(keys, ignore_index=True) if keys else table[by].iloc[:0].reset_index(drop=True)
    out = pd.concat([out, pd.DataFrame(rows, columns=stat_cols, index=out.index)], axis=1)
    out["n"] = out["n"].astype("int64")
    total = out.groupby(list(within), dropna=False)["n"].transform("sum") if within else out["n"].sum()
    out.insert(len(by) + 1, "share", out["n"] / total)
    out = out.sort_values(by, ignore_index=True)
    out.attrs = {"excluded": excluded, "note": note}
    return out


def by_period(table: pd.DataFrame, period: str = "month", by: Sequence[str] = (), **kw) -> pd.DataFrame:
    """:func:`summarise` per period (and optional further columns, e.g. ``["source_code"]``)."""
    return summarise(add_period(table, period), ["period", *by], **kw)


def by_actor(table: pd.DataFrame, actor: str = "source_code", **kw) -> pd.DataFrame:
    """:func:`summarise` per source (or target) actor."""
    return summarise(table, [actor], **kw)


def by_dyad(table: pd.DataFrame, source: str = "source_code", target: str = "target_code", **kw) -> pd.DataFrame:
    """:func:`summarise` per source -> target pair; ``share`` is the pair's share of its source's stances."""
    kw.setdefault("within", [source])
    return summarise(table, [source, target], **kw)


def by_event(table: pd.DataFrame, level: str = "event", by: Sequence[str] = (), **kw) -> pd.DataFrame:
    """Counts and shares per event type (``level="event"``) or quad class (``"quad"``) within ``by`` groups."""
    return summarise(table, [*by, level], within=list(by), **kw)


def per_10k_words(mentions: pd.DataFrame, by: Sequence[str], count: str = "mentions",
                  words: str = "n_words") -> pd.DataFrame:
    """Sum ``count`` and ``words`` per group and the rate per 10,000 words."""
    out = mentions.groupby(list(by), dropna=False, observed=True)[[count, words]].sum().reset_index()
    return out.assign(per_10k=out[count] / out[words] * 10_000).sort_values(list(by), ignore_index=True)
