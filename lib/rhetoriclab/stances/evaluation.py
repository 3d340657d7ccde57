"""Measuring the stance coder against the PLOVER gold standard records with the shared scorer.

The gold records (``plover/gsr-dev.json``, the PLOVER GSR from the Open Event Data Alliance, CC BY-SA 4.0) and
the scorer (``score_events.py``) live outside the project, in ``RHETORICLAB_EVAL_DIR`` (default
``<repo>/../shared/eval``); nothing from them is copied here. Upstream: https://github.com/openeventdata/PLOVER.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd

from rhetoriclab.loaders import load_path
from rhetoriclab.stances.lexicon import PLOVER_EVENTS

PLOVER_HINT = ("The PLOVER gold records are not available. Set RHETORICLAB_EVAL_DIR to a folder holding "
               "plover/gsr-dev.json, plover/gsr-dev.jsonl and score_events.py; the records are published at "
               "https://github.com/openeventdata/PLOVER.")


def plover_paths(eval_root: str | Path) -> tuple[Path, Path, Path] | None:
    """(gold JSON, input JSON Lines, scorer) under ``eval_root``, or None when any is missing."""
    root = Path(eval_root)
    paths = (root / "plover" / "gsr-dev.json", root / "plover" / "gsr-dev.jsonl", root / "score_events.py")
    return paths if all(p.is_file() for p in paths) else None


def write_stances_jsonl(records_jsonl: str | Path, out: str | Path) -> int:
    """Code every ``{"id", "text"}`` record and write our stances as JSON Lines (what ``rhetoriclab stances
    --jsonl`` writes); returns the number of stances."""
    from rhetoriclab.stances.frame import iter_stance_records

    corpus = load_path(records_jsonl)
    if corpus.problems:
        raise ValueError(f"{records_jsonl}: " + "; ".join(map(str, corpus.problems)))
    n = 0
    with open(out, "w", encoding="utf-8") as fh:
        for _, records in iter_stance_records(corpus):
            for r in records:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
                n += 1
    return n


def score_events(gold_json: str | Path, system_jsonl: str | Path, scorer: str | Path) -> dict:
    """The shared scorer's result: coverage, event_top1, event_any, source, target, triple, per-event counts."""
    done = subprocess.run([sys.executable, str(scorer), str(gold_json), str(system_jsonl)],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def gold_events(gold_json: str | Path) -> pd.DataFrame:
    """The gold records: id and event (PLOVER 0.5b1 FIGHT counted as ASSAULT, as the scorer does)."""
    rows = [{"id": r["id"], "gold": "ASSAULT" if r["event"] == "FIGHT" else r["event"]}
            for r in json.loads(Path(gold_json).read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT"]
    return pd.DataFrame(rows)


def top1_events(system_jsonl: str | Path) -> pd.DataFrame:
    """Our first (main) stance per record: id and event."""
    first: dict[str, str] = {}
    for line in Path(system_jsonl).read_text(encoding="utf-8").splitlines():
        if line.strip():
            o = json.loads(line)
            first.setdefault(str(o["doc"]), o["event"])
    return pd.DataFrame({"id": list(first), "system": list(first.values())})


def confusion_matrix(gold_json: str | Path, system_jsonl: str | Path) -> pd.DataFrame:
    """Gold event (rows) by our top-1 event (columns); records we coded nothing for are in column ``(none)``."""
    both = gold_events(gold_json).merge(top1_events(system_jsonl), on="id", how="left")
    both["system"] = both["system"].fillna("(none)")
    table = pd.crosstab(both["gold"], both["system"])
    rows = [e for e in PLOVER_EVENTS if e in table.index]
    cols = [e for e in (*PLOVER_EVENTS, "(none)") if e in table.columns]
    return table.loc[rows, cols]
