"""The Fightin' Words plot: each term's z-score against its frequency (Monroe et al. 2008, fig. 3 style)."""

from __future__ import annotations

import os

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from rhetoriclab.charts.style import OKABE_ITO, finish, new_figure, styled


def label_positions(z_fraction: np.ndarray, sign: int, n: int) -> list[float]:
    """Label heights (axes fraction) for one side: near each point's height, at least one slot apart.

    ``z_fraction``: z divided by the axis limit (in -1..1), strongest first. Side A (``sign`` 1) fills the upper
    half from the top down, side B the lower half from the bottom up; a slot is half the axis over ``n + 1``.
    """
    slot = 0.5 / (max(n, 1) + 1)
    out: list[float] = []
    for k, zf in enumerate(z_fraction):
        want = 0.5 + 0.5 * float(zf)
        if sign > 0:
            y = min(want, out[-1] - slot) if out else min(want, 1.0 - slot / 2)
            y = max(y, 0.5 + slot * (len(z_fraction) - k - 0.5))
        else:
            y = max(want, out[-1] + slot) if out else max(want, slot / 2)
            y = min(y, 0.5 - slot * (len(z_fraction) - k - 0.5))
        out.append(y)
    return out


@styled
def fightin_words_plot(scores: pd.DataFrame, *, labels: tuple[str, str], title: str, source: str, n: int = 12,
                       z_threshold: float = 1.96, path: str | os.PathLike | None = None) -> Figure:
    """Scatter of z-score against total count (log scale); the ``n`` strongest terms of each side are labelled.

    Labels never overprint: they stand in a column to the right of the plot, in the order of their z-scores,
    spread vertically (side A above zero, side B below) and joined to their points by thin lines.
    """
    if scores.empty:
        raise ValueError("no terms to plot")
    total = scores["count_a"] + scores["count_b"]
    fig, ax = new_figure(size=(8.5, max(5.0, 0.36 * n + 1.6)))
    side_a, side_b = scores["z"] >= z_threshold, scores["z"] <= -z_threshold
    ax.scatter(total[~(side_a | side_b)], scores["z"][~(side_a | side_b)], s=4, color="#BBBBBB", label="neither")
    ax.scatter(total[side_a], scores["z"][side_a], s=8, color=OKABE_ITO[5], label=labels[0])
    ax.scatter(total[side_b], scores["z"][side_b], s=8, color=OKABE_ITO[4], label=labels[1])
    ax.axhline(z_threshold, color="#555555", linestyle=":", linewidth=0.8)
    ax.axhline(-z_threshold, color="#555555", linestyle=":", linewidth=0.8)
    ax.set_xscale("log")
    ax.set_xlabel("frequency of the term in both groups (count, log scale)")
    ax.set_ylabel(f"z-score of the log-odds ratio ({labels[0]} > 0 > {labels[1]})")
    limit = max(float(np.abs(scores["z"]).max()) * 1.1, 3.0)
    ax.set_ylim(-limit, limit)
    top_a = scores[scores["z"] > 0].nlargest(n, "z")
    top_b = scores[scores["z"] < 0].nsmallest(n, "z")
    for rows, sign in ((top_a, 1), (top_b, -1)):
        for row, y in zip(rows.itertuples(), label_positions(rows["z"].to_numpy() / limit, sign, n), strict=True):
            ax.annotate(row.term, (row.count_a + row.count_b, row.z), xytext=(1.02, y),
                        textcoords="axes fraction", fontsize=7, va="center", ha="left", annotation_clip=False,
                        arrowprops={"arrowstyle": "-", "color": "#AAAAAA", "linewidth": 0.5, "shrinkA": 0,
                                    "shrinkB": 2})
    ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncols=3, fontsize=8)
    return finish(fig, title, source, path)
