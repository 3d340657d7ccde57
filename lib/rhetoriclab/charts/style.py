"""Shared chart style: Okabe-Ito colours, titles, source lines, key-date markers, saving."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from functools import cache
from importlib import resources

import matplotlib
import matplotlib.dates
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from rhetoriclab.charts.palette import palette

#: Okabe & Ito (2008) colour-blind-safe palette, black last.
OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000")
#: Okabe-Ito colours for categories without a fixed colour, hues the quad classes use last (so an unknown
#: category does not pass for an event type of a quad).
FREE_ORDER = ("#CC79A7", "#000000", "#0072B2", "#F0E442", "#56B4E9", "#009E73", "#E69F00", "#D55E00")
#: Fixed colours for the case-study actors, so every chart agrees.
ACTOR_COLOURS = {"RUS": "#D55E00", "UKR": "#0072B2", "USA": "#009E73", "NATO": "#CC79A7", "IGO": "#CC79A7",
                 "kremlin": "#D55E00", "ukraine": "#0072B2", "whitehouse": "#009E73"}
RC = {
    "figure.dpi": 100, "savefig.dpi": 150, "font.size": 9, "axes.titlesize": 11, "axes.titleweight": "bold",
    "axes.labelsize": 9, "axes.spines.top": False, "axes.spines.right": False, "axes.grid": True,
    "grid.alpha": 0.3, "legend.frameon": False, "svg.hashsalt": "rhetoriclab", "axes.prop_cycle":
    matplotlib.cycler(color=list(OKABE_ITO)),
}


def colour(name: object, i: int = 0) -> str:
    """The fixed colour of a known actor, event type or quad class (:mod:`palette`), else the ``i``-th Okabe-Ito."""
    if str(name) in ACTOR_COLOURS:
        return ACTOR_COLOURS[str(name)]
    return palette().get(name) or OKABE_ITO[i % len(OKABE_ITO)]


def category_colours(names: list) -> dict:
    """One colour per category, the same in every panel: fixed ones where known, Okabe-Ito in order otherwise.

    Raises ValueError when more unknown categories than Okabe-Ito colours would have to be told apart.
    """
    fixed = {n: colour(n) for n in names if str(n) in ACTOR_COLOURS or palette().get(n)}
    free = [c for c in FREE_ORDER if c not in fixed.values()]
    unknown = [n for n in names if n not in fixed]
    if len(unknown) > len(free):
        raise ValueError(f"{len(unknown)} categories without a fixed colour; at most {len(free)} can be told apart: "
                         "group them")
    return {n: fixed.get(n) or free[unknown.index(n)] for n in names}


def regular_grid(values: pd.Series) -> pd.Index | None:
    """The regular grid (every period from the first to the last) that the ``values`` lie on, or None.

    Dates: the coarsest of yearly, quarterly, monthly, weekly and daily grids that holds every value; numbers:
    steps of the smallest difference, when every difference is a multiple of it. Used to draw gaps, not ramps,
    over periods without data.
    """
    u = pd.Series(values.dropna().unique())
    if len(u) < 2:
        return None
    if pd.api.types.is_datetime64_any_dtype(u):
        u = pd.DatetimeIndex(u).sort_values()
        # calendar grids first, then the same steps counted from the first value (UN debates every September),
        # then weeks and days: the coarsest grid that holds every value wins
        anchors = ("YS", "YE", "QS", "QE", "MS", "ME", pd.DateOffset(years=1), pd.DateOffset(months=3),
                   pd.DateOffset(months=1), f"W-{u[0].day_name()[:3].upper()}", "D")
        for freq in anchors:
            grid = pd.date_range(u[0], u[-1], freq=freq)
            if len(grid) and u.isin(grid).all():
                return grid
        return None
    if pd.api.types.is_numeric_dtype(u):
        u = np.sort(u.to_numpy(dtype=float))
        step = float(np.min(np.diff(u)))
        if step <= 0 or not np.allclose(np.round((u - u[0]) / step), (u - u[0]) / step):
            return None
        grid = u[0] + step * np.arange(round((u[-1] - u[0]) / step) + 1)
        return pd.Index(grid.astype(values.dtype) if pd.api.types.is_integer_dtype(values) else grid)
    return None


def with_gaps(part: pd.DataFrame, x: str, grid: pd.Index | None) -> pd.DataFrame:
    """``part`` with a row of NaN for every point of ``grid`` it lacks, so lines break there."""
    if grid is None:
        return part.sort_values(x)
    return part.set_index(x).reindex(grid.union(pd.Index(part[x].unique()))).rename_axis(x).reset_index()


def styled(fn: Callable) -> Callable:
    """Run a chart function inside the house style (rc parameters apply while artists are created)."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        with matplotlib.rc_context(RC):
            return fn(*args, **kwargs)

    return wrapper


