"""Every chart returns a styled Figure (title, labelled axes, source line) and saves PNG and SVG."""

import os

os.environ.setdefault("MPLBACKEND", "Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.figure import Figure

from rhetoriclab import charts
from rhetoriclab.aggregate import add_period, by_dyad, by_event, by_period
from rhetoriclab.fightin_words import log_odds


@pytest.fixture(scope="module")
def stances() -> pd.DataFrame:
    """Twelve stances by three actors, Nov 2021 - Mar 2022."""
    dates = ["2021-11-10", "2021-11-20", "2021-12-02", "2021-12-07", "2022-01-10", "2022-01-20",
             "2022-02-21", "2022-02-24", "2022-02-25", "2022-03-01", "2022-03-05", "2022-03-09"]
    return pd.DataFrame({
        "date": pd.to_datetime(dates),
        "source_code": ["USA", "RUS", "USA", "RUS", "USA", "UKR", "RUS", "RUS", "UKR", "USA", "UKR", "RUS"],
        "target_code": ["RUS", "USA", "RUS", "UKR", "RUS", "RUS", "UKR", "UKR", "RUS", "RUS", "RUS", "USA"],
        "event": ["THREATEN", "ACCUSE", "THREATEN", "REQUEST", "REQUEST", "APPEAL", "ACCUSE", "ASSAULT", "APPEAL",
                  "THREATEN", "ACCUSE", "REJECT"],
        "quad": ["VERBAL_CONFLICT"] * 7 + ["MATERIAL_CONFLICT"] + ["VERBAL_CONFLICT"] * 4,
        "plover_score": [-4.4, -2.0, -4.4, -4.9, -4.9, 3.0, -2.0, -10.0, 3.0, -4.4, -2.0, -4.0],
        "polarity": [-0.2, -0.4, 0.0, -0.1, 0.1, 0.3, -0.5, -0.8, 0.2, -0.3, -0.4, -0.1],
        "subjectivity": [0.5] * 12,
        "hedging": [0, 1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0],
        "boosting": [1, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0],
    })


def _check(fig: Figure, title: str, tmp_path, name: str) -> None:
    assert isinstance(fig, Figure)
    assert fig.get_suptitle() == title
    assert any(t.get_text() == "Source: test data" for t in fig.texts)
    axes = [ax for ax in fig.axes if ax.get_visible() and ax.get_label() != "<colorbar>"]
    assert axes and any(ax.get_xlabel() for ax in axes) and all(ax.get_ylabel() for ax in axes
                                                               if ax.get_subplotspec().is_first_col())
    for ext in ("png", "svg"):
        path = tmp_path / f"{name}.{ext}"
        charts.save(fig, path)
        assert path.stat().st_size > 1000
    assert (tmp_path / f"{name}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = (tmp_path / f"{name}.svg").read_text()
    assert "<svg" in svg and "<dc:date>" not in svg  # no timestamp in the file
    plt.close(fig)


def test_timeline_with_bands_key_dates_and_an_event(stances, tmp_path):
    monthly = by_period(stances, "month", by=["source_code"])
    seed = pd.DataFrame({"date": ["2021-12-02"], "label": ["seed article"]})
    fig = charts.timeline(monthly, y="mean_plover_score", lo="plover_score_lo", hi="plover_score_hi",
                          group="source_code", title="Mean PLOVER score by month",
                          ylabel="mean PLOVER score (-10 to +10)",
                          source="test data", events=seed)
    ax = fig.axes[0]
    assert ax.get_xlabel() == "date" and ax.get_ylabel() == "mean Goldstein score (-10 to +10)"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["RUS", "UKR", "USA"]
    labels = {t.get_text() for t in ax.texts}
    assert {"OSCE Stockholm", "Invasion", "seed article"} <= labels  # key dates inside the range are marked
    _check(fig, "Mean Goldstein score by month", tmp_path, "timeline")


def test_stacked_areas_one_panel_per_actor(stances, tmp_path):
    shares = by_event(add_period(stances, "month"), by=["period", "source_code"], ci=False)
    fig = charts.stacked_areas(shares, title="Event types by month", source="test data")
    assert [ax.get_title(loc="left") for ax in fig.axes] == ["RUS", "UKR", "USA"]
    assert fig.axes[-1].get_xlabel() == "date" and fig.axes[0].get_ylabel() == "share of stances"
    _check(fig, "Event types by month", tmp_path, "areas")
    too_many = shares.assign(event=[f"E{i}" for i in range(len(shares))])
    with pytest.raises(ValueError, match="categories; at most 8"):
        charts.stacked_areas(too_many, title="x", source="test data")


def test_dyad_heatmap_counts_and_diverging_tone(stances, tmp_path):
    dyads = by_dyad(stances, ci=False)
    fig = charts.dyad_heatmap(dyads, value="n", title="Who addressed whom", source="test data", label="stances")
    ax = fig.axes[0]
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("target (target_code)", "source (source_code)")
    # USA -> RUS: 10 Nov, 2 Dec, 10 Jan and 1 Mar = 4 stances; the number is written in its cell
    assert "4" in [t.get_text() for t in ax.texts]
    _check(fig, "Who addressed whom", tmp_path, "heatmap")
    tone = charts.dyad_heatmap(dyads, value="mean_plover_score", title="Tone", source="test data",
                               label="mean Goldstein score", fmt="{:.1f}", diverging=True)
    _check(tone, "Tone", tmp_path, "tone")
    with pytest.raises(ValueError, match="no source -> target pairs"):
        charts.dyad_heatmap(dyads.iloc[:0], value="n", title="x", source="test data", label="stances")


def test_small_multiples_lines_and_bars(stances, tmp_path):
    monthly = by_period(stances, "month", by=["source_code"])
    fig = charts.small_multiples(monthly, y="n", facet="source_code", title="Stances per month",
                                 ylabel="stances per month", source="test data", ncols=2, kind="bar")
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert [ax.get_title(loc="left") for ax in visible] == ["RUS", "UKR", "USA"]
    assert len(fig.axes) == 4 and not fig.axes[3].get_visible()  # a 2 x 2 grid, the empty panel hidden
    _check(fig, "Stances per month", tmp_path, "small_bars")
    lines = charts.small_multiples(monthly, y="mean_polarity", lo="polarity_lo", hi="polarity_hi",
                                   facet="source_code", title="Polarity", ylabel="mean polarity (-1 to 1)",
                                   source="test data")
    _check(lines, "Polarity", tmp_path, "small_lines")


def test_fightin_words_plot(tmp_path):
    scores = log_odds({"operation": 14, "war": 2, "security": 9, "nazi": 5, "peace": 4},
                      {"operation": 1, "war": 15, "security": 5, "peace": 7, "people": 8}, alpha0=10)
    fig = charts.fightin_words_plot(scores, labels=("Kremlin", "Kyiv"), title="Distinctive words",
                                    source="test data", n=2)
    ax = fig.axes[0]
    assert ax.get_xscale() == "log" and "Kremlin > 0 > Kyiv" in ax.get_ylabel()
    assert {"operation", "war"} <= {t.get_text() for t in ax.texts}
    _check(fig, "Distinctive words", tmp_path, "words")
    with pytest.raises(ValueError, match="no terms"):
        charts.fightin_words_plot(scores.iloc[:0], labels=("a", "b"), title="x", source="test data")


def test_save_only_png_or_svg_and_nothing_left_open(stances, tmp_path):
    fig = charts.timeline(by_period(stances, "month"), y="n", title="t", ylabel="stances", source="test data")
    with pytest.raises(ValueError, match=r"\.png or \.svg"):
        charts.save(fig, tmp_path / "chart.pdf")
    assert plt.get_fignums() == []  # charts are not registered with pyplot, so nothing leaks between cells
    assert charts.key_dates()["short"].tolist()[0] == "OSCE Stockholm"
