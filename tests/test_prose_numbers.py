"""Every number in the prose of the analysis notebooks (03-06) is computed: glued from a cell
(``{glue:text}`name```) or printed by a cell's output, never typed. Years, counts of things the notebook defines
(e.g. "30 records", "1,000 resamples") and section numbers are not findings; decimals and percentages are."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("0[3-6]_*.ipynb"))
#: A decimal number or a percentage: what a finding states.
NUMBER = re.compile(r"(?<![\w.\-])[\u2212\-+]?\d+\.\d+(?![\w.])|\b\d+(?:\.\d+)?\s?%")
#: Inline code, glue roles, links, DOIs and licence versions do not count as prose.
NOT_PROSE = re.compile(r"`[^`]*`|\{glue[^}]*\}`[^`]*`|\[[^\]]*\]\([^)]*\)|doi:\S+|CC BY[-\w]* \d\.\d")
#: Constants of the method, stated as such (thresholds and scale ends), not findings.
METHOD = {"0.5", "0.7", "1.96", "-10", "+10", "95%", "95 %", "-2", "-3", "-3.5", "-1", "2.0"}


def _outputs(cells: list[dict]) -> str:
    return " ".join(json.dumps(c.get("outputs", [])) for c in cells if c.get("cell_type") == "code")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_numbers_in_prose_are_computed(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    outputs = _outputs(cells)
    typed = []
    for cell in cells:
        if cell.get("cell_type") != "markdown":
            continue
        prose = NOT_PROSE.sub(" ", "".join(cell.get("source", "")))
        for m in NUMBER.finditer(prose):
            n = m.group(0).replace("\u2212", "-")
            bare = n.rstrip("%").strip().lstrip("-+")
            if n.replace(" ", "") in METHOD or n in METHOD or bare in outputs:
                continue
            typed.append(n)
    assert not typed, f"{path.name}: numbers typed into prose that no cell computes: {typed}"


def test_the_check_finds_a_typed_number(tmp_path):
    cells = [{"cell_type": "markdown", "source": ["Washington's mean is -0.84, from 557 stances."]},
             {"cell_type": "code", "outputs": [{"text": "557"}], "source": []}]
    prose = NOT_PROSE.sub(" ", cells[0]["source"][0])
    found = [m.group(0) for m in NUMBER.finditer(prose) if m.group(0).lstrip("-") not in _outputs(cells)]
    assert found == ["-0.84"]
