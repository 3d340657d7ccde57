"""``rhetoriclab load PATH... [--corpus NAME] [--jsonl] [--strict]``: load documents, report what was (not) loaded."""

from __future__ import annotations

import argparse
import json
import sys

from rhetoriclab.documents import Corpus, Problem
from rhetoriclab.loaders import format_summary, load_paths
from rhetoriclab.loaders.ids import drop_duplicate_ids, origin_location


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "load",
        help="load articles and report what was loaded (and what was not)",
        description="Load a folder of .txt/.md articles (optional manifest.csv and YAML front matter), single files, "
                    "CSV or JSON Lines files of records, and/or public corpora; print a summary with every problem.",
        epilog="Exit status: 0 when documents were loaded; 1 when none were, or with --strict when there was "
               "any problem.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="folder, .txt, .md, .csv or .jsonl file")
    p.add_argument("--corpus", action="append", default=[], metavar="NAME",
                   help="also load a public corpus (kremlin, ukraine, whitehouse, ungd, sotu); repeatable")
    p.add_argument("--jsonl", action="store_true",
                   help="print one JSON record per document instead of the summary (problems go to stderr)")
    p.add_argument("--strict", action="store_true", help="exit with status 1 if anything could not be loaded")
    p.set_defaults(func=run)


def positive_int(value: str) -> int:
    """An argparse type: a whole number of at least 1, else a clear usage error."""
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, got {value!r}")
    return n


def add_input_arguments(p: argparse.ArgumentParser, verb: str, output: str | None = None) -> None:
    """The input options every analysing command shares: PATHs and ``--corpus``; with ``output`` (what one JSON
    object stands for) also ``--jsonl`` and ``-o/--output``."""
    p.add_argument("paths", nargs="*", metavar="PATH", help="folder, .txt, .md, .csv or .jsonl file (as for load)")
    p.add_argument("--corpus", action="append", default=[], metavar="NAME",
                   help=f"also {verb} a public corpus (kremlin, ukraine, whitehouse, ungd, sotu); repeatable")
    if output:
        p.add_argument("--jsonl", action="store_true", help=f"one JSON object per {output} (default: a TSV table)")
        p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")


def load_inputs(paths: list[str], corpora: list[str]) -> Corpus:
    """The documents named on a command line: PATHs and public corpora, duplicate ids reported and dropped."""
    if not paths and not corpora:
        raise ValueError("give at least one PATH or --corpus NAME")
    corpus = load_paths(paths) if paths else Corpus()
    for name in corpora:
        corpus = corpus + _load_corpus(name)
    docs, dupes = drop_duplicate_ids(corpus.documents)
    return Corpus(docs, [*corpus.problems, *dupes], corpus.name)


def readable_only(corpus: Corpus) -> Corpus:
    """``corpus`` without the documents the English pipeline cannot read; each is reported as skipped with
    its reason (:func:`rhetoriclab.language.unreadable_reason`)."""
    from rhetoriclab.language import unreadable_reason

    kept, problems = [], list(corpus.problems)
    for doc in corpus:
        reason = unreadable_reason(doc)
        if reason:
            file, line = origin_location(doc)
            problems.append(Problem(file, line, f"{reason}; document {doc.id!r} skipped"))
        else:
            kept.append(doc)
    return Corpus(kept, problems, corpus.name)


def run(args: argparse.Namespace) -> int:
    corpus = load_inputs(args.paths, args.corpus)
    if args.jsonl:
        for doc in corpus:
            print(json.dumps(doc.to_record(), ensure_ascii=False, default=str))
        for p in corpus.problems:
            print(f"problem: {p}", file=sys.stderr)
    else:
        print(format_summary(corpus))
    return 1 if not len(corpus) or (args.strict and corpus.problems) else 0


def _load_corpus(name: str) -> Corpus:
    from rhetoriclab.corpora import CORPORA, load_corpus  # built separately; imported only when asked for

    if name not in CORPORA:
        raise ValueError(f"unknown corpus {name!r}; choose from {', '.join(sorted(CORPORA))}")
    return load_corpus(name)
