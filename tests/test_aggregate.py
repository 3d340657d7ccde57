"""Aggregations of stance tables, checked against values worked out by hand."""

import math

import numpy as np
import pandas as pd
import pytest

from rhetoriclab import aggregate as ag

NAN = float("nan")


@pytest.fixture
def stances() -> pd.DataFrame:
    """Five stances. Weekdays: 2021-12-02 Thu, 12-05 Sun, 12-06 Mon, 2022-01-10 Mon, 02-24 Thu."""
    return pd.DataFrame({
        "doc_id": ["a", "a", "b", "c", "d"],
        "date": pd.to_datetime(["2021-12-02", "2021-12-05", "2021-12-06", "2022-01-10", "2022-02-24"]),
        "source_code": ["USA", "USA", "RUS", "RUS", "UKR"],
        "target_code": ["RUS", "RUS", "USA", "UKR", "RUS"],
        "event": ["THREATEN", "REQUEST", "ACCUSE", "THREATEN", "ASSAULT"],
        "quad": ["VERBAL_CONFLICT"] * 4 + ["MATERIAL_CONFLICT"],
        "plover_score": [-4.0, -2.0, -2.0, -4.0, NAN],
        "polarity": [-0.2, 0.0, -0.4, -0.6, 0.5],
        "subjectivity": [0.4, 0.6, 0.5, 0.5, 0.5],
        "hedging": [0, 1, 0, 2, 0],
        "boosting": [1, 0, 0, 0, 0],
    })


def _row(frame: pd.DataFrame, **keys) -> pd.Series:
    mask = np.logical_and.reduce([frame[k] == v for k, v in keys.items()])
    assert mask.sum() == 1, f"expected one row for {keys}, got {int(mask.sum())}"
    return frame[mask].iloc[0]


@pytest.mark.parametrize(("period", "expected"), [
    ("day", ["2021-12-02", "2021-12-05", "2021-12-06", "2022-01-10", "2022-02-24"]),
    # weeks start on Monday: Thu 2 Dec and Sun 5 Dec -> Mon 29 Nov; Mon 6 Dec is its own week; Thu 24 Feb -> Mon 21 Feb
    ("week", ["2021-11-29", "2021-11-29", "2021-12-06", "2022-01-10", "2022-02-21"]),
    ("month", ["2021-12-01", "2021-12-01", "2021-12-01", "2022-01-01", "2022-02-01"]),
    ("quarter", ["2021-10-01", "2021-10-01", "2021-10-01", "2022-01-01", "2022-01-01"]),
    ("year", ["2021-01-01", "2021-01-01", "2021-01-01", "2022-01-01", "2022-01-01"]),
])
def test_add_period_gives_the_start_date_of_each_period(stances, period, expected):
    out = ag.add_period(stances, period)
    assert out["period"].tolist() == list(pd.to_datetime(expected))
    assert "period" not in stances  # the input is not modified


def test_add_period_decade_and_unknown_period(stances):
    assert ag.add_period(stances.assign(date=pd.to_datetime(["1947-03-12", "1950-01-01", "1959-12-31",
                                                             "1991-12-25", "2022-02-24"])),
                         "decade")["period"].tolist() == [1940, 1950, 1950, 1990, 2020]
    with pytest.raises(ValueError, match="unknown period 'fortnight'.*day, week, month"):
        ag.add_period(stances, "fortnight")


def test_counts_and_shares_overall_and_within_groups(stances):
    out = ag.counts(stances, ["source_code"])
    # 5 rows: RUS 2, UKR 1, USA 2 -> shares 2/5, 1/5, 2/5
    assert out["source_code"].tolist() == ["RUS", "UKR", "USA"]
    assert out["n"].tolist() == [2, 1, 2]
    assert out["share"].tolist() == pytest.approx([0.4, 0.2, 0.4])
    within = ag.counts(stances, ["source_code", "event"], within=["source_code"])
    # USA: THREATEN 1 and DEMAND 1 of 2 -> 0.5 each; UKR: ASSAULT 1 of 1 -> 1.0
    assert _row(within, source_code="USA", event="REQUEST")["share"] == pytest.approx(0.5)
    assert _row(within, source_code="UKR", event="ASSAULT")["share"] == pytest.approx(1.0)
    assert within.groupby("source_code")["share"].sum().tolist() == pytest.approx([1.0, 1.0, 1.0])


