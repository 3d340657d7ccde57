"""The crisis case-study tables on small hand-built inputs (no parsing)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from rhetoriclab.documents import Corpus, Document
from rhetoriclab.pipeline import RunResult
from rhetoriclab.studies.crisis import (
    crisis_stances,
    dyad_table,
    filter_table,
    hedging_before_after,
    war_terms,
    weekly_focus,
)


def _stances(rows):
    cols = ["doc_id", "index", "event", "source_code", "target_code", "target_org", "plover_score", "hedging",
            "boosting"]
    return pd.DataFrame(rows, columns=cols).assign(source_org=None, negated=False, hypothetical=False,
                                                   confidence=0.9)


def _result(stances, docs):
    documents = pd.DataFrame(docs, columns=["doc_id", "date", "kind", "n_words", "paragraphs_kept", "chars",
                                            "chars_kept"])
    documents["date"] = pd.to_datetime(documents["date"])
    return RunResult(documents, {"stances": stances}, pd.DataFrame(columns=["doc_id", "corpus", "stage", "reason"]),
                     {})


@pytest.fixture()
def results():
    kremlin = _result(_stances([
        ("k1", 0, "THREATEN", "RUS", "UKR", None, -4.4, 1, 0),   # own, before the invasion, hedged
        ("k1", 1, "REQUEST", "USA", "RUS", None, -5.0, 0, 0),     # a U.S. demand the Kremlin reports: other
        ("k2", 0, "REJECT", "RUS", None, "NATO", -4.0, 0, 1),    # own, after the invasion, boosted, target NATO
        ("k2", 1, "SUPPORT", None, "UKR", None, 3.5, 0, 0),      # no source: unknown
    ]), [("k1", "2022-02-10", "statement", 100, 1, 10, 5), ("k2", "2022-03-01", "statement", 300, 2, 30, 30)])
    white = _result(pd.concat([_stances([
        ("w1", 0, "THREATEN", "USA", "RUS", None, -4.4, 0, 1),
        ("w1", 1, "SUPPORT", "USA", "UKR", None, 3.5, 0, 0),
    ]), _stances([
        ("w1", 2, "THREATEN", "USA", "RUS", None, -3.5, 0, 0),   # "we do not want war": negated, not counted
        ("w1", 3, "ASSAULT", "RUS", "UKR", None, -9.0, 0, 0),    # "Russia may invade": hypothetical
        ("w1", 4, "SUPPORT", "USA", "UKR", None, 5.0, 0, 0),     # a guess below the confidence threshold
    ]).assign(negated=[True, False, False], hypothetical=[False, True, False], confidence=[0.9, 0.9, 0.3])],
        ignore_index=True), [("w1", "2022-02-14", "transcript", 50, 0, 20, 0)])
    return {"kremlin": kremlin, "whitehouse": white}


def test_negated_hypothetical_and_unsure_records_are_left_out_and_said(results):
    s = crisis_stances(results)
    assert not ((s["doc_id"] == "w1") & (s["index"] >= 2)).any()
    assert s.attrs["note"] == "Left out 3 of 9 records: 1 negated, 1 hypothetical, 1 confidence below 0.5."


def test_sides_and_invasion_flag(results):
    s = crisis_stances(results)
    assert s[["doc_id", "capital", "side", "after_invasion"]].values.tolist() == [
        ["k1", "Moscow", "own", False], ["k1", "Moscow", "other", False],
        ["w1", "Washington", "own", False], ["w1", "Washington", "own", False],
        ["k2", "Moscow", "own", True], ["k2", "Moscow", "unknown", True]]


def test_weekly_focus_per_10k_words_with_gaps_for_silent_weeks(results):
    from rhetoriclab.studies.crisis import words_per_week

    stances, words = crisis_stances(results), words_per_week(results)
    w = weekly_focus(stances, words, events=("THREATEN", "REJECT"), until=pd.Timestamp("2022-03-06"), min_words=1)
    moscow_threats = w[(w["capital"] == "Moscow") & (w["event"] == "THREATEN")]
    # the weeks of Mon 7 Feb (k1, 100 words), 14 and 21 Feb (Moscow published nothing: a gap) and 28 Feb (k2)
    assert moscow_threats["period"].dt.strftime("%m-%d").tolist() == ["02-07", "02-14", "02-21", "02-28"]
    assert moscow_threats["stances"].tolist()[0] == 1 and moscow_threats["stances"].tolist()[3] == 0
    assert moscow_threats["stances"].iloc[1:3].isna().all()
    assert moscow_threats["per_10k_words"].tolist()[0] == 100.0  # 1 stance in 100 words
    washington = w[(w["capital"] == "Washington") & (w["event"] == "THREATEN")].set_index("period")
    assert washington.loc["2022-02-14", "per_10k_words"] == 200.0  # 1 counted threat in 50 words
    # by default, only weeks that end by the last date every capital covers (Washington: Mon 14 Feb)
    # a week with fewer published words than min_words (default 2,000) has a count but no rate
    assert weekly_focus(stances, words, events=("THREATEN",))["per_10k_words"].isna().all()
    default = weekly_focus(stances, words, events=("THREATEN", "REJECT"), min_words=1)
    assert default["period"].dt.strftime("%m-%d").unique().tolist() == ["02-07"]


def test_hedging_before_after(results):
    h = hedging_before_after(crisis_stances(results))
    moscow = h[h["capital"] == "Moscow"].set_index("period")
    assert moscow.loc["before 24 Feb", ["stances", "hedged", "boosted"]].tolist() == [1, 1.0, 0.0]
    assert moscow.loc["from 24 Feb", ["stances", "hedged", "boosted"]].tolist() == [1, 0.0, 1.0]


def test_dyad_table_uses_igo_for_organisations(results):
    d = dyad_table(crisis_stances(results))
    assert d[["capital", "target", "n", "mean_plover_score"]].values.tolist() == [
        ["Moscow", "IGO", 1, -4.0], ["Moscow", "UKR", 1, -4.4], ["Washington", "RUS", 1, -4.4],
        ["Washington", "UKR", 1, 3.5]]


def test_filter_table_counts(results):
    f = filter_table(results).set_index("corpus")
    assert f.loc["kremlin", ["documents", "analysed", "words"]].tolist() == [2, 2, 400]
    assert f.loc["kremlin", "share of text kept"] == pytest.approx(35 / 40, abs=1e-3)
    assert f.loc["whitehouse", "analysed"] == 0


def test_war_terms_per_10k_words():
    corpus = Corpus([Document(id="a", text="The special military operation goes on. War is war.",
                              date=dt.date(2022, 3, 2)),
                     Document(id="b", text="Russia's invasion of Ukraine.", date=dt.date(2022, 3, 9))], name="kremlin")
    t = war_terms({"kremlin": corpus}).set_index("term")
    # 9 + 4 = 13 words in March 2022
    assert t.loc["war", "mentions"] == 2 and t.loc["war", "per_10k"] == round(2 / 13 * 10_000, 2)
    assert t.loc["special military operation", "mentions"] == 1
    history = Corpus([Document(id="c", text="Victory in the Great Patriotic War. World War II. Cold War. A war.",
                               date=dt.date(2022, 5, 9))], name="kremlin")
    assert war_terms({"kremlin": history}).set_index("term").loc["war", "mentions"] == 1
    assert t.loc["invasion", "mentions"] == 1 and t.loc["genocide", "mentions"] == 0


def test_monthly_event_mix_shares_sum_to_one(results):
    from rhetoriclab.studies.crisis import monthly_event_mix

    mix = monthly_event_mix(crisis_stances(results), events=("THREATEN",))
    # own stances: Moscow Feb THREATEN, Moscow Mar REJECT (-> other), Washington Feb THREATEN + SUPPORT (-> other)
    assert mix[["capital", "event", "stances", "share"]].values.tolist() == [
        ["Moscow", "THREATEN", 1, 1.0], ["Moscow", "other", 1, 1.0],
        ["Washington", "THREATEN", 1, 0.5], ["Washington", "other", 1, 0.5]]
    assert mix.groupby(["capital", "period"])["share"].sum().eq(1.0).all()
