"""Corpus runs on the seed and the small test articles: tables, skipped documents, offsets, processes."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from rhetoriclab.documents import Corpus, Document, Problem
from rhetoriclab.kwic import count_words
from rhetoriclab.loaders import load_path
from rhetoriclab.pipeline import DOCUMENT_COLUMNS, SKIPPED_COLUMNS, default_analysers, records_frame, run_corpus
from rhetoriclab.prefilter import actor_pattern, mask_paragraphs
from rhetoriclab.records import Span
from rhetoriclab.textclean import clean_text, paragraph_spans

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    """The seed article and the three small test articles (4 documents)."""
    return load_path(ROOT / "seeds") + load_path(ROOT / "tests" / "data" / "articles")


@pytest.fixture(scope="module")
def result(corpus):
    return run_corpus(corpus, n_process=1, progress=False, cache=False)


def _file_text(document: Document) -> str:
    with open(document.origin, encoding="utf-8", newline="") as f:  # as the loader read it: no newline translation
        return f.read()


@dataclass
class Mention:
    """A test record: one capitalised word naming a capital city."""

    doc_id: str
    word: Span
    word_text: str
    negated: bool = False


CAPITALS = re.compile(r"\b(?:Moscow|Kyiv|Washington)\b")


def capitals_analyser(document: Document, doc) -> list[Mention]:
    """Mentions of three capitals; raises on a text about a cyberattack (to test the skipped report)."""
    if "cyberattack on government websites" in doc.text:
        raise RuntimeError("cannot handle cyberattacks")
    return [Mention(document.id, (m.start(), m.end()), m.group()) for m in CAPITALS.finditer(doc.text)]


def test_documents_table_one_row_per_document_in_order(corpus, result):
    docs = result.documents
    assert list(docs.columns) == DOCUMENT_COLUMNS
    assert docs["doc_id"].tolist() == [d.id for d in corpus]
    assert docs["n_words"].tolist() == [count_words(d.clean.text) for d in corpus]
    assert (docs["n_tokens"] > docs["n_words"] * 0.9).all()  # punctuation is a token too
    assert (docs["paragraphs_kept"] == docs["paragraphs"]).all()  # no pre-filter
    assert str(docs.loc[0, "date"].date()) == "2021-12-02"
    assert result.skipped.empty and list(result.skipped.columns) == SKIPPED_COLUMNS
    assert set(result.tables) == {"attributions", "stances"}
    assert set(result.stances["doc_id"]) <= set(docs["doc_id"]) and corpus[0].id in set(result.stances["doc_id"])
    # per document, the record index counts 0, 1, 2, ...
    for _, part in result.attributions.groupby("doc_id"):
        assert part["index"].tolist() == list(range(len(part)))


def test_offsets_point_at_the_same_text_in_the_original_file(corpus, result):
    checked = 0
    for table, fields in ((result.attributions, ("content", "cue", "source")), (result.stances, ("cue",))):
        for row in table.to_dict("records"):
            document = corpus.by_id(row["doc_id"])
            text = _file_text(document)
            for f in fields:
                start, end = row[f"{f}_start"], row[f"{f}_end"]
                if start is None or pd.isna(start):
                    continue
                # the tables hold the cleaned text (straight quotes); the file has the original characters
                assert clean_text(text[int(start):int(end)], unwrap_lines=document.unwrap_lines).text == row[
                    f"{f}_text"], (row["doc_id"], f)
                checked += 1
    assert checked > 50
    # a stance's cue lies inside its sentence
    st = result.stances
    assert ((st["sentence_start"] <= st["cue_start"]) & (st["cue_end"] <= st["sentence_end"])).all()


def test_skipped_lists_bad_documents_with_stage_and_reason(corpus):
    docs = [*corpus,
            Document(id="blank", text="  \n\n  "),
            Document(id="french", text="La Russie a averti Kiev.", language="fr"),
            dataclasses.replace(corpus[1])]  # a second document with the id "briefing"
    bad = Corpus(docs, [Problem("manifest.csv", 4, "no such file: missing.txt")], name="mixed")
    run = run_corpus(bad, analysers={"capitals": capitals_analyser}, n_process=1, progress=False, cache=False)
    rows = run.skipped.sort_values("doc_id", na_position="first").to_dict("records")
    assert [(None if pd.isna(r["doc_id"]) else r["doc_id"], r["stage"], r["reason"]) for r in rows] == [
        (None, "load", "manifest.csv:4: no such file: missing.txt"),
        ("blank", "input", "empty text"),
        ("briefing", "input", "duplicate document id"),
        ("french", "input", "language not supported: fr"),
        ("kyiv-2022-01-14", "capitals", "RuntimeError: cannot handle cyberattacks"),
    ]
    assert set(run.skipped["corpus"]) == {"mixed"}
    # the summary cuts reasons at the first colon, so the same error in many documents counts as one reason
    assert run.skipped_summary().values.tolist() == [
        ["capitals", "RuntimeError", 1], ["input", "duplicate document id", 1], ["input", "empty text", 1],
        ["input", "language not supported", 1], ["load", "manifest.csv", 1]]
    # the documents that ran are all there; their mentions map back to the file
    table = run.tables["capitals"]
    assert set(table["doc_id"]) == {corpus[0].id, "stockholm-2021-12-02"}
    for row in table.to_dict("records"):
        text = _file_text(corpus.by_id(row["doc_id"]))
        assert text[row["word_start"]:row["word_end"]] == row["word_text"]
    # the seed body says Moscow 7 times and Kyiv once (counted with grep -ow on the file after the headlines)
    seed = table[table["doc_id"] == corpus[0].id]
    assert seed["word_text"].value_counts().to_dict() == {"Moscow": 7, "Kyiv": 1}


def test_failed_documents_are_not_cached(corpus, tmp_path):
    kw = {"analysers": {"capitals": capitals_analyser}, "n_process": 1, "progress": False, "cache": tmp_path}
    first = run_corpus(corpus, **kw)
    again = run_corpus(corpus, **kw)
    assert (first.cache.misses, again.cache.hits, again.cache.misses) == (4, 3, 1)
    assert again.skipped["doc_id"].tolist() == ["kyiv-2022-01-14"]


def test_prefilter_runs_the_extractors_on_the_kept_paragraphs_only(corpus):
    pattern = actor_pattern(["UKR"])
    extra = Document(id="weather", text="It was a fine day in Stockholm.\n\nThe talks went on.")
    run = run_corpus([*corpus, extra], prefilter=["UKR"], n_process=1, progress=False, cache=False)
    assert run.settings["prefilter"] == pattern.pattern
    assert run.skipped[["doc_id", "stage", "reason"]].values.tolist() == [
        ["weather", "prefilter", "no paragraph mentions the actors of interest"]]
    docs = run.documents.set_index("doc_id")
    seed = corpus[0]
    _, stats = mask_paragraphs(seed.clean.text, pattern)
    assert docs.loc[seed.id, ["paragraphs", "paragraphs_kept", "chars_kept"]].tolist() == [
        stats.paragraphs, stats.paragraphs_kept, stats.chars_kept]
    assert stats.paragraphs_kept < stats.paragraphs
    # every attribution lies in a kept paragraph, and its offsets still map to the file
    text = _file_text(seed)
    kept = [seed.source_span(s, e) for s, e in paragraph_spans(seed.clean.text)
            if pattern.search(seed.clean.text, s, e)]
    rows = run.attributions[run.attributions["doc_id"] == seed.id].to_dict("records")
    assert rows
    for row in rows:
        assert any(s <= row["content_start"] and row["content_end"] <= e for s, e in kept)
        assert clean_text(text[row["content_start"]:row["content_end"]]).text == row["content_text"]


def test_two_processes_give_the_same_tables_as_one(corpus):
    small = corpus[1:]  # the three short articles; one document per chunk so both workers get work
    one = run_corpus(small, n_process=1, chunk_size=1, progress=False, cache=False)
    two = run_corpus(small, n_process=2, chunk_size=1, progress=False, cache=False)
    for name in one.tables:
        pd.testing.assert_frame_equal(one.tables[name], two.tables[name])
    pd.testing.assert_frame_equal(one.documents, two.documents)
    assert len(one.attributions) > 0


def test_records_frame_flattens_spans_actors_and_tuples():
    doc = Document(id="d", text="\u201cMoscow\u201d and Kyiv", offset=10)
    frame = records_frame(doc, [Mention("d", (1, 7), "Moscow", True)])
    # cleaned offset 1 is file offset 10 + 1 = 11 (the opening quote is one character in both)
    assert frame.to_dict("records") == [{"doc_id": "d", "index": 0, "word_start": 11, "word_end": 17,
                                         "word_text": "Moscow", "negated": True}]
    assert records_frame(doc, [], columns=["doc_id", "word_start"]).columns.tolist() == ["doc_id", "word_start"]
    assert set(default_analysers()) == {"attributions", "stances"}
