"""Document and Corpus: offsets back to the source, and the tables at the seams."""

import datetime as dt

import pytest

from rhetoriclab.documents import Corpus, Document, LoadError, Problem


def make_doc(text: str, offset: int = 0, **kw) -> Document:
    return Document(id=kw.pop("id", "d1"), text=text, offset=offset, **kw)


def test_source_span_adds_the_body_offset_and_undoes_cleanup():
    header = "Headline\n\nHeadline\n\n"
    body = "\u201cWe \u2026 do not want any conflicts,\u201d he said."
    file_text = header + body
    doc = make_doc(body, offset=len(header))
    i = doc.clean.text.index("do not want")
    s, e = doc.source_span(i, i + len("do not want any conflicts"))
    assert file_text[s:e] == "do not want any conflicts"


def test_corpus_to_frame_has_one_row_per_document_with_dates():
    c = Corpus([make_doc("a b", id="x", date=dt.date(2021, 12, 2)), make_doc("c", id="y")], name="t")
    df = c.to_frame()
    assert list(df["id"]) == ["x", "y"]
    assert str(df.loc[0, "date"].date()) == "2021-12-02"
    assert df["date"].isna().tolist() == [False, True]
    assert df["n_chars"].tolist() == [3, 1]


def test_corpus_problems_frame_and_strict_error_list_every_problem():
    problems = [Problem("a.txt", None, "empty file"), Problem("manifest.csv", 3, "no such file: b.txt")]
    c = Corpus([], problems)
    row = c.problems_frame().to_dict("records")[1]
    assert row == {"file": "manifest.csv", "line": 3, "reason": "no such file: b.txt"}
    err = LoadError(problems)
    assert "a.txt: empty file" in str(err) and "manifest.csv:3: no such file: b.txt" in str(err)


def test_corpus_concatenation_slicing_and_lookup():
    c = Corpus([make_doc("a", id="x")], name="one") + Corpus([make_doc("b", id="y")], [Problem("f", 1, "r")], "two")
    assert len(c) == 2 and c.name == "one + two" and len(c.problems) == 1
    assert c.by_id("y").text == "b"
    assert [d.id for d in c[1:]] == ["y"]
    with pytest.raises(KeyError, match="no document with id 'z'"):
        c.by_id("z")
