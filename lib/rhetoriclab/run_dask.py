"""Corpus runs on a Dask cluster (``dask.distributed``): ``run_corpus(corpus, client=Client(...))``.

The driver (the process that calls :func:`rhetoriclab.pipeline.run_corpus`) cleans, pre-filters and looks up
the cache as for a local run; only the documents left to analyse go to the cluster, in batches of
``chunk_size`` documents, one Dask task per batch. Each worker process loads the spaCy model once
(:func:`rhetoriclab.nlp.load_nlp` is cached per process) and runs the same analysers in the same order on
each Doc, so attributions are found before the stances that reuse them. The driver takes the batches back
*in submission order* and merges them exactly as the local runner does (same cache writes, same sorting and
dtypes), so the tables are identical to a local run's.

Exactly once: a batch is one Dask future; the scheduler reruns the batch of a worker that died (up to its
``distributed.scheduler.allowed-failures``), an exception in the task is retried ``retries`` times, and the
driver keeps one result per batch whatever happened on the way. A batch that fails for good (every retry
failed, or it killed workers too often) is not dropped: each of its documents gets a row in the skipped
table, stage ``"worker"``, with the error.

``dask`` is imported only here, and only when a client is given: the package works without it
(``pip install "rhetoriclab[distributed]"`` adds it).
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from rhetoriclab.nlp import load_nlp

if TYPE_CHECKING:
    from distributed import Client

    from rhetoriclab.pipeline import Analyser, _Job, _Output

#: How often a batch whose task raised is tried again (worker loss is retried by the scheduler itself).
DEFAULT_RETRIES = 2

#: One batch at a time per worker process: the spaCy pipeline and the stance analyser's memory of the last
#: attributions are per process, so a worker given several threads runs its batches one after the other.
_PROCESS_LOCK = threading.Lock()


def analyse_batch(model: str, jobs: Sequence[_Job], analysers: Mapping[str, Analyser],
                  batch_size: int) -> list[_Output]:
    """The Dask task: parse and analyse one batch of documents in this worker process."""
    from rhetoriclab.pipeline import _analyse

    with _PROCESS_LOCK:
        return _analyse(load_nlp(model), jobs, analysers, batch_size)


def analyse_on_cluster(client: Client, model: str, chunks: Sequence[Sequence[_Job]],
                       analysers: Mapping[str, Analyser], batch_size: int,
                       on_done: Callable[[_Job, _Output], object],
                       on_failed: Callable[[_Job, str], object],
                       retries: int = DEFAULT_RETRIES) -> None:
    """Run each chunk as one task on ``client``'s cluster; call ``on_done(job, output)`` for every job of a
    finished chunk, or ``on_failed(job, reason)`` for every job of a chunk that failed for good, chunk by
    chunk in submission order (results that arrive early wait for the ones before them)."""
    from distributed import as_completed

    run_id = uuid.uuid4().hex[:8]
    futures = [client.submit(analyse_batch, model, list(chunk), analysers, batch_size, retries=retries,
                             key=f"rhetoriclab-batch-{run_id}-{i}", pure=False)
               for i, chunk in enumerate(chunks)]
    index = {f.key: i for i, f in enumerate(futures)}
    ready: dict[int, list[_Output] | str] = {}
    next_chunk = 0
    try:
        for future in as_completed(futures):
            i = index[future.key]
            if i in ready or i < next_chunk:  # (a result is kept once, whatever the scheduler did)
                continue
            if future.status == "finished":
                ready[i] = future.result()
            else:  # "error", or "cancelled" (e.g. the scheduler went away)
                ready[i] = f"batch failed on the cluster: {_error(future)}"
            future.release()
            while next_chunk in ready:
                outcome = ready.pop(next_chunk)
                chunk = chunks[next_chunk]
                if isinstance(outcome, str):
                    for job in chunk:
                        on_failed(job, outcome)
                else:
                    if len(outcome) != len(chunk):
                        raise RuntimeError(f"batch {next_chunk} returned {len(outcome)} results for {len(chunk)} "
                                           "documents")
                    for job, out in zip(chunk, outcome, strict=True):
                        on_done(job, out)
                next_chunk += 1
    finally:
        for future in futures:
            future.release()


def _error(future) -> str:
    """What went wrong with a future that did not finish."""
    try:
        error = future.exception()
    except (Exception, asyncio.CancelledError) as e:  # noqa: BLE001 - a cancelled future raises here
        error = e
    return f"{type(error).__name__}: {error}" if error is not None else f"task {future.status}"


@contextlib.contextmanager
def local_cluster_client(n_workers: int) -> Iterator[Client]:
    """A :class:`distributed.Client` on a new ``LocalCluster`` of ``n_workers`` one-thread worker processes,
    both closed on leaving the ``with`` block."""
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
            Client(cluster) as client:
        yield client
