"""Lines over time, one per group, with key-date markers and optional bootstrap bands."""

from __future__ import annotations

import os

import pandas as pd
from matplotlib.figure import Figure

from rhetoriclab.charts.style import category_colours, finish, mark_dates, new_figure, regular_grid, styled, with_gaps


@styled
def timeline(table: pd.DataFrame, *, y: str, title: str, ylabel: str, source: str, x: str = "period",
             group: str | None = None, lo: str | None = None, hi: str | None = None,
             dates: pd.DataFrame | None = None, events: pd.DataFrame | None = None,
             path: str | os.PathLike | None = None) -> Figure:
    """``y`` against ``x`` per ``group``; a band from ``lo`` to ``hi`` when given; key dates dashed.

    ``events``: extra points to mark (columns ``date``, ``label``), e.g. the seed article.
    Periods without a row are gaps in the line (not ramps), on the regular grid the ``x`` values lie on.
    The legend sits outside the data area, to the right.
    """
    fig, ax = new_figure()
    groups = [(None, table)] if group is None else sorted(table.groupby(group), key=lambda kv: str(kv[0]))
    colours = category_colours([name for name, _ in groups])
    grid = regular_grid(table[x])
    for name, part in groups:
        part = with_gaps(part, x, grid)
        c = colours[name]
        ax.plot(part[x], part[y], marker="o", markersize=3, linewidth=1.5, color=c,
                label=str(name) if name is not None else None)
        if lo and hi:
            ax.fill_between(part[x], part[lo].astype(float), part[hi].astype(float), color=c, alpha=0.15, linewidth=0)
    ax.set_xlabel("date" if pd.api.types.is_datetime64_any_dtype(table[x]) else x)
    ax.set_ylabel(ylabel)
    ax.tick_params(axis="x", labelrotation=30, labelsize=8)
    if pd.api.types.is_datetime64_any_dtype(table[x]):
        mark_dates(ax, dates)
    if events is not None:
        for row in events.itertuples():
            ax.axvline(pd.Timestamp(row.date), color="#000000", linewidth=1.2, zorder=0)
            ax.annotate(row.label, (pd.Timestamp(row.date), 0.02), xycoords=("data", "axes fraction"), fontsize=7,
                        rotation=90, ha="left", va="bottom", xytext=(2, 0), textcoords="offset points")
    if group is not None:
        ax.legend(title=group, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)
    return finish(fig, title, source, path)
