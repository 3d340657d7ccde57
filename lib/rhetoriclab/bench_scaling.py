"""How a corpus run scales past one process, and what memory a streamed run needs (issue #14).

>>> print(format_scaling(run_scaling_bench(load_corpus("kremlin")[:40])))  # doctest: +SKIP
>>> print(format_stream_memory(run_stream_memory_bench()))  # doctest: +SKIP

**Scaling**: the same documents through :func:`rhetoriclab.pipeline.run_corpus` without cache on the local
runner with 1 and 2 processes, and on a Dask ``LocalCluster`` of 2 one-thread worker processes whose model is
loaded before the clock starts (as the local pool's forked processes inherit the loaded model): wall time,
tokens/s, efficiency against the 1-process run (tokens/s per process over the 1-process tokens/s) and the Dask
overhead against local multiprocessing at the same core count (target: at most :data:`TARGET_DASK_OVERHEAD`).

**Streamed memory**: synthetic documents, one in :data:`ON_TOPIC_EVERY` naming the actors of the pre-filter,
handed to ``run_corpus`` by a generator, in a child process forked after the model is loaded, so that its
peak resident memory (``ru_maxrss``) belongs to that run alone; the in-memory corpus a list would hold is shown
beside it.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import resource
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass

from rhetoriclab.bench import Target
from rhetoriclab.documents import Document

#: Dask on 2 workers at most this much slower (wall time) than the local runner with 2 processes.
TARGET_DASK_OVERHEAD = 0.10
#: Streamed documents of the memory table.
DEFAULT_STREAM_SIZES = (10_000, 100_000)
#: One streamed document in this many names the pre-filter's actors (and is parsed).
ON_TOPIC_EVERY = 1000
#: Peak memory of the largest streamed run at most this many times that of the smallest.
TARGET_STREAM_MEMORY_RATIO = 1.25

_ON_TOPIC = ("Ukraine's foreign minister said on Monday that Kyiv would not accept the proposal. \"We will not give "
             "up our land,\" he told reporters, adding that the United States had promised more support.")
_OFF_TOPIC = ("The weather stayed mild in the valley this week, and the harvest was brought in early by farmers who "
              "said the autumn rains had come late. Market prices for grain were steady, traders reported.")


@dataclass
class ScalingRow:
    runner: str
    workers: int
    wall: float
    tokens: int

    @property
    def tokens_per_s(self) -> float:
        return self.tokens / self.wall if self.wall else 0.0


@dataclass
class ScalingResult:
    documents: int
    rows: list[ScalingRow]

    def efficiency(self, row: ScalingRow) -> float:
        base = self.rows[0].tokens_per_s
        return row.tokens_per_s / (base * row.workers) if base else 0.0

    @property
    def dask_overhead(self) -> float:
        local, dask = self.rows[1], self.rows[2]
        return dask.wall / local.wall - 1 if local.wall else float("inf")

    @property
    def target(self) -> Target:
        same = len({r.tokens for r in self.rows}) == 1
        return Target("Dask overhead vs local, 2 workers", self.dask_overhead, "<=", TARGET_DASK_OVERHEAD,
                      "" if same else "runs counted different tokens")

    def to_dict(self) -> dict:
        return {"documents": self.documents, "rows": [{**asdict(r), "tokens_per_s": r.tokens_per_s,
                                                       "efficiency": self.efficiency(r)} for r in self.rows],
                "dask_overhead": self.dask_overhead, "targets": [asdict(self.target)]}


def run_scaling_bench(documents: Sequence[Document], chunk_size: int = 4) -> ScalingResult:
    """Time ``documents`` on the local runner (1 and 2 processes) and a 2-worker ``LocalCluster`` (docstring)."""
    from distributed import Client, LocalCluster

    from rhetoriclab.nlp import load_nlp, model_name
    from rhetoriclab.pipeline import run_corpus

    documents = list(documents)
    model = model_name()
    load_nlp(model)
    run_corpus(documents[:1], n_process=1, cache=False, progress=False)  # warm-up: registry, dictionaries

    def timed(label: str, workers: int, **kwargs) -> ScalingRow:
        t0 = time.perf_counter()
        result = run_corpus(documents, cache=False, progress=False, chunk_size=chunk_size, **kwargs)
        return ScalingRow(label, workers, time.perf_counter() - t0, int(result.documents["n_tokens"].sum()))

    rows = [timed("local", 1, n_process=1), timed("local", 2, n_process=2)]
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
            Client(cluster) as client:
        client.run(_warm_worker, model)
        rows.append(timed("dask LocalCluster", 2, client=client))
    return ScalingResult(len(documents), rows)


def _warm_worker(model: str) -> None:
    """Load the model and the analysers' data in a Dask worker process (before the clock starts)."""
    from rhetoriclab.pipeline import run_corpus

    warm = Document(id="warm", text=_ON_TOPIC, date=dt.date(2022, 1, 1))
    run_corpus([warm], n_process=1, cache=False, progress=False, model=model)


