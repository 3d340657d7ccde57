"""Student copies: output-free lessons and exercises with every solution removed.

``python -m rhetoriclab.student OUTDIR`` copies ``notebooks/`` (lessons ``NN_*.ipynb``, ``exercises/``,
the data files the notebooks read) to ``OUTDIR``, clears every output and execution count, drops the
``solutions/`` folder and every cell tagged ``solution``, and leaves out the book's build files. It
refuses to write into a non-empty folder unless ``--force`` is given, and prints what it wrote and dropped.
"""

from __future__ import annotations

import argparse
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

#: Cells with this tag hold a solution; they never reach students.
SOLUTION_TAG = "solution"
#: Folders and files of the notebook folder that are not handed out.
EXCLUDED = ("solutions", "_build", ".ipynb_checkpoints", "__pycache__", "_config.yml", "_toc.yml",
            "instructor_guide.md", "sanitize.cfg")


@dataclass
class StudentCopy:
    """What :func:`make_student_copy` wrote and left out."""

    outdir: Path
    notebooks: list[Path] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    solution_cells: int = 0
    skipped: list[str] = field(default_factory=list)

    def summary(self) -> str:
        lines = [f"student copy in {self.outdir}: {len(self.notebooks)} notebooks (outputs cleared), "
                 f"{len(self.files)} other files; removed {self.solution_cells} solution cell(s)"]
        lines += [f"  left out: {s}" for s in self.skipped]
        return "\n".join(lines)


def strip_notebook(nb: nbformat.NotebookNode) -> tuple[nbformat.NotebookNode, int]:
    """Drop cells tagged ``solution``, clear outputs, execution counts and widget state; return (nb, dropped)."""
    kept = [c for c in nb.cells if SOLUTION_TAG not in c.get("metadata", {}).get("tags", [])]
    dropped = len(nb.cells) - len(kept)
    for cell in kept:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        for key in ("execution", "ExecuteTime", "collapsed", "scrolled"):
            cell.metadata.pop(key, None)
    nb.cells = kept
    nb.metadata.pop("widgets", None)
    return nb, dropped


def _excluded(rel: Path) -> str | None:
    for part in rel.parts:
        if part in EXCLUDED:
            return part
    return None


def make_student_copy(outdir: str | Path, source: str | Path | None = None, *, force: bool = False) -> StudentCopy:
    """Write the student folder ``outdir`` from the notebook folder ``source`` (default: the repo's ``notebooks/``)."""
    source = Path(source) if source else Path(__file__).resolve().parents[2] / "notebooks"
    outdir = Path(outdir)
    if not source.is_dir():
        raise FileNotFoundError(f"notebook folder {source} does not exist")
    if outdir.resolve() == source.resolve() or source.resolve() in outdir.resolve().parents:
        raise ValueError(f"{outdir} is inside the notebook folder {source}; choose a folder outside it")
    if outdir.exists() and any(outdir.iterdir()):
        if not force:
            raise FileExistsError(f"{outdir} is not empty; pass --force to replace it")
        shutil.rmtree(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    result = StudentCopy(outdir)
    for path in sorted(source.rglob("*")):
        rel = path.relative_to(source)
        why = _excluded(rel)
        if why:
            if rel.parts[0] == why and len(rel.parts) == 1:
                result.skipped.append(f"{rel}{'/' if path.is_dir() else ''}")
            continue
        if path.is_dir():
            continue
        target = outdir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".ipynb":
            nb, dropped = strip_notebook(nbformat.read(path, as_version=4))
            nbformat.write(nb, target)
            result.notebooks.append(rel)
            result.solution_cells += dropped
        else:
            shutil.copy2(path, target)
            result.files.append(rel)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write output-free student copies of the lessons and exercises.")
    parser.add_argument("outdir", type=Path, help="folder to create (must be empty or absent)")
    parser.add_argument("--source", type=Path, default=None, help="notebook folder (default: the repo's notebooks/)")
    parser.add_argument("--force", action="store_true", help="replace a non-empty OUTDIR")
    args = parser.parse_args(argv)
    try:
        copy = make_student_copy(args.outdir, args.source, force=args.force)
    except (FileExistsError, FileNotFoundError, ValueError) as e:
        parser.exit(2, f"error: {e}\n")
    print(copy.summary())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
