"""``rhetoriclab run PATH... [--corpus NAME] -o FOLDER [--scheduler ADDRESS | --workers N | --n-process N]``:
a whole corpus run (:func:`rhetoriclab.pipeline.run_corpus`) written as result tables."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path

from rhetoriclab.commands.load import add_input_arguments, load_inputs
from rhetoriclab.commands.load import positive_int as _positive
from rhetoriclab.commands.output import OutputError, open_output

#: The tables written to the output folder, one ``<name>.csv`` each.
TABLES = ("documents", "attributions", "stances", "skipped")


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "run",
        help="analyse a corpus (attributions and stances, cached) on this machine or a Dask cluster",
        description="Clean, pre-filter, parse and analyse every document, with the per-document result cache, "
                    "and write documents.csv, attributions.csv, stances.csv and skipped.csv into FOLDER "
                    "(spans are offsets into the original files). By default the documents are analysed in "
                    "processes on this machine; --workers N starts a local Dask cluster of N worker processes, "
                    "--scheduler ADDRESS uses a running one (e.g. tcp://10.0.0.5:8786; its workers need "
                    "rhetoriclab and the spaCy model installed).",
        epilog="Exit status 1 when a document could not be analysed (see skipped.csv) or nothing was loaded.",
    )
    add_input_arguments(p, "analyse")
    p.add_argument("-o", "--output", required=True, metavar="FOLDER",
                   help="folder for the result tables (created if missing; each file is replaced whole)")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--scheduler", metavar="ADDRESS", help="address of a running Dask scheduler")
    where.add_argument("--workers", type=_positive, metavar="N",
                       help="start a local Dask cluster of N one-thread worker processes for this run")
    where.add_argument("--n-process", type=_positive, metavar="N",
                       help="local processes without Dask (default: all cores)")
    p.add_argument("--prefilter", metavar="CODES",
                   help="keep only paragraphs naming these actors, comma-separated codes (e.g. RUS,UKR,USA)")
    p.add_argument("--chunk-size", type=_positive, default=8, metavar="N",
                   help="documents per batch sent to a process or Dask worker (default 8)")
    p.add_argument("--dataset", metavar="FOLDER",
                   help="also write the tables as a Parquet dataset partitioned by corpus and month, with a "
                        "manifest.json (replaces an earlier dataset in FOLDER once complete)")
    p.add_argument("--stream", action="store_true",
                   help="read the PATHs (.jsonl, .parquet files, folders of Parquet files) lazily, a batch at a "
                        "time, so memory does not grow with the corpus (no --corpus then)")
    p.add_argument("--no-cache", action="store_true", help="neither read nor write the result cache")
    p.add_argument("--cache-dir", metavar="FOLDER",
                   help="result cache folder, e.g. a path every Dask worker's driver shares (default: the user "
                        "cache, or $RHETORICLAB_CACHE/results)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from rhetoriclab.pipeline import run_corpus

    folder = Path(args.output)
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"-o {args.output}: is a file; give a folder to write the tables into")
    corpus = _Streams(args.paths) if args.stream else load_inputs(args.paths, args.corpus)
    if args.stream and args.corpus:
        raise ValueError("--stream reads PATHs only; load a public corpus (--corpus) without --stream")
    prefilter = [c.strip() for c in args.prefilter.split(",") if c.strip()] if args.prefilter else None
    cache = False if args.no_cache else (args.cache_dir or True)
    with _client(args) as client:
        if client is not None:
            print(f"Dask dashboard: {client.dashboard_link}", file=sys.stderr)
        result = run_corpus(corpus, prefilter=prefilter, n_process=args.n_process, chunk_size=args.chunk_size,
                            cache=cache, client=client, progress=sys.stderr.isatty(), dataset=args.dataset)
    folder.mkdir(parents=True, exist_ok=True)
    tables = {"documents": result.documents, **{n: result.tables.get(n) for n in TABLES[1:3]},
              "skipped": result.skipped}
    for name, frame in tables.items():
        if frame is None:
            continue
        with open_output(str(folder / f"{name}.csv"), args.paths) as out:
            frame.to_csv(out, index=False)
    for row in result.skipped.itertuples():
        print(f"skipped: {row.doc_id or '-'} ({row.stage}): {row.reason}", file=sys.stderr)
    failed = result.skipped["stage"].isin([*result.tables, "worker"])
    print(f"{len(result.documents)} documents, {len(result.attributions)} attributions, {len(result.stances)} "
          f"stances, {len(result.skipped)} skipped -> {folder}", file=sys.stderr)
    return 1 if failed.any() or result.documents.empty else 0


class _Streams:
    """The documents of several :class:`~rhetoriclab.loaders.DocumentStream` one after the other, with
    their problems."""

    def __init__(self, paths: list[str]):
        from rhetoriclab.loaders import DocumentStream

        if not paths:
            raise ValueError("--stream needs at least one PATH")
        self.streams = [DocumentStream(p) for p in paths]
        self.name = " + ".join(s.name for s in self.streams)

    @property
    def problems(self) -> list:
        return [p for s in self.streams for p in s.problems]

    def __iter__(self) -> Iterator:
        for stream in self.streams:
            yield from stream


@contextlib.contextmanager
def _client(args: argparse.Namespace) -> Iterator[object | None]:
    """A Dask client for ``--scheduler`` or ``--workers``, else ``None`` (closed on leaving)."""
    if args.scheduler is None and args.workers is None:
        yield None
        return
    try:
        import distributed
    except ModuleNotFoundError as e:
        raise RuntimeError("--scheduler and --workers need dask.distributed: pip install "
                           "'rhetoriclab[distributed]'") from e
    if args.workers is not None:
        from rhetoriclab.run_dask import local_cluster_client

        with local_cluster_client(args.workers) as client:
            yield client
        return
    try:
        client = distributed.Client(args.scheduler, timeout=30)
    except OSError as e:
        raise RuntimeError(f"--scheduler {args.scheduler}: cannot connect: {e}") from e
    with client:
        yield client