def test_summarise_by_actor_means_rates_and_intervals(stances):
    out = ag.by_actor(stances)
    assert out["source_code"].tolist() == ["RUS", "UKR", "USA"]
    rus, ukr, usa = (out.iloc[i] for i in range(3))
    # RUS: plover_score (-2 + -4) / 2 = -3; polarity (-0.4 + -0.6) / 2 = -0.5; hedging counts [0, 2] -> 1 of 2 hedged
    assert (rus["n"], rus["share"]) == (2, pytest.approx(0.4))
    assert rus["mean_plover_score"] == pytest.approx(-3.0)
    assert rus["mean_polarity"] == pytest.approx(-0.5)
    assert (rus["hedging_rate"], rus["boosting_rate"]) == (pytest.approx(0.5), pytest.approx(0.0))
    # resampling two values {-2, -4} gives means -4, -3, -2 with probabilities 1/4, 1/2, 1/4:
    # with 1000 resamples the 2.5th and 97.5th percentiles are the extremes
    assert (rus["plover_score_lo"], rus["plover_score_hi"]) == (pytest.approx(-4.0), pytest.approx(-2.0))
    # USA: plover_score (-4 + -2) / 2 = -3; polarity (-0.2 + 0.0) / 2 = -0.1; one of two hedged, one of two boosted
    assert usa["mean_polarity"] == pytest.approx(-0.1)
    assert (usa["hedging_rate"], usa["boosting_rate"]) == (pytest.approx(0.5), pytest.approx(0.5))
    # subjectivity (0.4 + 0.6) / 2 = 0.5
    assert usa["mean_subjectivity"] == pytest.approx(0.5)
    # UKR: its only PLOVER score is missing -> NaN mean and interval; one polarity value -> mean, no interval
    assert math.isnan(ukr["mean_plover_score"])
    assert math.isnan(ukr["plover_score_lo"]) and math.isnan(ukr["plover_score_hi"])
    assert ukr["mean_polarity"] == pytest.approx(0.5)
    assert math.isnan(ukr["polarity_lo"]) and math.isnan(ukr["polarity_hi"])


def test_every_interval_contains_its_mean(stances):
    out = ag.summarise(stances, ["quad"])
    for m in ag.MEANS:
        ok = out[f"mean_{m}"].notna() & out[f"{m}_lo"].notna()
        assert ok.any()
        assert (out.loc[ok, f"{m}_lo"] <= out.loc[ok, f"mean_{m}"]).all()
        assert (out.loc[ok, f"mean_{m}"] <= out.loc[ok, f"{m}_hi"]).all()


def test_by_period_month(stances):
    out = ag.by_period(stances, "month", ci=False)
    assert out["period"].tolist() == list(pd.to_datetime(["2021-12-01", "2022-01-01", "2022-02-01"]))
    assert out["n"].tolist() == [3, 1, 1]
    assert out["share"].tolist() == pytest.approx([0.6, 0.2, 0.2])
    # December: (-4 + -2 + -2) / 3 = -8/3; January -4; February has no score
    assert out["mean_plover_score"].tolist()[:2] == pytest.approx([-8 / 3, -4.0])
    assert math.isnan(out["mean_plover_score"].iloc[2])
    # December hedging counts [0, 1, 0] -> 1 of 3
    assert out["hedging_rate"].iloc[0] == pytest.approx(1 / 3)
    assert "plover_score_lo" not in out


def test_by_period_week_per_actor(stances):
    out = ag.by_period(stances, "week", by=["source_code"], ci=False)
    # week of Mon 29 Nov: the two USA stances (2 and 5 Dec); week of 6 Dec: RUS
    first = _row(out, period=pd.Timestamp("2021-11-29"), source_code="USA")
    assert first["n"] == 2 and first["mean_plover_score"] == pytest.approx(-3.0)
    assert len(out) == 4 and out["n"].sum() == 5


def test_by_dyad_share_is_within_source(stances):
    out = ag.by_dyad(stances, ci=False)
    pairs = list(zip(out["source_code"], out["target_code"], out["n"], out["share"], strict=True))
    # RUS -> UKR 1 and RUS -> USA 1 of RUS's 2; UKR -> RUS 1 of 1; USA -> RUS 2 of 2
    assert pairs == [("RUS", "UKR", 1, 0.5), ("RUS", "USA", 1, 0.5), ("UKR", "RUS", 1, 1.0), ("USA", "RUS", 2, 1.0)]


