"""``rhetoriclab stances PATH... [--corpus NAME] [--jsonl] [-o FILE]``: PLOVER-coded stances, one record each."""

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
        "stances",
        help="code who acts toward whom (PLOVER 2021 event type, mode, score), who reports it, in documents",
        description="Code each sentence that performs or reports an act between actors as source (who acts) -> "
                    "PLOVER 2021 event -> target, with reported_by (the quotation's speaker or the issuer), voice "
                    "(own/reported), negated, hypothetical, conditional, intent, confidence, the manual's "
                    "plover_score, hedging, boosting and TextBlob tone. A sentence's main stance comes first. Given "
                    "a JSON Lines file of {\"id\", \"text\"} records, doc is the record's id.",
        epilog="A document that fails is reported on stderr and skipped; the run continues (exit status 1 then).",
    )
    add_input_arguments(p, "code", output="stance")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    corpus = readable_only(load_inputs(args.paths, args.corpus))
    with open_output(args.output, args.paths) as out:
        failed, n = _write(corpus, out, args.jsonl)
    problems: list[Problem] = [*corpus.problems, *failed]
    for p in problems:
        print(f"problem: {p}", file=sys.stderr)
    n_failed = len({p.file for p in failed})
    print(f"{n} stances in {len(corpus) - n_failed} of {len(corpus)} documents; {len(problems)} problem(s)",
          file=sys.stderr)
    return 1 if failed or not len(corpus) else 0


def _write(corpus: Corpus, out, jsonl: bool) -> tuple[list[Problem], int]:
    from rhetoriclab.stances.frame import COLUMNS, iter_stance_records, records_frame

    failed: list[Problem] = []

    def report(document, error: Exception) -> None:
        reason = f"stance coding failed: {type(error).__name__}: {error}"
        problem = Problem(document.origin or document.id, None, reason)
        if problem not in failed:  # (once per document, though each section of a long one may fail)
            failed.append(problem)

    n = 0
    if not jsonl:
        print("\t".join(COLUMNS), file=out)
    for _, records in iter_stance_records(iter_sections(corpus), on_error=report, batch_size=32):
        n += len(records)
        if jsonl:
            for r in records:
                print(json.dumps(r, ensure_ascii=False), file=out)
        elif records:
            out.write(records_frame(records).to_csv(sep="\t", header=False, index=False))
    return failed, n
