"""``rhetoriclab evaluate plover|directed|sample [--split a|b|all] [--eval-dir DIR] [--json]``: score the current
stance coder on a dev set (see :mod:`rhetoriclab.stances.scoring`)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

SETS = ("plover", "directed", "sample")


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "evaluate",
        help="score the stance coder on the PLOVER gold records, directed sentiment, or our hand-coded sample",
        description="Run the current stance coder on a dev set and print its scores. plover: the PLOVER gold "
                    "records through the shared score_events.py; directed: Park, Pan & Joo (ACL 2021) valid.txt, "
                    "macro-F1 over five classes; sample: the hand-coded sentences of our corpora "
                    "(tests/gold/corpus_sample.yaml), precision/recall/F1 of event types, triples and voice. "
                    "Split a is the half rules may be written on, b the check-only half.",
    )
    p.add_argument("set", choices=SETS, help="which dev set")
    p.add_argument("--split", choices=("a", "b", "all"), default="all", help="half of the dev set (default all)")
    p.add_argument("--eval-dir", help="folder with plover/ and directed-sentiment/ (default $RHETORICLAB_EVAL_DIR "
                                      "or ../shared/eval)")
    p.add_argument("--gold", help="sample only: the hand-coded YAML file (default tests/gold/corpus_sample.yaml)")
    p.add_argument("--include-negated", action="store_true", help="score negated records too (directed, sample)")
    p.add_argument("--include-hypothetical", action="store_true",
                   help="score hypothetical records too (directed, sample)")
    p.add_argument("--min-confidence", type=float, default=0.0,
                   help="score only records with at least this confidence (default 0: all)")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.set_defaults(func=run)


def _eval_root(arg: str | None) -> Path:
    from rhetoriclab.evaluation import eval_dir

    root = Path(arg) if arg else eval_dir()
    if root is None or not root.is_dir():
        raise FileNotFoundError("evaluation folder not found: pass --eval-dir or set RHETORICLAB_EVAL_DIR")
    return root


def run(args: argparse.Namespace) -> int:
    flags = {"include_negated": args.include_negated, "include_hypothetical": args.include_hypothetical,
             "min_confidence": args.min_confidence}
    problems: list[str] = []
    if args.set == "plover":
        from rhetoriclab.stances.scoring.plover import run_plover

        scores = run_plover(_eval_root(args.eval_dir), split=args.split, min_confidence=args.min_confidence)
    elif args.set == "directed":
        from rhetoriclab.stances.scoring.directed import run_directed

        path = _eval_root(args.eval_dir) / "directed-sentiment" / "dataset" / "valid.txt"
        if not path.is_file():
            raise FileNotFoundError(f"directed-sentiment data not found: {path}")
        scores, problems = run_directed(path, split=args.split, **flags)
    else:
        from rhetoriclab.stances.scoring.sample import DEFAULT_GOLD, run_sample

        scores, problems = run_sample(args.gold or DEFAULT_GOLD, split=args.split, **flags)
    scores = {"set": args.set, "split": args.split, **scores}
    for p in problems:
        print(f"problem: {p}", file=sys.stderr)
    if args.json:
        print(json.dumps(scores, indent=1, ensure_ascii=False))
    else:
        _print_table(scores)
    return 0


def _print_table(scores: dict, indent: str = "") -> None:
    for key, value in scores.items():
        if isinstance(value, dict):
            if value and all(not isinstance(v, dict) for v in value.values()):
                print(f"{indent}{key}: " + "  ".join(f"{k}={v}" for k, v in value.items()))
            else:
                print(f"{indent}{key}:")
                _print_table(value, indent + "  ")
        else:
            print(f"{indent}{key}: {value}")
