"""The stance explorer: selection, timeline, evidence highlighting, static rendering."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd
import pytest

from rhetoriclab import explore as ex

# Stances as the seed article's sentences give them (hand-coded rows; the pipeline's frames use the same columns).
ROWS = [
    {"doc": "seed", "date": "2021-12-02", "source_code": "USA", "target_code": "RUS", "event": "THREATEN",
     "quad": "verbal-conflict", "plover_score": -4.4, "cue_text": "consequences",
     "content_text": "Moscow will face “serious consequences” if it invades Ukraine"},
    {"doc": "seed", "date": "2021-12-02", "source_code": "USA", "target_code": "RUS", "event": "REQUEST",
     "quad": "verbal-conflict", "plover_score": -4.9, "cue_text": "pushed",
     "content_text": "Mr. Blinken pushed Moscow to abide by the Minsk agreements"},
    {"doc": "seed", "date": "2021-12-02", "source_code": "RUS", "target_code": "IGO", "event": "REJECT",
     "quad": "verbal-conflict", "plover_score": -4.0, "cue_text": "infringe",
     "content_text": "NATO’s expansion “will infringe upon security.”"},
    {"doc": "nato", "date": "2021-10-06", "source_code": "IGO", "target_code": "UKR", "event": "SUPPORT",
     "quad": "verbal-cooperation", "plover_score": 3.5, "cue_text": "support",
     "content_text": "We should provide more support, more training, more capacity-building"},
    {"doc": "undated", "date": None, "source_code": "UKR", "target_code": None, "event": "CONSULT",
     "quad": None, "plover_score": None, "cue_text": None, "content_text": "talks <b>held</b>"},
]


@pytest.fixture()
def frame():
    return ex.standardize(pd.DataFrame(ROWS))


def test_standardize_maps_names_and_parses_dates():
    raw = pd.DataFrame(ROWS).rename(columns={"doc": "doc_id", "content_text": "content"})
    raw["source"] = [{"code": "USA"}] * 4 + [None]  # nested records are not taken for source_text
    out = ex.standardize(raw, corpus="seed")
    assert list(out["doc"][:2]) == ["seed", "seed"]
    assert out["date"].dtype.kind == "M" and out["date"].isna().sum() == 1
    assert out["source_text"].isna().all() and set(out["corpus"]) == {"seed"}
    assert out.loc[4, "quad"] == "other"
    with pytest.raises(ValueError, match="date column"):
        ex.standardize(pd.DataFrame({"event": ["THREATEN"]}))


def test_select_by_actor_target_event_and_period(frame):
    assert len(ex.select(frame, actor="USA", target="RUS")) == 2
    assert list(ex.select(frame, actor="USA", event="REQUEST")["plover_score"]) == [-4.9]
    assert list(ex.select(frame, start="2021-11-01", end="2021-12-31")["doc"]) == ["seed"] * 3
    assert list(ex.select(frame, actor=ex.ALL)["doc"][:1]) == ["nato"]  # sorted by date
    assert ex.select(frame, corpus="kremlin").empty


def test_timeline_fills_empty_weeks(frame):
    table = ex.timeline(frame, freq="W-MON")
    # 2021-10-06 .. 2021-12-02 spans nine weeks; undated rows are left out
    assert len(table) == 9 and table.to_numpy().sum() == 4
    assert table["verbal-conflict"].iloc[-1] == 3 and table.iloc[1:-1].to_numpy().sum() == 0


def test_highlight_marks_cue_and_escapes_html():
    assert ex.highlight("Moscow will face “serious consequences”", "consequences") == \
        "Moscow will face “serious <mark>consequences</mark>”"
    assert ex.highlight("talks <b>held</b>", None) == "talks &lt;b&gt;held&lt;/b&gt;"
    assert ex.highlight("we do not want any conflicts", ["not", "want"]).count("<mark>") == 2
    assert ex.highlight("Moscow will face consequences", "told") == \
        "<mark>told</mark> &middot; Moscow will face consequences"


def test_evidence_table_lists_records(frame):
    html = ex.evidence_table(ex.select(frame, actor="USA"), n=1)
    assert html.count("<tr>") == 2 and "USA &rarr; RUS" in html and "-4.4" in html
    assert "showing 1 of 2 records" in html and "<mark>consequences</mark>" in html


def test_timeline_figure_labels_and_empty_selection(frame):
    fig = ex.timeline_figure(frame)
    ax = fig.axes[0]
    assert ax.get_ylabel() == "records per period" and ax.get_title()
    assert {t.get_text() for t in ax.get_legend().get_texts()} == {"verbal-conflict", "verbal-cooperation"}
    empty = ex.timeline_figure(ex.select(frame, corpus="none"))
    assert "no records" in empty.axes[0].texts[0].get_text()


def test_static_explore_displays_figure_and_table(monkeypatch, capsys):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj: shown.append(obj))
    assert ex.explore({"seed": pd.DataFrame(ROWS)}, static=True, actor="USA") is None
    assert type(shown[0]).__name__ == "Figure" and "USA &rarr; RUS" in shown[1].data


def test_widget_explore_builds_controls(monkeypatch):
    pytest.importorskip("ipywidgets")
    monkeypatch.setattr("IPython.display.display", lambda obj: None)
    panel = ex.explore(pd.DataFrame(ROWS), static=False, event="THREATEN")
    dropdowns = [c for box in panel.children[:2] for c in box.children]
    assert [d.description for d in dropdowns] == ["corpus", "actor", "target", "event"]
    assert dropdowns[3].value == "THREATEN" and "USA" in dropdowns[1].options
    panel.children[2].value = panel.children[2].options[-1][1], panel.children[2].options[-1][1]  # redraws
