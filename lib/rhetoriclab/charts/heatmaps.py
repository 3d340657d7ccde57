"""Source -> target heatmaps of counts, shares or mean tone."""

from __future__ import annotations

import os
from collections.abc import Mapping

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.colors import Normalize, TwoSlopeNorm
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from rhetoriclab.charts.style import finish, new_figure, styled

#: Fill and hatch of a cell without any record (distinct from a zero).
EMPTY_FILL, EMPTY_HATCH = "#FFFFFF", "////"


def actor_label(code: object, names: Mapping[str, str] | None = None) -> str:
    """``"Russia (RUS)"`` for a known code (from ``names``, else the state's name), the code itself otherwise; a
    name from ``names`` that already shows its code or is a label of its own ("Moscow (RUS)") is used as given."""
    from rhetoriclab.actors.registry import _country_name

    given = (names or {}).get(str(code))
    if given and (str(code) in given or "(" in given):
        return given
    name = given or _country_name(str(code))
    return f"{name} ({code})" if name and name != str(code) else str(code)


def _text_colour(rgba) -> str:
    """Black on light cells, white on dark ones (relative luminance, WCAG)."""
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgba[:3])
    return "black" if 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.179 else "white"


@styled
def dyad_heatmap(table: pd.DataFrame, *, value: str, title: str, source: str, label: str,
                 row: str = "source_code", col: str = "target_code", fmt: str = "{:.0f}", diverging: bool = False,
                 n: str | None = None, names: Mapping[str, str] | None = None,
                 xlabel: str | None = None, ylabel: str | None = None,
                 path: str | os.PathLike | None = None) -> Figure:
    """A cell per source (rows) and target (columns) with its ``value`` written in.

    ``diverging=True`` (for Goldstein or polarity) uses a blue-orange scale centred on zero. ``n``: a column of
    record counts, written under each value (``n=12``). A pair without any record is hatched and marked "none"
    ("no value" when its rows have no value), so it never looks like a zero. Text is black or white by the
    cell's luminance. Axes show names with codes (``Russia (RUS)``) from ``names`` or the state's name.
    """
    if table.empty:
        raise ValueError("no source -> target pairs to plot")
    wide = table.pivot_table(index=row, columns=col, values=value, aggfunc="sum", dropna=False)
    wide = wide.sort_index().sort_index(axis=1)
    present = table.pivot_table(index=row, columns=col, values=value, aggfunc="size").reindex_like(wide)
    counts = (table.pivot_table(index=row, columns=col, values=n, aggfunc="sum").reindex_like(wide)
              if n else None)
    fig, ax = new_figure(size=(2.0 + 0.9 * wide.shape[1] + 1.5, 1.2 + 0.55 * wide.shape[0]))
    data = wide.to_numpy(dtype=float, copy=True)
    absent = present.isna().to_numpy()
    data[absent] = np.nan
    finite = data[~np.isnan(data)]
    if diverging:
        vmax = float(np.max(np.abs(finite))) if finite.size else 1.0
        norm = TwoSlopeNorm(vcenter=0.0, vmin=-(vmax or 1.0), vmax=vmax or 1.0)
        cmap = matplotlib.colormaps["PuOr_r"]
    else:
        norm = Normalize(vmin=float(finite.min()) if finite.size else 0.0,
                         vmax=float(finite.max()) if finite.size else 1.0)
        cmap = matplotlib.colormaps["cividis"]
    image = ax.imshow(np.ma.masked_invalid(data), cmap=cmap, norm=norm, aspect="auto")
    for (i, j), v in np.ndenumerate(data):
        if np.isnan(v):
            ax.add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, facecolor=EMPTY_FILL, hatch=EMPTY_HATCH,
                                   edgecolor="#BBBBBB", linewidth=0))
            ax.text(j, i, "none" if absent[i, j] else "no value", ha="center", va="center", fontsize=6, color="#555555",
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5})
            continue
        text = fmt.format(v)
        if counts is not None and not np.isnan(counts.iat[i, j]):
            text += f"\nn={int(counts.iat[i, j])}"
        ax.text(j, i, text, ha="center", va="center", fontsize=7, color=_text_colour(cmap(norm(v))))
    ax.set_xticks(range(wide.shape[1]), [actor_label(c, names) for c in wide.columns], rotation=45, ha="right")
    ax.set_yticks(range(wide.shape[0]), [actor_label(r, names) for r in wide.index])
    ax.set_xlabel(xlabel or f"target ({col})")
    ax.set_ylabel(ylabel or f"source ({row})")
    ax.grid(False)
    fig.colorbar(image, ax=ax, label=label, shrink=0.8)
    return finish(fig, title, source, path)
