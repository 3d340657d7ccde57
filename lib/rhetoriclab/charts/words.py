"""The Fightin' Words plot: each term's z-score against its frequency (Monroe et al. 2008, fig. 3 style)."""

from __future__ import annotations

import os

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from rhetoriclab.charts.style import OKABE_ITO, finish, new_figure, styled


@styled
def fightin_words_plot(scores: pd.DataFrame, *, labels: tuple[str, str], title: str, source: str, n: int = 12,
                       z_threshold: float = 1.96, path: str | os.PathLike | None = None) -> Figure:
    """Scatter of z-score against total count (log scale); the ``n`` strongest terms of each side are labelled."""
    if scores.empty:
        raise ValueError("no terms to plot")
    total = scores["count_a"] + scores["count_b"]
    fig, ax = new_figure(size=(8, 5))
    side_a, side_b = scores["z"] >= z_threshold, scores["z"] <= -z_threshold
    ax.scatter(total[~(side_a | side_b)], scores["z"][~(side_a | side_b)], s=4, color="#BBBBBB", label="neither")
    ax.scatter(total[side_a], scores["z"][side_a], s=8, color=OKABE_ITO[5], label=labels[0])
    ax.scatter(total[side_b], scores["z"][side_b], s=8, color=OKABE_ITO[4], label=labels[1])
    top = pd.concat([scores.nlargest(n, "z"), scores.nsmallest(n, "z")])
    for row in top.itertuples():
        ax.annotate(row.term, (row.count_a + row.count_b, row.z), fontsize=7, xytext=(3, 0),
                    textcoords="offset points", va="center")
    ax.axhline(z_threshold, color="#555555", linestyle=":", linewidth=0.8)
    ax.axhline(-z_threshold, color="#555555", linestyle=":", linewidth=0.8)
    ax.set_xscale("log")
    ax.set_xlabel("frequency of the term in both groups (count, log scale)")
    ax.set_ylabel(f"z-score of the log-odds ratio ({labels[0]} > 0 > {labels[1]})")
    ax.set_ylim(-max(np.abs(scores["z"]).max() * 1.1, 3), max(np.abs(scores["z"]).max() * 1.1, 3))
    ax.legend(loc="lower right", fontsize=8)
    return finish(fig, title, source, path)
