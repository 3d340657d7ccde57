"""Execute notebooks in place, top to bottom, as ``make run`` does.

``python -m rhetoriclab.notebook_runner notebooks/01_loading_articles.ipynb ...``
runs each notebook in a fresh kernel with the notebook's folder as working
directory, saves it with its outputs, and prints what it produced.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

#: Cell metadata that changes on every run and only adds noise to diffs.
VOLATILE_METADATA = ("execution", "ExecuteTime")


def execute_notebook(path: Path, timeout: int = 1800, kernel: str = "python3") -> dict:
    """Run ``path`` in place; return a summary (cells, figures, seconds)."""
    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    resources = {"metadata": {"path": str(path.parent)}}
    NotebookClient(nb, timeout=timeout, kernel_name=kernel, resources=resources).execute()
    seconds = time.perf_counter() - start
    figures = 0
    for cell in nb.cells:
        for key in VOLATILE_METADATA:
            cell.metadata.pop(key, None)
        for out in cell.get("outputs", []):
            figures += "image/png" in out.get("data", {})
    nbformat.write(nb, path)
    code = sum(c.cell_type == "code" for c in nb.cells)
    return {"notebook": str(path), "code_cells": code, "figures": figures, "seconds": round(seconds, 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--timeout", type=int, default=1800, help="seconds per cell")
    args = parser.parse_args(argv)
    failed = []
    for path in args.notebooks:
        print(f"executing {path} ...", flush=True)
        try:
            s = execute_notebook(path, timeout=args.timeout)
        except Exception as e:  # report every failing notebook, then fail
            print(f"  FAILED: {type(e).__name__}: {str(e).strip().splitlines()[-1] if str(e).strip() else ''}")
            failed.append(path)
            continue
        print(f"  ok: {s['code_cells']} code cells, {s['figures']} figures, {s['seconds']} s")
    if failed:
        print(f"{len(failed)} notebook(s) failed: {', '.join(map(str, failed))}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
