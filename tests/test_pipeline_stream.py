"""run_corpus on an iterator of documents: read lazily, analysed a window at a time, the same tables."""

from __future__ import annotations

import dataclasses
import datetime as dt
import weakref
from collections.abc import Iterator

import pandas as pd
import pytest

from rhetoriclab.documents import Document, Problem
from rhetoriclab.pipeline import run_corpus

ON_TOPIC = ("Ukraine's foreign minister said on Monday that Kyiv would not accept the proposal. \"We will not "
            "give up our land,\" he told reporters in Kyiv, adding that the United States had promised support.")
OFF_TOPIC = "The weather stayed mild in the valley this week, and the harvest was brought in early by the farmers."


def synthetic(n: int, every: int) -> list[Document]:
    """``n`` short documents, one in ``every`` naming Ukraine and the United States, the rest about nothing."""
    return [Document(id=f"d{i:04d}", text=ON_TOPIC if i % every == 0 else OFF_TOPIC,
                     date=dt.date(2022, 1, 1) + dt.timedelta(days=i % 60), origin="synthetic")
            for i in range(n)]


class Stream:
    """Yields fresh copies of ``documents`` one at a time and records how many it has handed out are still
    alive (referenced anywhere; freed by reference counting) each time it is asked for the next one; a load
    problem is found at the end."""

    def __init__(self, documents: list[Document]):
        self.documents = documents
        self.handed_out: list[weakref.ref[Document]] = []
        self.most_alive = 0
        self.problems: list[Problem] = []

    def __iter__(self) -> Iterator[Document]:
        for original in self.documents:
            self.most_alive = max(self.most_alive, sum(ref() is not None for ref in self.handed_out))
            document = dataclasses.replace(original)
            self.handed_out.append(weakref.ref(document))
            yield document
        self.problems.append(Problem("stream.jsonl", 121, "not a JSON object"))


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    return synthetic(120, every=40)


def test_a_stream_gives_the_tables_of_the_same_corpus_in_memory(documents):
    whole = run_corpus(documents, prefilter=["UKR", "USA"], n_process=1, progress=False, cache=False)
    stream = Stream(documents)
    got = run_corpus(iter(stream), prefilter=["UKR", "USA"], n_process=1, progress=False, cache=False,
                     stream_window=2)
    pd.testing.assert_frame_equal(got.documents, whole.documents)
    for name in ("attributions", "stances"):
        assert len(whole.tables[name]) >= 3  # each on-topic document has a quote
        pd.testing.assert_frame_equal(got.tables[name], whole.tables[name])
    pd.testing.assert_frame_equal(got.skipped, whole.skipped)
    assert (whole.skipped["stage"] == "prefilter").sum() == 117


def test_a_stream_holds_only_a_window_of_documents_and_reports_its_load_problems(documents, tmp_path):
    stream = Stream(documents)
    got = run_corpus(stream, prefilter=["UKR", "USA"], n_process=1, progress=False, cache=tmp_path,
                     stream_window=2)
    assert len(got.documents) == 120 and got.documents["paragraphs_kept"].sum() == 3
    # never more than a window (2) of documents waiting to be analysed, plus the one being read
    assert 1 <= stream.most_alive <= 3
    assert got.skipped.iloc[0].fillna("-").tolist() == ["-", "", "load", "stream.jsonl:121: not a JSON object"]
    # the per-document cache works for streams: a second pass analyses nothing
    again = run_corpus(Stream(documents), prefilter=["UKR", "USA"], n_process=1, progress=False, cache=tmp_path)
    assert again.documents["from_cache"].sum() == 3
    pd.testing.assert_frame_equal(again.stances, got.stances)
