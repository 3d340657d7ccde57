"""Student copies: outputs cleared, solutions folder and solution-tagged cells gone, no solution text left."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from rhetoriclab.student import main, make_student_copy, strip_notebook

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def _solution_lines() -> dict[str, set[str]]:
    """Per solution notebook: code lines of its solution cells that the exercise version does not contain."""
    out = {}
    for sol in sorted((NOTEBOOKS / "solutions").glob("*.ipynb")):
        exercise = NOTEBOOKS / "exercises" / sol.name.replace("_solution", "")
        ex_text = _sources(exercise) if exercise.exists() else ""
        nb = nbformat.read(sol, as_version=4)
        lines = {ln.strip() for c in nb.cells if "solution" in c.metadata.get("tags", [])
                 for ln in c.source.splitlines()}
        out[sol.name] = {ln for ln in lines if len(ln) > 25 and not ln.startswith("#") and ln not in ex_text}
    return out


def _sources(path: Path) -> str:
    """All cell sources of a notebook, or the text of any other file."""
    if path.suffix == ".ipynb":
        return "\n".join(c.source for c in nbformat.read(path, as_version=4).cells)
    return path.read_text(encoding="utf-8", errors="replace")


def test_repo_student_copy_has_no_solutions(tmp_path, capsys):
    secrets = _solution_lines()
    assert secrets and all(secrets.values()), "every solution notebook should hold solution-only lines"
    assert main([str(tmp_path / "out")]) == 0
    out = tmp_path / "out"
    assert "left out: solutions/" in capsys.readouterr().out
    assert not (out / "solutions").exists() and not (out / "instructor_guide.md").exists()
    assert sorted(p.name for p in (out / "exercises").glob("*.ipynb")) == \
        sorted(p.name for p in (NOTEBOOKS / "exercises").glob("*.ipynb"))
    lessons = sorted(p.name for p in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    assert sorted(p.name for p in out.glob("[0-9][0-9]_*.ipynb")) == lessons
    every_text = "\n".join(_sources(p) for p in out.rglob("*") if p.is_file())
    for name, lines in secrets.items():
        leaked = [ln for ln in lines if ln in every_text]
        assert not leaked, f"solution text of {name} survives in the student copy: {leaked}"
    for path in out.rglob("*.ipynb"):
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            assert "solution" not in cell.metadata.get("tags", [])
            if cell.cell_type == "code":
                assert cell.outputs == [] and cell.execution_count is None, f"{path}: outputs left"


def _notebook(tmp: Path, name: str, cells) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.cells = cells
    path = tmp / name
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


def test_tagged_cells_dropped_and_outputs_cleared(tmp_path):
    src = tmp_path / "src"
    secret = nbformat.v4.new_code_cell("answer = 42  # the secret", metadata={"tags": ["solution"]})
    shown = nbformat.v4.new_code_cell("print('hi')", execution_count=3,
                                      outputs=[nbformat.v4.new_output("stream", text="hi\n")])
    _notebook(src, "01_lesson.ipynb", [nbformat.v4.new_markdown_cell("# Lesson"), shown, secret])
    _notebook(src, "solutions/ex_solution.ipynb", [nbformat.v4.new_code_cell("answer = 42")])
    (src / "data.csv").write_text("a,b\n1,2\n")
    copy = make_student_copy(tmp_path / "out", src)
    assert copy.solution_cells == 1 and [str(p) for p in copy.files] == ["data.csv"]
    nb = nbformat.read(tmp_path / "out" / "01_lesson.ipynb", as_version=4)
    assert [c.cell_type for c in nb.cells] == ["markdown", "code"]
    assert nb.cells[1].outputs == [] and nb.cells[1].execution_count is None
    assert "42" not in (tmp_path / "out" / "01_lesson.ipynb").read_text()
    assert not (tmp_path / "out" / "solutions").exists()


def test_refuses_to_overwrite_or_write_inside_source(tmp_path):
    src = tmp_path / "src"
    _notebook(src, "01.ipynb", [])
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "keep.txt").write_text("x")
    with pytest.raises(FileExistsError, match="not empty"):
        make_student_copy(tmp_path / "busy", src)
    assert make_student_copy(tmp_path / "busy", src, force=True).notebooks == [Path("01.ipynb")]
    with pytest.raises(ValueError, match="inside the notebook folder"):
        make_student_copy(src / "student", src)
    with pytest.raises(FileNotFoundError):
        make_student_copy(tmp_path / "o", tmp_path / "nope")


def test_strip_notebook_drops_widget_state():
    nb = nbformat.v4.new_notebook()
    nb.metadata["widgets"] = {"state": {}}
    nb, dropped = strip_notebook(nb)
    assert dropped == 0 and "widgets" not in nb.metadata
