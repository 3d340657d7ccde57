"""Stacked areas of event types (or quad classes) over time, one panel per actor."""

from __future__ import annotations

import os

import pandas as pd
from matplotlib.figure import Figure

from rhetoriclab.charts.style import category_colours, finish, mark_dates, new_figure, styled


@styled
def stacked_areas(table: pd.DataFrame, *, title: str, source: str, x: str = "period", y: str = "share",
                  stack: str = "event", facet: str = "source_code", ylabel: str = "share of stances",
                  path: str | os.PathLike | None = None) -> Figure:
    """One panel per ``facet`` value; in each, ``y`` of every ``stack`` category stacked over ``x``.

    Categories take the palette's colours (one per event type or quad class, the same in every chart). A period
    whose shares are all missing (no data, or too few records to show) is a gap in the areas, not a ramp to zero.
    """
    panels = sorted(table[facet].dropna().unique(), key=str)
    if not panels:
        raise ValueError(f"no rows with a {facet!r} to plot")
    cats = sorted(table[stack].dropna().unique(), key=str)
    colours = category_colours(cats)  # event types and quads in the palette's colours, "other" grey
    fig, axes = new_figure(len(panels), 1, size=(8, 2.2 * len(panels) + 0.6), sharex=True)
    axes = list(axes.flat) if hasattr(axes, "flat") else [axes]
    for ax, name in zip(axes, panels, strict=True):
        part = table[table[facet] == name]
        wide = (part.groupby([x, stack], observed=True)[y].sum(min_count=1).unstack(stack)
                .reindex(columns=cats).sort_index())  # (a sum of no values stays missing, not 0)
        empty = wide.isna().all(axis=1)
        wide = wide.fillna(0).mask(empty)  # a period without any share stays a gap
        ax.stackplot(wide.index, *[wide[c] for c in cats], labels=cats, colors=[colours[c] for c in cats], alpha=0.9)
        ax.set_title(str(name), loc="left", fontsize=9)
        ax.set_ylabel(ylabel)
        if pd.api.types.is_datetime64_any_dtype(table[x]):
            mark_dates(ax, labels=ax is axes[0])
    axes[-1].tick_params(axis="x", labelrotation=45, labelsize=7)
    axes[-1].set_xlabel("date" if pd.api.types.is_datetime64_any_dtype(table[x]) else x)
    axes[0].legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), title=stack, fontsize=7)
    return finish(fig, title, source, path)
