"""Measuring the attribution extractor against PolNeAR with the shared scorer.

The gold data and the scorer (``score_quotes.py``) live outside the project (``RHETORICLAB_EVAL_DIR``,
default ``<repo>/../shared/eval``); nothing from them is copied here. PolNeAR itself is published at
https://github.com/networkdynamics/PolNeAR (Newell, Margolin & Ruths, LREC 2018).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd

from rhetoriclab.attribution.frame import iter_records
from rhetoriclab.documents import Problem
from rhetoriclab.loaders import load_path

POLNEAR_HINT = ("PolNeAR is not available. Set RHETORICLAB_EVAL_DIR to a folder holding polnear-dev/ (text/, "
                "attributions/) and score_quotes.py, or get PolNeAR from https://github.com/networkdynamics/PolNeAR.")


def eval_dir() -> Path | None:
    """The evaluation folder (``RHETORICLAB_EVAL_DIR`` or ``<repo>/../shared/eval``), None if absent."""
    env = os.environ.get("RHETORICLAB_EVAL_DIR")
    path = Path(env) if env else Path(__file__).resolve().parents[2].parent / "shared" / "eval"
    return path if path.is_dir() else None


def write_system_jsonl(gold_dir: str | Path, out: str | Path) -> list[Problem]:
    """Run the attribution pipeline over ``gold_dir/text`` and write the scorer's JSON Lines to ``out``."""
    corpus = load_path(Path(gold_dir) / "text")
    problems: list[Problem] = []
    with open(out, "w", encoding="utf-8") as f:
        for _, records in iter_records(corpus, problems=problems):
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return problems


def score(gold_dir: str | Path, system_jsonl: str | Path, scorer: str | Path | None = None) -> dict:
    """The shared scorer's result (``all@30``, ``all@80``, ``quoted_recall@30``: precision, recall, f1, speaker_acc)."""
    scorer = Path(scorer) if scorer else Path(gold_dir).parent / "score_quotes.py"
    if not scorer.is_file():
        raise FileNotFoundError(f"scorer not found: {scorer}")
    done = subprocess.run([sys.executable, str(scorer), str(gold_dir), str(system_jsonl)],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def scores_frame(result: dict) -> pd.DataFrame:
    """The scorer's result as a table: one row per setting."""
    rows = [{"setting": k, **v} for k, v in result.items() if isinstance(v, dict)]
    return pd.DataFrame(rows).set_index("setting")


def _chars(ranges: str) -> set[int]:
    out: set[int] = set()
    for part in ranges.split(";"):
        a, b = part.split()
        out.update(range(int(a), int(b)))
    return out


def read_brat(ann: str | Path) -> pd.DataFrame:
    """Gold attributions of one brat ``.ann`` file: content, source and cue text and character sets."""
    spans, rows = {}, []
    for line in Path(ann).read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("T") and len(cols) >= 3:
            label, _, rng = cols[1].partition(" ")
            spans[cols[0]] = (label, _chars(rng), cols[2])
        elif line.startswith("E") and len(cols) >= 2:
            rec = {"content": set(), "source": set(), "source_text": "", "cue_text": "", "content_text": ""}
            for role_tid in cols[1].split():
                role, _, tid = role_tid.partition(":")
                role = role.rstrip("0123456789")
                if tid in spans and role in ("Content", "Source", "Cue"):
                    _, chars, text = spans[tid]
                    key = role.lower()
                    if key != "cue":
                        rec[key] |= chars
                    rec[f"{key}_text"] = (rec[f"{key}_text"] + " " + text).strip()
            if rec["content"]:
                rows.append(rec)
    return pd.DataFrame(rows, columns=["content", "source", "content_text", "source_text", "cue_text"])


def error_table(gold_dir: str | Path, system_jsonl: str | Path, threshold: float = 0.3) -> pd.DataFrame:
    """Every gold attribution with whether the system found it (greedy one-to-one as in the scorer) and the
    system's source and speaker for it; plus every unmatched system attribution (``status`` = false alarm)."""
    gold_dir = Path(gold_dir)
    system: dict[str, list[dict]] = {}
    for line in Path(system_jsonl).read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            system.setdefault(Path(str(r["doc"])).stem, []).append(r)
    rows = []
    seen = set()
    for ann in sorted((gold_dir / "attributions").glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        if stem in seen or not (gold_dir / "text" / f"{stem}.txt").is_file():
            continue
        seen.add(stem)
        gold = read_brat(ann)
        recs = system.get(stem, [])
        sys_chars = [set(range(r["content_start"], r["content_end"])) for r in recs]
        pairs = sorted(((len(g & s) / len(g), gi, si) for gi, g in enumerate(gold["content"])
                        for si, s in enumerate(sys_chars) if len(g & s) / len(g) >= threshold), reverse=True)
        g_to_s: dict[int, int] = {}
        used: set[int] = set()
        for _, gi, si in pairs:
            if gi not in g_to_s and si not in used:
                g_to_s[gi] = si
                used.add(si)
        for gi, g in gold.iterrows():
            r = recs[g_to_s[gi]] if gi in g_to_s else {}
            rows.append({"doc": stem, "status": "found" if r else "missed", "gold_content": g["content_text"][:100],
                         "gold_cue": g["cue_text"], "gold_source": g["source_text"], "rule": r.get("rule"),
                         "system_source": r.get("source"), "system_speaker": r.get("speaker")})
        for si, r in enumerate(recs):
            if si not in used:
                rows.append({"doc": stem, "status": "false alarm", "gold_content": None, "gold_cue": None,
                             "gold_source": None, "rule": r["rule"], "system_source": r["source"],
                             "system_speaker": r["speaker"], "system_content": r["content"][:100]})
    return pd.DataFrame(rows)


__all__ = ["POLNEAR_HINT", "error_table", "eval_dir", "read_brat", "score", "scores_frame", "write_system_jsonl"]