def new_figure(nrows: int = 1, ncols: int = 1, *, size: tuple[float, float] = (8, 4), **kw) -> tuple[Figure, object]:
    """A fresh Figure (not registered with pyplot, so nothing leaks between charts) and its axes."""
    fig = Figure(figsize=size, layout="constrained")
    axes = fig.subplots(nrows, ncols, squeeze=nrows * ncols == 1, **kw)
    return fig, axes


def finish(fig: Figure, title: str, source: str, path: str | os.PathLike | None = None) -> Figure:
    """Add the title and the source line; save when ``path`` is given."""
    fig.suptitle(title, fontsize=11, fontweight="bold")
    fig.text(0.01, 0.0, f"Source: {source}", fontsize=7, color="#555555", ha="left", va="bottom")
    fig.get_layout_engine().set(h_pad=0.12)
    if path is not None:
        save(fig, path)
    return fig


def save(fig: Figure, path: str | os.PathLike) -> None:
    """Save as PNG or SVG (by extension), with no timestamps in the file."""
    ext = os.fspath(path).rsplit(".", 1)[-1].lower()
    if ext not in ("png", "svg"):
        raise ValueError(f"save charts as .png or .svg, not {path!r}")
    meta = {"Date": None} if ext == "svg" else {"Software": None}
    fig.savefig(path, metadata=meta, bbox_inches="tight")


@cache
def _key_dates() -> pd.DataFrame:
    with resources.files("rhetoriclab.data").joinpath("key_dates.csv").open(encoding="utf-8") as f:
        table = pd.read_csv(f)
    return table.assign(date=pd.to_datetime(table["date"]))


def key_dates() -> pd.DataFrame:
    """The case study's key dates (date, label, short, source, number: 1, 2, ... in date order)."""
    return numbered(_key_dates())


def numbered(dates: pd.DataFrame) -> pd.DataFrame:
    """``dates`` sorted by date with a ``number`` column (1-based) unless it has one: the numbers prose cites."""
    out = dates.sort_values("date", kind="mergesort").reset_index(drop=True)
    if "number" not in out.columns:
        out.insert(0, "number", range(1, len(out) + 1))
    return out


def mark_dates(ax: Axes, dates: pd.DataFrame | None = None, *, labels: bool = True) -> None:
    """Dashed vertical lines at ``dates`` (default :func:`key_dates`), each with its number.

    ``labels=True`` writes "number short label" at the top of the line; ``False`` only the number (for small
    panels). The numbers are those of :func:`numbered` over the whole table, so text and every chart agree.
    Dates closer than 4 % of the axis share one label ("1, 2"; "4 Recognition ... / 5 Invasion" become "4, 5"
    with the labels joined), so labels never overprint.
    """
    dates = key_dates() if dates is None else numbered(dates)
    lo, hi = ax.get_xlim()
    near = 0.04 * (hi - lo)
    groups: list[list] = []
    for row in dates.itertuples():
        x = matplotlib.dates.date2num(row.date)
        if not lo <= x <= hi:
            continue
        ax.axvline(x, color="#555555", linestyle="--", linewidth=0.8, zorder=0)
        if groups and x - groups[-1][-1][0] < near:
            groups[-1].append((x, row))
        else:
            groups.append([(x, row)])
    for group in groups:
        x = group[-1][0]
        numbers = ", ".join(str(r.number) for _, r in group)
        text = f"{numbers} " + " / ".join(r.short for _, r in group) if labels else numbers
        ax.annotate(text, (x, 1.0), xycoords=("data", "axes fraction"), rotation=90 if labels else 0, fontsize=7,
                    ha="left" if labels else "center", va="top", color="#333333",
                    xytext=(2, -2) if labels else (0, -2), textcoords="offset points")
