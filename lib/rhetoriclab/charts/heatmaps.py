"""Source -> target heatmaps of counts, shares or mean tone."""

from __future__ import annotations

import os

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from rhetoriclab.charts.style import finish, new_figure, styled


@styled
def dyad_heatmap(table: pd.DataFrame, *, value: str, title: str, source: str, label: str,
                 row: str = "source_code", col: str = "target_code", fmt: str = "{:.0f}", diverging: bool = False,
                 xlabel: str | None = None, ylabel: str | None = None,
                 path: str | os.PathLike | None = None) -> Figure:
    """A cell per source (rows) and target (columns) with its ``value`` written in; blank where no stance.

    ``diverging=True`` (for Goldstein or polarity) centres a blue-orange scale on zero.
    """
    wide = table.pivot_table(index=row, columns=col, values=value, aggfunc="sum").sort_index().sort_index(axis=1)
    if wide.empty:
        raise ValueError("no source -> target pairs to plot")
    fig, ax = new_figure(size=(1.0 + 0.7 * wide.shape[1] + 1.5, 1.0 + 0.5 * wide.shape[0]))
    data = wide.to_numpy(dtype=float)
    if diverging:
        vmax = float(np.nanmax(np.abs(data))) or 1.0
        image = ax.imshow(data, cmap="PuOr_r", vmin=-vmax, vmax=vmax, aspect="auto")
    else:
        image = ax.imshow(data, cmap="cividis", aspect="auto")
    for (i, j), v in np.ndenumerate(data):
        if not np.isnan(v):
            ax.text(j, i, fmt.format(v), ha="center", va="center", fontsize=7,
                    color="white" if not diverging and v < np.nanmean(data) else "black")
    ax.set_xticks(range(wide.shape[1]), [str(c) for c in wide.columns], rotation=45, ha="right")
    ax.set_yticks(range(wide.shape[0]), [str(r) for r in wide.index])
    ax.set_xlabel(xlabel or f"target ({col})")
    ax.set_ylabel(ylabel or f"source ({row})")
    ax.grid(False)
    fig.colorbar(image, ax=ax, label=label, shrink=0.8)
    return finish(fig, title, source, path)
