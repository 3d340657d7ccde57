"""The PLOVER gold records per split, scored by the shared ``score_events.py`` (unchanged, via subprocess).

The gold records (``plover/gsr-dev.json``; inputs ``plover/gsr-dev.jsonl``) live in ``RHETORICLAB_EVAL_DIR``.
For a split, both files are filtered to the records whose ``id`` is in the half (see :mod:`.splits`), written to
a temporary folder, and the coder and scorer run on those; ``"all"`` uses the files as they are. The scorer
reads the gold set's PLOVER 0.5b1 types in the 2021 scheme (DEMAND->REQUEST, DISAPPROVE/INVESTIGATE->ACCUSE,
FIGHT->ASSAULT).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from rhetoriclab.stances.evaluation import PLOVER_HINT, plover_paths, score_events, write_stances_jsonl
from rhetoriclab.stances.scoring.splits import in_split


def split_gold(gold_json: str | Path, records_jsonl: str | Path, split: str, folder: str | Path) -> tuple[Path, Path]:
    """Write the gold array (its DOCUMENT records kept) and the input records of ``split`` into ``folder``."""
    folder = Path(folder)
    gold = json.loads(Path(gold_json).read_text(encoding="utf-8"))
    kept = [r for r in gold if r.get("event") == "DOCUMENT" or in_split(r["id"], split)]
    ids = {r["id"] for r in kept}
    lines = [ln for ln in Path(records_jsonl).read_text(encoding="utf-8").splitlines()
             if ln.strip() and json.loads(ln)["id"] in ids]
    gold_out, records_out = folder / f"gsr-{split}.json", folder / f"gsr-{split}.jsonl"
    gold_out.write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")
    records_out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return gold_out, records_out


def run_plover(eval_root: str | Path, *, split: str = "all", min_confidence: float = 0.0) -> dict:
    """Code the gold records of ``split`` with the current coder; the shared scorer's result plus ``stances``.
    Records below ``min_confidence`` are dropped before scoring (a sentence left without one counts as uncoded)."""
    paths = plover_paths(eval_root)
    if paths is None:
        raise FileNotFoundError(PLOVER_HINT)
    gold_json, records_jsonl, scorer = paths
    with tempfile.TemporaryDirectory(prefix="rhetoriclab-plover-") as tmp:
        if split != "all":
            gold_json, records_jsonl = split_gold(gold_json, records_jsonl, split, tmp)
        system = Path(tmp) / "system.jsonl"
        n = write_stances_jsonl(records_jsonl, system)
        if min_confidence > 0:
            kept = [ln for ln in system.read_text(encoding="utf-8").splitlines()
                    if ln.strip() and json.loads(ln).get("confidence", 1.0) >= min_confidence]
            system.write_text("".join(f"{ln}\n" for ln in kept), encoding="utf-8")
            n = len(kept)
        result = score_events(gold_json, system, scorer)
    return {"split": split, "stances": n, **result}
