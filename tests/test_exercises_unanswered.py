"""A student copy of every exercise, run top to bottom without answers, shows no "✔"; the solutions do.

Each notebook runs with nbclient on the current Python, in its own folder (relative paths work), with a time
limit per cell. A cell may fail only if it is tagged ``raises-exception`` (an intended error).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import nbformat
import pytest

from rhetoriclab.student import make_student_copy

nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
EXERCISES = sorted((NOTEBOOKS / "exercises").glob("ex*.ipynb"))
SOLUTIONS = sorted((NOTEBOOKS / "solutions").glob("ex*_solution.ipynb"))
CELL_TIMEOUT = 600
TICK = "✔"


def _run(path: Path) -> nbformat.NotebookNode:
    """Execute ``path`` in its folder on the test's Python ("python3" resolves to ``sys.executable``)."""
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=CELL_TIMEOUT, kernel_name="python3", allow_errors=False,
                                     resources={"metadata": {"path": str(path.parent)}})
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p), "MPLBACKEND": "Agg"}
    client.execute(env=env)
    return nb


def _texts(cell) -> list[str]:
    out = []
    for o in cell.get("outputs", []):
        if "text" in o:
            out.append(o["text"])
        for kind in ("text/plain", "text/html", "text/markdown"):
            if kind in o.get("data", {}):
                out.append(o["data"][kind])
        if o.get("output_type") == "error":
            out.append(f"{o['ename']}: {o['evalue']}")
    return out


@pytest.fixture(scope="module")
def student_copy(tmp_path_factory) -> Path:
    return make_student_copy(tmp_path_factory.mktemp("student") / "copy").outdir


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda p: p.stem)
def test_unanswered_student_copy_earns_no_tick(exercise, student_copy):
    path = student_copy / "exercises" / exercise.name
    nb = _run(path)
    ticks = [(i, t) for i, c in enumerate(nb.cells) for t in _texts(c) if TICK in t]
    assert not ticks, f"{exercise.name}: unanswered, yet ticked: {ticks}"
    assert any("answer" in c.metadata.get("tags", []) for c in nb.cells), f"{exercise.name} has no answer cell"
    checks = [c for c in nb.cells if c.cell_type == "code" and "teaching.check_" in c.source]
    assert checks, f"{exercise.name} has no self-check"
    for cell in checks:
        assert any("✘" in t for t in _texts(cell)), f"{exercise.name}: a self-check is silent unanswered"


@pytest.mark.parametrize("solution", SOLUTIONS, ids=lambda p: p.stem)
def test_solutions_tick_every_check(solution, tmp_path):
    copy = tmp_path / solution.name
    copy.write_bytes(solution.read_bytes())
    nb = _run(copy)
    for i, cell in enumerate(nb.cells):
        if "solution" in cell.metadata.get("tags", []) and "teaching.check_" in cell.source:
            texts = "".join(_texts(cell))
            assert TICK in texts and "✘" not in texts, f"{solution.name} cell {i}: {texts}"
