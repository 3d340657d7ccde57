"""How much a stance record is worth: a confidence in [0, 1] from the evidence behind it.

A heuristic, not a probability: the weights (``data/stances/confidence.yaml``) say how much each kind of evidence
usually holds (a two-word phrase more than a lone noun, a source found as the clause's subject more than none).
Calibration is measured, not assumed: notebook 03 shows precision by confidence band on the dev sets.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

import yaml


@cache
def weights() -> dict:
    path = Path(str(resources.files("rhetoriclab") / "data" / "stances" / "confidence.yaml"))
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def confidence(cue_kind: str, source_rule: str, target_rule: str, hypothetical: bool, needs_recipient: bool) -> float:
    """The record's confidence: the cue kind's base, plus or minus what its roles and qualities add."""
    w = weights()
    score = w["cue_kind"].get(cue_kind, w["cue_kind"]["default"])
    score += w["source_rule"].get(source_rule.split(":")[0], 0.0)
    score += w["target_rule"].get(target_rule, 0.0)
    if hypothetical:
        score += w["hypothetical"]
    if needs_recipient and target_rule == "none":
        score += w["missing_recipient"]
    return round(min(max(score, w["floor"]), w["ceiling"]), 2)
