"""Take the results away: a case study writes its record tables (Parquet and CSV) and figures (PNG and SVG) to an
output folder, each file written to a temporary name beside its target and renamed when complete, so an
interrupted export never leaves a half-written file where a finished one was.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure


def _atomic(path: Path, write: Callable[[Path], None]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _csv_safe(table: pd.DataFrame) -> pd.DataFrame:
    """Lists and dicts as text, so CSV and Parquet hold the same values."""
    out = table.copy()
    for col in out.columns:
        if out[col].dtype == object and out[col].map(lambda v: isinstance(v, list | tuple | dict)).any():
            out[col] = out[col].map(lambda v: "; ".join(map(str, v)) if isinstance(v, list | tuple) else v)
    return out


def export_results(folder: str | os.PathLike, tables: Mapping[str, pd.DataFrame],
                   figures: Mapping[str, Figure] | None = None) -> pd.DataFrame:
    """Write every table as ``<name>.parquet`` and ``<name>.csv`` and every figure as ``<name>.png`` and
    ``<name>.svg`` into ``folder``; return one row per file written (name, file, rows, bytes)."""
    folder = Path(folder)
    rows = []
    for name, table in sorted(tables.items()):
        safe = _csv_safe(table)
        for ext, write in (("parquet", lambda p, t=safe: t.to_parquet(p, index=False)),
                           ("csv", lambda p, t=safe: t.to_csv(p, index=False))):
            path = _atomic(folder / f"{name}.{ext}", write)
            rows.append({"name": name, "file": path.name, "rows": len(table), "bytes": path.stat().st_size})
    for name, fig in sorted((figures or {}).items()):
        for ext in ("png", "svg"):
            path = _atomic(folder / f"{name}.{ext}",
                           lambda p, f=fig, e=ext: f.savefig(p, format=e, dpi=150, bbox_inches="tight"))
            rows.append({"name": name, "file": path.name, "rows": None, "bytes": path.stat().st_size})
    return pd.DataFrame(rows, columns=["name", "file", "rows", "bytes"])
