"""``rhetoriclab bench [PATH...] [--corpus NAME] [--limit N] [--n-process N] [--prefilter CODES] [--long [CHARS]]
[--scaling] [--json]``."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict

from rhetoriclab.bench_long import DEFAULT_LONG_SIZES
from rhetoriclab.commands.load import add_input_arguments
from rhetoriclab.commands.load import positive_int as _positive

#: What ``rhetoriclab bench`` measures when given no PATH and no --corpus.
DEFAULT_CORPUS, DEFAULT_LIMIT = "kremlin", 40


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "bench",
        help="speed of the full analysis relative to bare spaCy, and of a cached rerun",
        description="On the same documents: bare spaCy nlp.pipe tokens/s; full analysis (parse + attributions + "
                    "stances) tokens/s and their ratio; attribution and stance-coding CPU as shares of the parse "
                    "CPU; cold vs cached wall time in a fresh cache folder. Ends with PASS/FAIL per target "
                    "(full/bare >= 0.85, stance coding <= 0.15 of the parse, cached >= 20x faster). "
                    f"Default documents: --corpus {DEFAULT_CORPUS} --limit {DEFAULT_LIMIT}.",
        epilog="Exit status 0 even when a target fails (this is a measurement); 1 when no document loads.",
    )
    add_input_arguments(p, "measure")
    p.add_argument("--limit", type=_positive, metavar="N",
                   help=f"only the first N documents (default {DEFAULT_LIMIT} when no PATH or --corpus is given)")
    p.add_argument("--n-process", type=_positive, default=1, metavar="N",
                   help="processes for nlp.pipe and run_corpus (default 1: the cleanest CPU ratios)")
    p.add_argument("--prefilter", metavar="CODES",
                   help="keep only paragraphs naming these actors, comma-separated codes (e.g. RUS,UKR,USA)")
    p.add_argument("--repeat", type=_positive, default=5, metavar="N",
                   help="run the bare parse and the full analysis N times each and keep the fastest (default 5)")
    p.add_argument("--long", nargs="?", const=",".join(map(str, DEFAULT_LONG_SIZES)), type=_sizes, metavar="CHARS",
                   help="also time one long document of each size in CHARS (comma-separated; default "
                        f"{','.join(map(str, DEFAULT_LONG_SIZES))}): CPU per 100k characters and peak memory, "
                        "with PASS/FAIL for linear growth")
    p.add_argument("--scaling", action="store_true",
                   help="also time the documents on the local runner with 1 and 2 processes and on a Dask "
                        "LocalCluster of 2 workers (tokens/s, efficiency, Dask overhead; needs dask.distributed), "
                        "and the peak memory of 10,000 and 100,000 streamed synthetic documents")
    p.add_argument("--json", action="store_true", help="print the numbers as one JSON object")
    p.set_defaults(func=run)


def _sizes(value: str) -> list[int]:
    sizes = [_positive(v.strip().replace("_", "")) for v in value.split(",") if v.strip()]
    if not sizes:
        raise argparse.ArgumentTypeError(f"expected comma-separated numbers of characters, got {value!r}")
    return sizes


def run(args: argparse.Namespace) -> int:
    from rhetoriclab.bench import format_bench, parse_codes, run_bench
    from rhetoriclab.bench_long import format_long_bench, run_long_bench
    from rhetoriclab.commands.load import load_inputs

    paths, corpora, limit = args.paths, args.corpus, args.limit
    if not paths and not corpora:
        corpora, limit = [DEFAULT_CORPUS], limit or DEFAULT_LIMIT
    corpus = load_inputs(paths, corpora)
    for problem in corpus.problems:
        print(f"problem: {problem}", file=sys.stderr)
    if not len(corpus):
        raise ValueError(f"no documents loaded from {', '.join([*paths, *corpora])}; nothing to benchmark")
    if limit is not None:
        corpus = corpus[:limit]
    result = run_bench(corpus, n_process=args.n_process, prefilter=parse_codes(args.prefilter), repeat=args.repeat)
    long = run_long_bench([d.clean.text for d in corpus], args.long) if args.long else None
    scaling = stream = None
    if args.scaling:
        from rhetoriclab.bench_scaling import run_scaling_bench, run_stream_memory_bench

        scaling, stream = run_scaling_bench(corpus), run_stream_memory_bench()
    if args.json:
        print(json.dumps({"inputs": [*paths, *corpora], "limit": limit, **result.to_dict(),
                          **({"long": long.to_dict()} if long else {}),
                          **({"scaling": scaling.to_dict(), "stream_memory": [asdict(r) for r in stream]}
                             if scaling else {})}))
    else:
        print(f"rhetoriclab bench: {', '.join([*paths, *corpora])}" + (f" (first {limit})" if limit else ""))
        print(format_bench(result))
        if long:
            print()
            print(format_long_bench(long))
        if scaling:
            from rhetoriclab.bench_scaling import format_scaling, format_stream_memory

            print()
            print(format_scaling(scaling))
            print()
            print(format_stream_memory(stream))
    return 0