def format_scaling(result: ScalingResult) -> str:
    lines = [f"Scaling: {result.documents} documents, no cache",
             f"{'runner':<20}{'workers':>8}{'wall s':>9}{'tokens':>9}{'tokens/s':>10}{'efficiency':>12}"]
    for r in result.rows:
        lines.append(f"{r.runner:<20}{r.workers:>8}{r.wall:>9.2f}{r.tokens:>9}{r.tokens_per_s:>10.0f}"
                     f"{result.efficiency(r):>12.2f}")
    t = result.target
    lines.append(f"Dask overhead against local multiprocessing (2 workers): {result.dask_overhead:+.1%}  "
                 f"{'PASS' if t.passed else 'FAIL'} (target <= {TARGET_DASK_OVERHEAD:.0%})"
                 + (f" [{t.invalid}]" if t.invalid else ""))
    return "\n".join(lines)


# -- streamed memory --------------------------------------------------------------------------------------------
@dataclass
class StreamRow:
    documents: int
    parsed: int
    wall: float
    peak_mb: float
    corpus_mb: float


def synthetic_stream(n: int) -> Iterator[Document]:
    """``n`` short documents, one in :data:`ON_TOPIC_EVERY` about Ukraine and the United States."""
    start = dt.date(2022, 1, 1)
    for i in range(n):
        text = _ON_TOPIC if i % ON_TOPIC_EVERY == 0 else _OFF_TOPIC
        yield Document(id=f"s{i:07d}", text=text, date=start + dt.timedelta(days=i % 365), origin="synthetic")


def _stream_run(n: int) -> StreamRow:
    from rhetoriclab.pipeline import run_corpus

    t0 = time.perf_counter()
    result = run_corpus(synthetic_stream(n), prefilter=["UKR", "USA"], n_process=1, cache=False, progress=False)
    wall = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    text_mb = sum(len(d.text) for d in synthetic_stream(n)) / 2**20
    return StreamRow(n, int((result.documents["paragraphs_kept"] > 0).sum()), wall, peak, text_mb)


def run_stream_memory_bench(sizes: Sequence[int] = DEFAULT_STREAM_SIZES) -> list[StreamRow]:
    """One forked child per size (docstring); the model is loaded first so every child starts with it."""
    from rhetoriclab.nlp import load_nlp

    load_nlp()
    rows = []
    for n in sizes:
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
            rows.append(pool.submit(_stream_run, n).result())
    return rows


def stream_memory_target(rows: Sequence[StreamRow]) -> Target:
    ratio = rows[-1].peak_mb / rows[0].peak_mb if rows[0].peak_mb else float("inf")
    return Target("streamed peak memory, largest / smallest", ratio, "<=", TARGET_STREAM_MEMORY_RATIO)


def format_stream_memory(rows: Sequence[StreamRow]) -> str:
    lines = [f"Streamed input (1 in {ON_TOPIC_EVERY} documents on topic; pre-filter UKR,USA; no cache)",
             f"{'documents':>10}{'parsed':>8}{'wall s':>9}{'peak MB':>9}{'as a list: text MB':>20}"]
    for r in rows:
        lines.append(f"{r.documents:>10}{r.parsed:>8}{r.wall:>9.1f}{r.peak_mb:>9.0f}{r.corpus_mb:>20.1f}")
    t = stream_memory_target(rows)
    lines.append(f"peak memory {rows[-1].documents} / {rows[0].documents} documents: {t.value:.2f}x  "
                 f"{'PASS' if t.passed else 'FAIL'} (target <= {TARGET_STREAM_MEMORY_RATIO}x)")
    return "\n".join(lines)
