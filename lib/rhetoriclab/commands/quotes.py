"""``rhetoriclab quotes PATH... [--corpus NAME] [--jsonl] [-o FILE]``: who said what, one record per attribution."""

from __future__ import annotations

import argparse
import json
import sys

from rhetoriclab.commands.load import add_input_arguments, load_inputs, readable_only
from rhetoriclab.commands.output import open_output
from rhetoriclab.documents import Corpus, Problem
from rhetoriclab.sections import iter_sections


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "quotes",
        help="find who said what (quotations, reported speech, transcript turns) in documents",
        description="Find attributions -- direct and partial quotations, reported speech and transcript turns -- "
                    "with their cue, source and resolved speaker. Offsets are Python string indices into each "
                    "file's text (UTF-8, no newline translation).",
        epilog="A document that fails is reported on stderr and skipped; the run continues. Exit status: 0 when "
               "every document was analysed (load warnings such as a missing date are printed but do not count), "
               "1 when a document could not be analysed or none was loaded.",
    )
    add_input_arguments(p, "analyse", output="attribution")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    corpus = readable_only(load_inputs(args.paths, args.corpus))
    problems: list[Problem] = list(corpus.problems)
    with open_output(args.output, args.paths) as out:
        n_docs, n_att = _write(corpus, out, args.jsonl, problems)
    for p in problems:
        print(f"problem: {p}", file=sys.stderr)
    print(f"{n_att} attributions in {n_docs} of {len(corpus)} documents; {len(problems)} problem(s)", file=sys.stderr)
    failed = len(problems) - len(corpus.problems)
    return 1 if failed or not n_docs else 0


def _write(corpus: Corpus, out, jsonl: bool, problems: list[Problem]) -> tuple[int, int]:
    from rhetoriclab.attribution.frame import COLUMNS, iter_records, records_frame

    done: set[str] = set()  # (a long document comes as several sections: rhetoriclab.sections)
    n_att = 0
    if not jsonl:
        print("\t".join(COLUMNS), file=out)
    for document, records in iter_records(iter_sections(corpus), problems=problems):
        done.add(document.id)
        n_att += len(records)
        if jsonl:
            for r in records:
                print(json.dumps(r, ensure_ascii=False), file=out)
        elif records:
            table = records_frame(records)
            table["content"] = table["content"].str.replace(r"\s+", " ", regex=True)
            out.write(table.to_csv(sep="\t", header=False, index=False))
        out.flush()
    return len(done), n_att
