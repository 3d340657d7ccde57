"""Tests for rhetoriclab.studies.sotu on small hand-checked inputs."""

from datetime import date

import pandas as pd
import pytest

from rhetoriclab.documents import Document
from rhetoriclab.prefilter import actor_pattern
from rhetoriclab.studies import sotu as st


def _address(doc_id: str, day: str, text: str, president: str = "Test President", delivery: str = "spoken"):
    return Document(id=doc_id, text=text, date=date.fromisoformat(day), speaker=president,
                    meta={"year": int(day[:4]), "party": "None", "sotu_type": delivery})


DOCS = [
    _address("a", "1867-12-03", "The treaty with Russia ceded Alaska.\n\nRussian ships left Sitka.",
             "Andrew Johnson", "written"),
    _address("b", "1962-01-11", "The Soviet Union and the Soviets test us. Moscow and the Kremlin know "
             "the U.S.S.R. cannot win.\n\nSoviet missiles remain. Russia's people want peace.", "John F. Kennedy"),
    _address("c", "2022-03-01", "Putin's war against Ukraine was premeditated.\n\nWe stand with Ukraine.",
             "Joseph R. Biden Jr."),
]


def test_terms_count_whole_case_sensitive_names_only():
    counts = st.mention_counts(DOCS).set_index("doc_id")
    # "Russia" in a and "Russia's" in b count; "Russian" and "Soviet missiles" do not.
    assert counts.loc["a", "Russia"] == 1 and counts.loc["b", "Russia"] == 1
    assert counts.loc["b", ["Soviet Union", "Soviets", "Moscow", "Kremlin", "USSR"]].tolist() == [1, 1, 1, 1, 1]
    assert counts[st.COMBINED].tolist() == [1, 6, 0]
    assert counts.loc["a", "delivery"] == "written" and counts.loc["b", "decade"] == 1960
    adjectives = st.mention_counts(DOCS, st.ADJECTIVES).set_index("doc_id")
    assert adjectives.loc["a", "Russian(s)"] == 1 and adjectives.loc["b", "Soviet (adjective)"] == 1


def test_term_rates_use_all_words_of_the_group_and_keep_zero_groups():
    counts = pd.DataFrame({"decade": [1960, 1960, 2020], "n_words": [1000, 3000, 500],
                           "Russia": [2, 2, 0], st.COMBINED: [4, 4, 0]})
    rates = st.term_rates(counts, ["decade"], terms=["Russia", st.COMBINED]).set_index(["decade", "term"])
    assert rates.loc[(1960, "Russia"), "per_10k"] == pytest.approx(10.0)  # 4 / 4000 words * 10,000
    assert rates.loc[(1960, st.COMBINED), "per_10k"] == pytest.approx(20.0)
    assert rates.loc[(2020, "Russia"), "per_10k"] == 0.0


def test_era_of_puts_break_days_in_the_new_era_and_rejects_outside_dates():
    eras = st.era_of(["1947-03-11", "1947-03-12", "1991-12-26", "2022-02-24"]).astype(str).tolist()
    assert eras == ["1917-1947 Soviet, before the Cold War", "1947-1991 Cold War", "1992-2014 post-Soviet",
                    "2022- full-scale war"]
    with pytest.raises(ValueError, match="outside the eras"):
        st.era_of(["1700-01-01"])


def _stances() -> pd.DataFrame:
    return pd.DataFrame({
        "doc_id": ["b", "b", "b", "c", "c", "a"],
        "source_code": ["USA", "USA", "GBR", "USA", "USA", "USA"],
        "target_code": ["RUS", "RUS", "RUS", "RUS", "UKR", "RUS"],
        "quad": ["verbal-conflict", "verbal-cooperation", "verbal-conflict", "material-conflict",
                 "material-cooperation", "verbal-cooperation"],
        "plover_score": [-4.0, 3.0, -2.0, -9.0, 7.0, 1.0],
        "polarity": [-0.5, 0.5, 0.0, -0.25, 0.1, 0.0],
    })


def test_rus_stances_splits_usa_and_any_source():
    table = st.rus_stances(_stances(), st.address_table(DOCS))
    sizes = table.groupby("subset", observed=True).size()
    assert sizes[st.USA_TO_RUS] == 4 and sizes[st.ANY_TO_RUS] == 5  # the UKR target is left out
    assert set(table.loc[table["doc_id"] == "c", "president"]) == {"Joseph R. Biden Jr."}


def test_president_summary_keeps_presidents_with_enough_stances():
    table = st.rus_stances(_stances(), st.address_table(DOCS))
    out = st.president_summary(table[table["subset"] == st.ANY_TO_RUS], min_stances=3)
    assert out["president"].tolist() == ["John F. Kennedy"]
    row = out.iloc[0]
    assert row["n"] == 3 and row["mean_plover_score"] == pytest.approx(-1.0)
    assert row["share_verbal-conflict"] == pytest.approx(2 / 3)
    assert out.attrs["dropped"] == {"Andrew Johnson": 1, "Joseph R. Biden Jr.": 1}
    with pytest.raises(ValueError, match="at least 2"):
        st.president_summary(table, min_stances=1)


def test_paragraphs_mentioning_filters_by_date_and_pattern():
    pattern = actor_pattern(["RUS"])
    out = st.paragraphs_mentioning(DOCS, pattern, start="1947-03-12", end="1991-12-25")
    assert out["doc_id"].tolist() == ["b", "b"]
    assert out["text"].iloc[1] == "Soviet missiles remain. Russia's people want peace."
    late = st.paragraphs_mentioning(DOCS, pattern, start="2014-03-18", end="2026-12-31")
    assert late["text"].tolist() == ["Putin's war against Ukraine was premeditated."]


def test_decade_mix_fills_the_grid_and_hides_small_decades():
    table = pd.DataFrame({"subset": ["x"] * 5, "decade": [1950, 1950, 1950, 1970, 1970],
                          "quad": ["verbal-conflict", "verbal-conflict", "verbal-cooperation", "verbal-conflict",
                                   "verbal-cooperation"]})
    out = st.decade_mix(table, min_stances=3).set_index(["period", "quad"])
    assert len(out) == 3 * 2  # 1950, 1960, 1970 x two quads
    assert out.loc[(1950, "verbal-conflict"), "share"] == pytest.approx(2 / 3)
    assert out.loc[(1960, "verbal-conflict"), "n"] == 0 and not out.loc[(1960, "verbal-conflict"), "shown"]
    row = out.loc[(1970, "verbal-cooperation")]
    assert row["n"] == 1 and not row["shown"] and pd.isna(row["share"])  # too few to show: a gap, not a zero
