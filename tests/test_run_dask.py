"""Corpus runs on a Dask ``LocalCluster`` (2 worker processes): the same tables as the local runner, and every
document exactly once when a worker dies mid-run."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pandas as pd
import pytest

distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed (extra 'distributed')")

from rhetoriclab.documents import Corpus, Document  # noqa: E402
from rhetoriclab.loaders import load_path  # noqa: E402
from rhetoriclab.pipeline import attribution_analyser, default_analysers, run_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    """The seed article and the three small test articles (4 documents)."""
    return load_path(ROOT / "seeds") + load_path(ROOT / "tests" / "data" / "articles")


@pytest.fixture(scope="module")
def local(corpus):
    return run_corpus(corpus, n_process=1, progress=False, cache=False)


@pytest.fixture(scope="module")
def client():
    import cloudpickle

    # The worker processes cannot import this test module: its analyser classes travel by value.
    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    cluster = distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0")
    with cluster, distributed.Client(cluster) as c:
        yield c


def _assert_same_run(got, expected) -> None:
    pd.testing.assert_frame_equal(got.documents, expected.documents)
    assert set(got.tables) == set(expected.tables)
    for name in expected.tables:
        pd.testing.assert_frame_equal(got.tables[name], expected.tables[name])
    pd.testing.assert_frame_equal(got.skipped, expected.skipped)


def test_cluster_run_gives_the_local_runner_tables(corpus, local, client):
    assert len(local.attributions) and len(local.stances)
    # one document per batch, so the batches spread over both workers and come back in any order
    got = run_corpus(corpus, client=client, chunk_size=1, progress=False, cache=False)
    _assert_same_run(got, local)


class DieOnceOn:
    """The attribution analyser, except that the worker process running it on document ``doc_id`` exits at
    once (as a killed worker would) the first time; ``marker`` records that it happened."""

    def __init__(self, doc_id: str, marker: Path):
        self.doc_id, self.marker = doc_id, str(marker)

    def __call__(self, document: Document, doc) -> list:
        if document.id == self.doc_id and not os.path.exists(self.marker):
            Path(self.marker).write_text(f"killed worker {os.getpid()}\n")
            os._exit(1)
        return attribution_analyser(document, doc)


def test_a_worker_killed_mid_run_loses_no_document_and_counts_none_twice(corpus, local, client, tmp_path):
    victim = corpus[2].id
    marker = tmp_path / "killed"
    analysers = {**default_analysers(), "attributions": DieOnceOn(victim, marker)}
    analysers = {name: analysers[name] for name in ("attributions", "stances")}  # attributions before stances
    cache = tmp_path / "cache"
    got = run_corpus(corpus, analysers=analysers, client=client, chunk_size=1, progress=False, cache=cache)
    assert marker.exists(), "the worker analysing the victim document did not die"
    assert got.documents["doc_id"].tolist() == [d.id for d in corpus]
    assert got.skipped.empty
    assert not got.documents["from_cache"].any()
    _assert_same_run(got, local)
    # each document's results were cached once, the victim's included
    assert len(list(cache.rglob("*.parquet"))) == len(corpus) + 1  # + the run file
    assert victim in set(got.attributions["doc_id"])
