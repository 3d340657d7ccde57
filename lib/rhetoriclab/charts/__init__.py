"""Charts of rhetoric over time, in one consistent, colour-blind-safe style (Okabe-Ito palette).

Every function returns its :class:`matplotlib.figure.Figure`; pass ``path=`` (``.png`` or ``.svg``) to save it.
"""

from rhetoriclab.charts.areas import stacked_areas
from rhetoriclab.charts.heatmaps import dyad_heatmap
from rhetoriclab.charts.small_multiples import small_multiples
from rhetoriclab.charts.style import OKABE_ITO, key_dates, save
from rhetoriclab.charts.timelines import timeline
from rhetoriclab.charts.words import fightin_words_plot

__all__ = ["OKABE_ITO", "dyad_heatmap", "fightin_words_plot", "key_dates", "save", "small_multiples",
           "stacked_areas", "timeline"]
