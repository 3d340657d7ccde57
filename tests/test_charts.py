"""Every chart returns a styled Figure (title, labelled axes, source line) and saves PNG and SVG."""

import os

os.environ.setdefault("MPLBACKEND", "Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text

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
    assert ax.get_xlabel() == "date" and ax.get_ylabel() == "mean PLOVER score (-10 to +10)"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["RUS", "UKR", "USA"]
    labels = {t.get_text() for t in ax.texts}
    # key dates in range, numbered as in text; dates a few days apart share one label
    assert {"1, 2 OSCE Stockholm / Biden-Putin call", "seed article"} <= labels
    assert any(label.startswith("4, 5 ") for label in labels)
    assert charts.key_dates()["number"].tolist()[:2] == [1, 2]
    _check(fig, "Mean PLOVER score by month", tmp_path, "timeline")


def test_stacked_areas_one_panel_per_actor(stances, tmp_path):
    shares = by_event(add_period(stances, "month"), by=["period", "source_code"], ci=False)
    fig = charts.stacked_areas(shares, title="Event types by month", source="test data")
    assert [ax.get_title(loc="left") for ax in fig.axes] == ["RUS", "UKR", "USA"]
    assert fig.axes[-1].get_xlabel() == "date" and fig.axes[0].get_ylabel() == "share of stances"
    _check(fig, "Event types by month", tmp_path, "areas")
    too_many = shares.assign(event=[f"E{i}" for i in range(len(shares))])
    with pytest.raises(ValueError, match="categories without a fixed colour; at most 8"):
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
                               label="mean PLOVER score", fmt="{:.1f}", diverging=True)
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


# --------------------------------------------------------------------------- palette and reader-facing details

def _overlaps(boxes) -> list[tuple[int, int]]:
    return [(i, j) for i in range(len(boxes)) for j in range(i + 1, len(boxes)) if boxes[i].overlaps(boxes[j])]


def test_palette_one_colour_per_plover_type_and_quad():
    from rhetoriclab.charts.palette import PLOVER_TYPES, QUADS, palette
    from rhetoriclab.explore import QUAD_COLOURS as explore_colours
    from rhetoriclab.stances.render import QUAD_COLOURS as render_colours

    p = palette()
    colours = [p.event(t) for t in PLOVER_TYPES]
    assert len(PLOVER_TYPES) == 16 and len(set(colours)) == 16 and p.other not in colours
    assert p.event("DEMAND") == p.event("REQUEST") and p.event("INVESTIGATE") == p.event("other") == p.other
    assert len({p.quad(q) for q in QUADS}) == 4 and p.quad("VERBAL_CONFLICT") == p.quad("verbal-conflict")
    assert render_colours == {q: p.quad(q) for q in QUADS}
    assert {q: explore_colours[q] for q in QUADS} == render_colours and explore_colours["other"] == p.other


def test_fightin_words_labels_never_overlap(tmp_path):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from rhetoriclab import teaching
    from rhetoriclab.fightin_words import fightin_words

    paragraphs = [p for p in teaching.seed_text().split("\n") if p.strip()]
    half = len(paragraphs) // 2
    scores = fightin_words(paragraphs[:half], paragraphs[half:], min_count=1)
    fig = charts.fightin_words_plot(scores, labels=("first half", "second half"), title="Words", source="test data",
                                    n=12)
    FigureCanvasAgg(fig).draw()
    renderer = fig.canvas.get_renderer()
    texts = [t for t in fig.axes[0].texts if t.get_text()]
    assert len(texts) == 24
    boxes = [Text.get_window_extent(t, renderer) for t in texts]  # the label itself, without its leader line
    assert _overlaps(boxes) == []
    assert all(box.x0 >= fig.axes[0].bbox.x1 for box in boxes)  # in the label column, off the data
    fig.savefig(tmp_path / "words.png")
    plt.close(fig)


def test_heatmap_marks_empty_cells_counts_and_names(stances):
    dyads = by_dyad(stances, ci=False)
    fig = charts.dyad_heatmap(dyads, value="mean_plover_score", n="n", title="Tone", source="test data",
                              label="mean PLOVER score", fmt="{:+.1f}", diverging=True)
    ax = fig.axes[0]
    texts = [t.get_text() for t in ax.texts]
    assert "-4.5\nn=4" in texts or any(t.endswith("n=4") for t in texts)  # USA -> RUS: 4 stances
    pairs = set(zip(dyads["source_code"], dyads["target_code"], strict=True))
    codes_r, codes_c = sorted(dyads["source_code"].unique()), sorted(dyads["target_code"].unique())
    empty = sum((r, c) not in pairs for r in codes_r for c in codes_c)
    assert texts.count("none") == empty > 0  # a pair without records is marked, not drawn as zero
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Russia (RUS)", "Ukraine (UKR)", "United States (USA)"]
    norm = ax.images[0].norm
    assert norm(0.0) == 0.5  # diverging scale centred on zero
    for t in ax.texts:  # white text only on dark cells
        if t.get_text() not in ("none", "no value"):
            assert t.get_color() in ("black", "white")
    plt.close(fig)


def test_small_multiples_colours_gaps_and_empty_panels(stances):
    monthly = by_period(stances, "month", by=["source_code"])
    monthly = monthly[~((monthly["source_code"] == "USA") & (monthly["period"] == pd.Timestamp("2021-12-01")))]
    ghost = monthly.iloc[:1].assign(source_code="GBR", n=float("nan"))
    fig = charts.small_multiples(pd.concat([monthly, ghost]), y="n", facet="source_code", title="t", ylabel="n",
                                 source="test data")
    shown = [ax for ax in fig.axes if ax.get_visible()]
    colours = {line.get_color() for ax in shown for line in ax.get_lines() if line.get_linestyle() == "-"}
    assert len(colours) == 1  # one colour in every panel
    gbr = next(ax for ax in shown if ax.get_title(loc="left") == "GBR")
    assert "no data" in [t.get_text() for t in gbr.texts]
    usa = next(ax for ax in shown if ax.get_title(loc="left") == "USA")
    assert pd.isna(usa.get_lines()[0].get_ydata()).any()  # December 2021 is a gap, not a ramp
    assert sum(bool(ax.get_xlabel()) for ax in shown) == 1
    assert {"1, 2", "4, 5"} <= {t.get_text() for t in usa.texts}  # key dates carry their numbers in small panels too
    plt.close(fig)


def test_timeline_gaps_and_legend_outside(stances):
    monthly = by_period(stances, "month", by=["source_code"])
    monthly = monthly[~((monthly["source_code"] == "USA") & (monthly["period"] == pd.Timestamp("2021-12-01")))]
    fig = charts.timeline(monthly, y="n", group="source_code", title="t", ylabel="n", source="test data")
    ax = fig.axes[0]
    usa = next(line for line in ax.get_lines() if line.get_label() == "USA")
    assert pd.isna(usa.get_ydata()).any()
    legend = ax.get_legend()
    assert legend.get_bbox_to_anchor().x0 >= ax.bbox.x1 - 1  # anchored right of the data area
    plt.close(fig)
