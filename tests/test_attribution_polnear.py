"""The whole attribution pipeline on PolNeAR dev, scored by the shared scorer (skipped when not available)."""

from __future__ import annotations

import pytest

from rhetoriclab.evaluation import POLNEAR_HINT, error_table, eval_dir, score, write_system_jsonl


@pytest.fixture(scope="module")
def polnear(tmp_path_factory):
    root = eval_dir()
    if root is None or not (root / "polnear-dev" / "text").is_dir() or not (root / "score_quotes.py").is_file():
        pytest.skip(POLNEAR_HINT)
    out = tmp_path_factory.mktemp("polnear") / "system.jsonl"
    problems = write_system_jsonl(root / "polnear-dev", out)
    return root / "polnear-dev", out, problems


def test_polnear_dev_scores(polnear):
    gold_dir, out, problems = polnear
    assert not [p for p in problems if "attribution failed" in p.reason]
    result = score(gold_dir, out)
    assert result["docs"] == 84
    # The targets are F1 0.70 and speaker accuracy 0.85; dev stands at 0.761 / 0.889, guarded here against regressions.
    assert result["all@30"]["f1"] >= 0.75, result["all@30"]
    assert result["all@30"]["speaker_acc"] >= 0.88, result["all@30"]
    assert result["quoted_recall@30"]["recall"] >= 0.85, result["quoted_recall@30"]


def test_error_table_agrees_with_the_scorer(polnear):
    gold_dir, out, _ = polnear
    table = error_table(gold_dir, out)
    result = score(gold_dir, out)["all@30"]
    assert (table["status"] == "found").sum() == result["matched"]
    assert (table["status"] == "missed").sum() == result["gold"] - result["matched"]
