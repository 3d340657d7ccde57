"""Keyword in context and mention counts on the seed article, with offsets into the file."""

import re
from pathlib import Path

import pytest

from rhetoriclab.documents import Document
from rhetoriclab.kwic import count_words, kwic, mentions, term_pattern
from rhetoriclab.loaders import load_path
from rhetoriclab.textclean import clean_text

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_81f63b873fa01d15.txt"


@pytest.fixture(scope="module")
def seed() -> list[Document]:
    return list(load_path(SEED.parent))


@pytest.fixture(scope="module")
def file_text() -> str:
    return SEED.read_text(encoding="utf-8")


def test_kwic_rows_with_context_and_file_offsets(seed, file_text):
    rows = kwic(seed, "serious consequences", window=30)
    assert len(rows) == 2  # the headline is not part of the body; the body says it twice
    first = rows.iloc[0]
    assert file_text[first["start"]:first["end"]] == "serious consequences"
    assert first["left"] == " " * 12 + 'Moscow will face "'  # cleaned quotes, padded to the window
    assert first["right"] == '" if it invades Ukraine, Secre'
    assert rows["left"].str.len().eq(30).all() and rows["right"].str.len().eq(30).all()
    assert rows["right"].iloc[1].startswith('." Speaking in South Korea')  # the paragraph break is one space
    assert str(first["date"].date()) == "2021-12-02"
    assert kwic(seed, "serious consequences", limit=1).shape[0] == 1
    assert kwic(seed, "serious consequences", limit=0).empty


def test_kwic_case_whole_words_and_regex(seed, file_text):
    lower = kwic(seed, "russia")
    assert len(lower) == 7 and set(lower["match"]) == {"Russia"}  # not "Russian", "Russians"
    assert kwic(seed, "russia", ignore_case=False).empty
    regex = kwic(seed, re.compile(r"Russians?\b"))
    assert set(regex["match"]) == {"Russian"} and len(regex) == 7
    for row in regex.itertuples():
        assert file_text[row.start:row.end] == row.match


def test_multi_word_terms_match_across_line_breaks_and_map_back():
    text = "Secretary Blinken said the \u201cserious\nconsequences\u201d were clear."
    doc = Document(id="d", text=text)
    rows = kwic([doc], "serious consequences", window=10)
    assert rows["match"].tolist() == ["serious consequences"]
    s, e = rows.loc[0, ["start", "end"]]
    assert text[s:e] == "serious\nconsequences"
    assert (rows.loc[0, "left"], rows.loc[0, "right"]) == ('said the "', '" were cle')


def test_mentions_counts_terms_and_words(seed):
    out = mentions(seed, {"Russia": "Russia", "Russia(n)": re.compile(r"Russian?\b"), "nato": "nato"})
    row = out.iloc[0]
    # hand count in the body: "Russia" 7 times (9 in the file, 2 in the repeated headline), "Russian" 7 times
    assert (row["Russia"], row["Russia(n)"]) == (7, 14)
    assert row["nato"] == 0  # mentions are case-sensitive by default: "NATO" is not "nato"
    assert mentions(seed, {"nato": "nato"}, ignore_case=True).loc[0, "nato"] > 0
    assert row["n_words"] == count_words(seed[0].clean.text)


def test_count_words_and_term_pattern():
    # U.S. / officials / don't / want / war / 7 / 1 / 2-year
    assert count_words("U.S. officials don't want war; 7 1/2-year") == 8
    assert term_pattern("U.S.").search("the U.S. position") and not term_pattern("US").search("USA")
    assert clean_text("\u201cwar\u201d").text == '"war"'
