"""Small multiples: the same measure over time, one panel per actor, on shared axes."""

from __future__ import annotations

import math
import os

import pandas as pd
from matplotlib.figure import Figure

from rhetoriclab.charts.style import category_colours, finish, mark_dates, new_figure, regular_grid, styled, with_gaps

#: Colour of the single series when panels do not split by a category.
SERIES_COLOUR = "#0072B2"


@styled
def small_multiples(table: pd.DataFrame, *, y: str, facet: str, title: str, ylabel: str, source: str,
                    x: str = "period", lo: str | None = None, hi: str | None = None, ncols: int = 3,
                    kind: str = "line", hue: str | None = None, xlabel: str | None = None,
                    path: str | os.PathLike | None = None) -> Figure:
    """One panel per ``facet`` value (sorted), shared x and y; ``kind`` is ``"line"`` or ``"bar"``.

    Every panel draws in the same colour; with ``hue``, one line per ``hue`` category, each category in the same
    colour in every panel (legend outside, to the right). Periods without a row are gaps, not ramps; a panel
    without any value says "no data". The x axis is labelled once, under the bottom-left panel
    (``xlabel``, default "date" or the column name).
    """
    if kind not in ("line", "bar"):
        raise ValueError(f"kind must be 'line' or 'bar', not {kind!r}")
    panels = sorted(table[facet].dropna().unique(), key=str)
    if not panels:
        raise ValueError(f"no rows with a {facet!r} to plot")
    ncols = min(ncols, len(panels))
    nrows = math.ceil(len(panels) / ncols)
    fig, axes = new_figure(nrows, ncols, size=(3.0 * ncols + (1.5 if hue else 0.5), 2.2 * nrows + 0.6),
                           sharex=True, sharey=True)
    flat = list(axes.flat) if hasattr(axes, "flat") else [axes]
    is_date = pd.api.types.is_datetime64_any_dtype(table[x])
    grid = regular_grid(table[x])
    cats = sorted(table[hue].dropna().unique(), key=str) if hue else [None]
    colours = category_colours(cats) if hue else {None: SERIES_COLOUR}
    for ax, name in zip(flat, panels, strict=False):
        part = table[table[facet] == name]
        for cat in cats:
            series = with_gaps(part if cat is None else part[part[hue] == cat], x, grid)
            c = colours[cat]
            if kind == "bar":
                ax.bar(series[x], series[y], color=c, width=20 if is_date else 0.8,
                       label=None if cat is None else str(cat))
            else:
                ax.plot(series[x], series[y], color=c, marker="o", markersize=2.5, linewidth=1.3,
                        label=None if cat is None else str(cat))
            if lo and hi:
                ax.fill_between(series[x], series[lo].astype(float), series[hi].astype(float), color=c, alpha=0.2,
                                linewidth=0)
        if part[y].dropna().empty:
            ax.text(0.5, 0.5, "no data", transform=ax.transAxes, ha="center", va="center", color="#555555",
                    fontsize=9, style="italic")
        ax.set_title(str(name), loc="left", fontsize=9)
        if is_date:
            mark_dates(ax, labels=False)
    for ax in flat[len(panels):]:
        ax.set_visible(False)
    shown = flat[: len(panels)]
    for k, ax in enumerate(shown):
        spec = ax.get_subplotspec()
        if spec.is_first_col():
            ax.set_ylabel(ylabel)
        below = k + ncols
        if below >= len(shown):  # nothing drawn under it: it carries the x tick labels of its column
            ax.xaxis.set_tick_params(labelbottom=True)
        ax.tick_params(axis="x", labelrotation=45, labelsize=7)
    label = xlabel if xlabel is not None else ("date" if is_date else x)
    bottom_left = shown[(nrows - 1) * ncols] if (nrows - 1) * ncols < len(shown) else shown[0]
    if label:
        bottom_left.set_xlabel(label)
    if hue:
        shown[min(ncols, len(shown)) - 1].legend(title=hue, loc="upper left", bbox_to_anchor=(1.02, 1.0), fontsize=7)
    return finish(fig, title, source, path)