def test_by_event_and_by_quad(stances):
    events = ag.by_event(stances, ci=False)
    assert events["event"].tolist() == ["ACCUSE", "ASSAULT", "REQUEST", "THREATEN"]
    assert events["n"].tolist() == [1, 1, 1, 2]
    assert events["share"].tolist() == pytest.approx([0.2, 0.2, 0.2, 0.4])
    assert _row(events, event="THREATEN")["mean_plover_score"] == pytest.approx(-4.0)  # (-4 + -4) / 2
    quads = ag.by_event(stances, level="quad", by=["source_code"], ci=False)
    # each source used one quad class only, so every share within its source is 1
    assert list(zip(quads["source_code"], quads["quad"], quads["n"], strict=True)) == [
        ("RUS", "VERBAL_CONFLICT", 2), ("UKR", "MATERIAL_CONFLICT", 1), ("USA", "VERBAL_CONFLICT", 2)]
    assert quads["share"].tolist() == [1.0, 1.0, 1.0]
    overall = ag.by_event(stances, level="quad", ci=False)
    assert overall["share"].tolist() == pytest.approx([0.2, 0.8])  # MATERIAL 1/5, VERBAL 4/5


@pytest.mark.filterwarnings("error")
def test_missing_keys_form_their_own_group_last_without_warnings(stances):
    stances.loc[4, "source_code"] = None
    out = ag.by_actor(stances)
    assert out["source_code"].tolist()[:2] == ["RUS", "USA"] and pd.isna(out["source_code"].iloc[2])
    assert out["n"].tolist() == [2, 2, 1]
    assert out["mean_polarity"].iloc[2] == pytest.approx(0.5)


def test_summarise_empty_table_and_missing_columns(stances):
    empty = ag.by_period(stances.iloc[:0], "week")
    assert empty.empty
    assert list(empty.columns[:3]) == ["period", "n", "share"] and "plover_score_hi" in empty
    with pytest.raises(KeyError, match="no column.*'source_code'"):
        ag.by_actor(stances.drop(columns="source_code"))


def test_bootstrap_is_seeded_and_degenerate_input_is_nan_or_exact():
    values = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0]  # mean 5.5
    lo, hi = ag.bootstrap_ci(values, seed=3)
    assert (lo, hi) == ag.bootstrap_ci(values, seed=3)
    assert 1.0 <= lo < 5.5 < hi <= 10.0
    assert ag.bootstrap_ci(values, seed=4) != (lo, hi)
    wide = ag.bootstrap_ci(values, level=0.99, seed=3)
    assert wide[0] <= lo and wide[1] >= hi
    assert ag.bootstrap_ci([2.0, 2.0, 2.0]) == (2.0, 2.0)  # all equal: every resample has the same mean
    for degenerate in ([1.0], [], [NAN, 4.0], [NAN, NAN]):  # fewer than two finite values: documented NaN
        assert all(math.isnan(v) for v in ag.bootstrap_ci(degenerate))


def test_summarise_seeds_groups_in_sorted_order(stances):
    a = ag.summarise(stances, ["quad"], seed=7)
    b = ag.summarise(stances.iloc[::-1], ["quad"], seed=7)  # row order does not matter
    pd.testing.assert_frame_equal(a, b)


def test_per_10k_words():
    mentions = pd.DataFrame({"speaker": ["A", "A", "B"], "mentions": [3, 1, 0], "n_words": [1000, 3000, 500]})
    out = ag.per_10k_words(mentions, ["speaker"])
    # A: (3 + 1) / (1000 + 3000) * 10,000 = 10.0; B: 0 / 500 = 0
    assert out.to_dict("list") == {"speaker": ["A", "B"], "mentions": [4, 0], "n_words": [4000, 500],
                                   "per_10k": [10.0, 0.0]}


def test_with_documents_joins_dates_on_doc_id(stances):
    docs = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "corpus": ["whitehouse", "kremlin", "kremlin", "ukraine"]})
    out = ag.with_documents(stances.drop(columns="date"), docs)
    assert out["corpus"].tolist() == ["whitehouse", "whitehouse", "kremlin", "kremlin", "ukraine"]
    assert len(out) == len(stances)
