"""Corpus runs on a Dask ``LocalCluster`` (2 worker processes): the same tables as the local runner, and every
document exactly once when a worker dies mid-run."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pandas as pd
import pytest

distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed (extra 'distributed')")
import dask  # noqa: E402

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
    # A batch that killed its worker twice fails for good (the default, 3, would cost more worker restarts).
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
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
    once (as a killed worker would) the first ``times`` times; each death adds a line to ``marker``."""

    def __init__(self, doc_id: str, marker: Path, times: int = 1):
        self.doc_id, self.marker, self.times = doc_id, Path(marker), times

    def __call__(self, document: Document, doc) -> list:
        deaths = self.marker.read_text().count("\n") if self.marker.exists() else 0
        if document.id == self.doc_id and deaths < self.times:
            with open(self.marker, "a") as f:
                f.write(f"killed worker {os.getpid()}\n")
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


def test_a_document_that_kills_every_worker_is_reported_and_the_others_kept(corpus, local, client, tmp_path):
    victim = next(d.id for d in corpus[1:] if d.id in set(local.attributions["doc_id"]))
    marker = tmp_path / "killed"
    analysers = {**default_analysers(), "attributions": DieOnceOn(victim, marker, times=99)}
    analysers = {name: analysers[name] for name in ("attributions", "stances")}
    got = run_corpus(corpus, analysers=analysers, client=client, chunk_size=1, progress=False, cache=False)
    assert marker.read_text().count("\n") == 2  # the first try and the one retry the fixture allows
    skipped = got.skipped.set_index("doc_id")
    # the fatal document is reported; a batch that happened to run on a dying worker beside it may be reported
    # too (Dask counts that death against it), but no document is dropped silently or counted twice
    assert victim in skipped.index and (skipped["stage"] == "worker").all()
    assert skipped["reason"].str.startswith("batch failed on the cluster: KilledWorker").all()
    assert got.documents["doc_id"].tolist() == [d.id for d in corpus]
    lost = set(skipped.index)
    for name in ("attributions", "stances"):
        expected = local.tables[name][~local.tables[name]["doc_id"].isin(lost)].reset_index(drop=True)
        assert 0 < len(expected) < len(local.tables[name])
        # as written out (dtypes follow the documents present: the mix of gaps in a column differs without it)
        assert _as_written(got.tables[name]) == _as_written(expected)


def test_run_command_on_a_scheduler_writes_the_local_tables(client, tmp_path):
    from rhetoriclab.cli import main

    inputs = [str(ROOT / "seeds"), str(ROOT / "tests" / "data" / "articles")]
    assert main(["run", *inputs, "--no-cache", "--n-process", "1", "-o", str(tmp_path / "local")]) == 0
    assert main(["run", *inputs, "--no-cache", "--scheduler", client.scheduler.address, "--chunk-size", "1",
                 "-o", str(tmp_path / "dask")]) == 0
    for name in ("documents", "attributions", "stances", "skipped"):
        local_text = (tmp_path / "local" / f"{name}.csv").read_text()
        assert (tmp_path / "dask" / f"{name}.csv").read_text() == local_text, name
    assert len(pd.read_csv(tmp_path / "dask" / "stances.csv")) > 10


def _as_written(table: pd.DataFrame) -> str:
    """The table as CSV with whole-number columns written as integers, whichever documents' gaps made them float."""
    out = table.copy()
    for col in out.columns:
        values = out[col].dropna()
        if pd.api.types.is_float_dtype(out[col]) and len(values) and (values % 1 == 0).all():
            out[col] = out[col].astype("Int64")
    return out.to_csv(index=False)
