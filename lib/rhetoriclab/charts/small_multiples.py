"""Small multiples: the same measure over time, one panel per actor, on shared axes."""

from __future__ import annotations

import math
import os

import pandas as pd
from matplotlib.figure import Figure

from rhetoriclab.charts.style import colour, finish, mark_dates, new_figure, styled


@styled
def small_multiples(table: pd.DataFrame, *, y: str, facet: str, title: str, ylabel: str, source: str,
                    x: str = "period", lo: str | None = None, hi: str | None = None, ncols: int = 3,
                    kind: str = "line", path: str | os.PathLike | None = None) -> Figure:
    """One panel per ``facet`` value (sorted), shared x and y; ``kind`` is ``"line"`` or ``"bar"``."""
    panels = sorted(table[facet].dropna().unique(), key=str)
    if not panels:
        raise ValueError(f"no rows with a {facet!r} to plot")
    ncols = min(ncols, len(panels))
    nrows = math.ceil(len(panels) / ncols)
    fig, axes = new_figure(nrows, ncols, size=(3.0 * ncols + 0.5, 2.2 * nrows + 0.6), sharex=True, sharey=True)
    flat = list(axes.flat) if hasattr(axes, "flat") else [axes]
    is_date = pd.api.types.is_datetime64_any_dtype(table[x])
    for i, (ax, name) in enumerate(zip(flat, panels, strict=False)):
        part = table[table[facet] == name].sort_values(x)
        c = colour(name, i)
        if kind == "bar":
            ax.bar(part[x], part[y], color=c, width=20 if is_date else 0.8)
        else:
            ax.plot(part[x], part[y], color=c, marker="o", markersize=2.5, linewidth=1.3)
        if lo and hi:
            ax.fill_between(part[x], part[lo].astype(float), part[hi].astype(float), color=c, alpha=0.2, linewidth=0)
        ax.set_title(str(name), loc="left", fontsize=9)
        if is_date:
            mark_dates(ax, labels=False)
    for ax in flat[len(panels):]:
        ax.set_visible(False)
    for ax in flat[: len(panels)]:
        if ax.get_subplotspec().is_first_col():
            ax.set_ylabel(ylabel)
        if ax.get_subplotspec().is_last_row() or not ax.get_subplotspec().is_first_col():
            ax.set_xlabel("date" if is_date else x)
        ax.tick_params(axis="x", labelrotation=45, labelsize=7)
    return finish(fig, title, source, path)
