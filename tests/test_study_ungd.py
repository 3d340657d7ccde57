"""The UN General Debate case-study tables on small hand-built speeches and stance tables (no parsing)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from rhetoriclab.documents import Corpus, Document
from rhetoriclab.pipeline import RunResult
from rhetoriclab.studies import ungd


def _speech(state: str, year: int, text: str) -> Document:
    return Document(id=f"ungd-{state}-{year}", text=text, date=dt.date(year, 9, 20), kind="speech", issuer=state)


CORPUS = Corpus([
    _speech("POL", 2021, "We stand with Ukraine."),
    _speech("POL", 2022, "Russia's invasion of Ukraine is a crime. The Russian Federation must withdraw."),
    _speech("FRA", 2022, "Russian troops must leave."),                      # an adjective only: names neither
    _speech("BRA", 2022, "We call for dialogue."),
], name="ungd")


def test_naming_counts_names_not_adjectives():
    t = ungd.naming_table(CORPUS).set_index("year")
    assert t.loc[2021, ["speeches", "naming Russia", "naming Ukraine"]].tolist() == [1, 0, 1]
    assert t.loc[2022, ["speeches", "naming Russia", "naming Ukraine"]].tolist() == [3, 1, 1]
    assert t.loc[2022, "share naming Ukraine"] == round(1 / 3, 3)


def test_sentence_filter_finds_adjectives_and_places():
    assert ungd.SENTENCE_FILTER.search("Russian troops must leave.")
    assert ungd.SENTENCE_FILTER.search("the annexation of Crimea")
    assert not ungd.SENTENCE_FILTER.search("We call for dialogue.")


def _result() -> RunResult:
    cols = ["doc_id", "index", "event", "quad", "source_code", "target_code", "target_org", "plover_score"]
    stances = pd.DataFrame([
        ("ungd-POL-2021", 0, "SUPPORT", "verbal-cooperation", "POL", "UKR", None, 3.5),
        ("ungd-POL-2022", 0, "ACCUSE", "verbal-conflict", "POL", "RUS", None, -2.0),
        ("ungd-POL-2022", 1, "REQUEST", "verbal-conflict", "POL", "RUS", None, -5.0),
        ("ungd-POL-2022", 2, "ASSAULT", "material-conflict", "RUS", "UKR", None, -10.0),  # reported: not POL's
        ("ungd-POL-2022", 3, "SUPPORT", "verbal-cooperation", "POL", None, "UN", 3.5),    # an organisation
        ("ungd-FRA-2022", 0, "REQUEST", "verbal-conflict", "FRA", "RUS", None, -5.0),
    ], columns=cols)
    documents = pd.DataFrame({"doc_id": [d.id for d in CORPUS], "date": pd.to_datetime([d.date for d in CORPUS]),
                              "issuer": [d.issuer for d in CORPUS]})
    return RunResult(documents, {"stances": stances}, pd.DataFrame(), {})


def test_state_stances_keep_the_speakers_own_stances_toward_rus_and_ukr():
    s = ungd.state_stances(_result())
    assert s[["state", "year", "period", "event", "target_code"]].values.tolist() == [
        ["POL", 2021, "2014-2021", "SUPPORT", "UKR"], ["FRA", 2022, "2022-2024", "REQUEST", "RUS"],
        ["POL", 2022, "2022-2024", "ACCUSE", "RUS"], ["POL", 2022, "2022-2024", "REQUEST", "RUS"]]


def test_yearly_stances_means_and_shares():
    y = ungd.yearly_stances(ungd.state_stances(_result())).set_index(["year", "target"])
    row = y.loc[(2022, "RUS")]
    assert (row["stances"], row["states"], row["mean_plover_score"]) == (3, 2, -4.0)  # (-2 - 5 - 5) / 3
    assert row["share verbal-conflict"] == 1.0
    assert row["plover_score_lo"] <= -4.0 <= row["plover_score_hi"]
    assert pd.isna(y.loc[(2021, "UKR"), "plover_score_lo"])  # one stance: no interval


def test_state_period_table_drops_thin_cells():
    t = ungd.state_period_table(ungd.state_stances(_result()), target="RUS", min_stances=2)
    assert t.values.tolist() == [["POL", "2022-2024", 2, -3.5]]


def test_voices_on_ukraine_groups():
    v = ungd.voices_on_ukraine(CORPUS, ungd.state_stances(_result())).set_index("state")
    assert v["group"].to_dict() == {"BRA": "silent", "FRA": "criticises Russia", "POL": "criticises Russia"}
    assert v.loc["POL", ["speeches", "named_ukraine", "support_ukr", "conflict_rus"]].tolist() == [1, 1, 0, 2]


def test_period_of_and_sentences_naming():
    assert [ungd.period_of(y) for y in (2013, 2014, 2021, 2022, 2024, 2025)] == [
        "2013", "2014-2021", "2014-2021", "2022-2024", "2022-2024", None]
    assert ungd.sentences_naming(CORPUS, 2022, 2022) == [
        "Russia's invasion of Ukraine is a crime.", "The Russian Federation must withdraw.",
        "Russian troops must leave."]
