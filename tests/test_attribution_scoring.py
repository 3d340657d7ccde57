"""The project's attribution scorer: development halves, per-form scores, exact spans, and agreement with the
shared scorer (``score_quotes.py``) when PolNeAR is available."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from rhetoriclab import evaluation as ev


def test_split_half_is_stable_and_ignores_folders():
    names = [f"doc{i}" for i in range(200)]
    halves = [ev.split_half(n) for n in names]
    assert set(halves) == {"a", "b"} and 60 < halves.count("a") < 140
    assert ev.split_half("nyt_2016-09-19_obama.txt") == ev.split_half("/x/y/nyt_2016-09-19_obama.txt")
    assert ev.split_half("politico_2016-10-04_trump-not-walking-the-walk-on-hi") == "b"  # md5 first byte odd


@pytest.mark.parametrize(("text", "span", "form"), [
    ('He said "we will win" today.', (9, 20), "quoted"),
    ('He said "we will win" today.', (8, 21), "quoted"),
    ('He said we "will win" today.', (8, 20), "mixed"),
    ("He said we will win today.", (8, 19), "unquoted"),
])
def test_content_form(text, span, form):
    assert ev.content_form(text, set(range(*span))) == form


def _gold(content, source=(), cue=(), form="unquoted"):
    return {"content": set(range(*content)), "source": set(range(*source)) if source else set(),
            "cue": set(range(*cue)) if cue else set(), "source_text": "", "form": form}


def test_score_overlap_and_exact_spans():
    gold = {"d": [_gold((10, 20), (0, 5), (6, 9)), _gold((30, 40), form="quoted")]}
    system = {"d": [{"content": set(range(12, 20)), "source": set(range(0, 5)), "cue": set(range(6, 9)),
                     "names": ["", ""], "form": "unquoted"},
                    {"content": set(range(50, 60)), "source": set(), "cue": set(), "names": ["", ""],
                     "form": "unquoted"}]}
    all30 = ev.score_overlap(gold, system, 0.3)
    assert (all30["matched"], all30["gold"], all30["system"], all30["speaker_acc"]) == (1, 2, 2, 1.0)
    assert ev.score_overlap(gold, system, 0.9)["matched"] == 0
    unq = ev.score_overlap(gold, system, 0.3, "unquoted")
    assert (unq["matched"], unq["gold"], unq["system"]) == (1, 1, 2)
    assert ev.score_overlap(gold, system, 0.3, "quoted")["recall"] == 0.0
    ev._TEXTS.clear()
    assert ev.score_exact(gold, system, "source")["matched"] == 1
    assert ev.score_exact(gold, system, "content")["matched"] == 0


def _polnear():
    root = ev.eval_dir()
    if root is None or not (root / "polnear-dev" / "attributions").is_dir() or not (root / "score_quotes.py").is_file():
        pytest.skip(ev.POLNEAR_HINT)
    return root


def test_all30_agrees_with_the_shared_scorer(tmp_path: Path):
    root = _polnear()
    gold_dir = root / "polnear-dev"
    texts, gold = ev.load_gold(gold_dir)
    out = tmp_path / "sys.jsonl"
    with out.open("w", encoding="utf-8") as f:  # a system that finds the first half of every other gold content
        for stem, recs in gold.items():
            for k, g in enumerate(recs):
                if k % 2 == 0:
                    lo, hi = min(g["content"]), max(g["content"]) + 1
                    f.write(json.dumps({"doc": stem, "content_start": lo, "content_end": lo + (hi - lo) // 2 + 1,
                                        "source": g["source_text"]}) + "\n")
    shared = json.loads(subprocess.run([sys.executable, str(root / "score_quotes.py"), str(gold_dir), str(out)],
                                       capture_output=True, text=True, check=True).stdout)
    ours = ev.score_all(gold_dir, out)
    for key in ("all@30", "all@80"):
        assert ours[key] == shared[key]
    halves = [ev.score_all(gold_dir, out, lambda s, h=h: ev.split_half(s) == h) for h in "ab"]
    assert halves[0]["docs"] + halves[1]["docs"] == ours["docs"] == len(texts)
    assert halves[0]["all@30"]["gold"] + halves[1]["all@30"]["gold"] == ours["all@30"]["gold"]
